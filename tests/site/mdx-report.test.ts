/** The Education Scorecard, written as MDX, as readers get it in the built site. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseHtml, type DefaultTreeAdapterTypes as T } from "parse5";
import { describe, expect, it } from "vitest";
import { builtSite } from "./built-site.ts";

const isElement = (node: T.ChildNode): node is T.Element => "tagName" in node;
/** Every element under `node`, in document order. */
const elements = (node: T.ParentNode): T.Element[] =>
  node.childNodes.filter(isElement).flatMap((child) => [child, ...elements(child)]);
const attr = (el: T.Element, name: string) => el.attrs.find((a) => a.name === name)?.value;
const textOf = (node: T.ParentNode): string =>
  node.childNodes
    .map((c) => (c.nodeName === "#text" ? (c as T.TextNode).value : isElement(c) ? textOf(c) : ""))
    .join("");
const words = (node: T.ParentNode) => textOf(node).replace(/\s+/g, " ").trim();

const page = () => parseHtml(readFileSync(join(builtSite(), "reports/education-scorecard-2023/index.html"), "utf8"));
const find = (root: T.ParentNode, test: (e: T.Element) => boolean) => elements(root).find(test);
const prose = () => find(page(), (e) => attr(e, "class") === "prose")!;

describe("a report written as MDX (the Education Scorecard)", () => {
  it("prints the paper's sentence with the embedded figure as published, saying so", () => {
    expect(words(prose())).toContain(
      "Absence for all students across Sefton for 2022/23 lies at 8.2% (as published in November 2023) which is slightly higher the average absence in 2021/22 by 0.2%.",
    );
  });

  it("shows the absence chart after the absence table, titled as published, with its data table", () => {
    const chart = find(page(), (e) => attr(e, "id") === "as-published-absence-rate-academic-year-1")!;
    expect(chart.tagName).toBe("figure");
    expect(words(find(chart, (e) => e.tagName === "figcaption")!)).toMatch(
      /^Absence rate: how much school time pupils missed, as published in November 2023 — All pupils, EHCP pupils, SEN support pupils, LAC \(each academic year\)Source: /,
    );
    expect(find(chart, (e) => attr(e, "role") === "img")).toBeDefined();
    const rows = elements(chart)
      .filter((e) => e.tagName === "tr")
      .map((tr) =>
        elements(tr)
          .filter((c) => c.tagName === "th" || c.tagName === "td")
          .map(words),
      );
    expect(rows).toContainEqual(["2022/23 academic year", "8.2%", "12.7%", "11.9%", "8.7%"]);
    // The report's own tables and the portal's charts, in page order: each table by its first cell.
    const order = prose()
      .childNodes.filter(isElement)
      .filter((e) => e.tagName === "figure" || e.tagName === "section")
      .map((e) => (e.tagName === "figure" ? attr(e, "id") : words(find(e, (x) => x.tagName === "td")!)));
    expect(order.slice(0, 4)).toEqual([
      "All pupils",
      "as-published-absence-rate-academic-year-1",
      "as-published-absence-rate-academic-year-2",
      "All pupils",
    ]);
  });

  it("keeps its contents list, its acronyms explained and its text searchable", () => {
    const contents = find(page(), (e) => attr(e, "class") === "contents-list")!;
    expect(words(contents)).toContain("Appendix A – Education Scorecard");
    expect(find(prose(), (e) => attr(e, "class") === "term")).toBeDefined();
    const searchable = find(page(), (e) => attr(e, "data-pagefind-body") !== undefined)!;
    expect(words(searchable)).toContain("lies at 8.2% (as published in November 2023)");
  });
});
