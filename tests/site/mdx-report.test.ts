/** The Education Scorecard, written as MDX, as readers get it in the built site. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { findAll, findOne, getAttributeValue, textContent } from "domutils";
import type { Element } from "domhandler";
import { parseDocument } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { builtSite } from "./built-site.ts";

const page = () =>
  parseDocument(readFileSync(join(builtSite(), "reports/education-scorecard-2023/index.html"), "utf8")).children;
const words = (nodes: Parameters<typeof textContent>[0]) => textContent(nodes).replace(/\s+/g, " ").trim();
const byId = (id: string) => findOne((e: Element) => getAttributeValue(e, "id") === id, page());

describe("a report written as MDX (the Education Scorecard)", () => {
  it("prints the paper's sentence with the embedded figure as published, saying so", () => {
    expect(words(page())).toContain(
      "Absence for all students across Sefton for 2022/23 lies at 8.2% (as published in November 2023) which is slightly higher the average absence in 2021/22 by 0.2%.",
    );
  });

  it("shows the absence chart after the absence table, titled as published, with its data table", () => {
    const chart = byId("as-published-absence-rate-academic-year-1");
    expect(chart?.name).toBe("figure");
    expect(words(findOne((e: Element) => e.name === "figcaption", [chart!])!)).toMatch(
      /^Absence rate: how much school time pupils missed, as published in November 2023 — All pupils, EHCP pupils, SEN support pupils, LAC \(each academic year\)Source: /,
    );
    expect(findAll((e: Element) => getAttributeValue(e, "role") === "img", [chart!]).length).toBeGreaterThan(0);
    const rows = findAll((e: Element) => e.name === "tr", [chart!]).map((tr) =>
      findAll((e: Element) => e.name === "th" || e.name === "td", [tr]).map((cell) => words(cell)),
    );
    expect(rows).toContainEqual(["2022/23 academic year", "8.2%", "12.7%", "11.9%", "8.7%"]);
    const prose = findOne((e: Element) => getAttributeValue(e, "class") === "prose", page())!;
    // The report's own tables and the portal's charts, in page order: each table by its first cell.
    const order = prose.children
      .filter((e): e is Element => e.type === "tag" && (e.name === "figure" || e.name === "section"))
      .map((e) =>
        e.name === "figure" ? getAttributeValue(e, "id") : words(findOne((x: Element) => x.name === "td", [e])!),
      );
    expect(order.slice(0, 4)).toEqual([
      "All pupils",
      "as-published-absence-rate-academic-year-1",
      "as-published-absence-rate-academic-year-2",
      "All pupils",
    ]);
  });

  it("keeps its contents list, its acronyms explained and its text searchable", () => {
    const contents = findOne((e: Element) => getAttributeValue(e, "class") === "contents-list", page())!;
    expect(words(contents)).toContain("Appendix A – Education Scorecard");
    const prose = findOne((e: Element) => getAttributeValue(e, "class") === "prose", page())!;
    expect(findAll((e: Element) => getAttributeValue(e, "class") === "term", [prose]).length).toBeGreaterThan(0);
    const searchable = findOne((e: Element) => e.attribs["data-pagefind-body"] !== undefined, page())!;
    expect(words(searchable)).toContain("lies at 8.2% (as published in November 2023)");
  });
});
