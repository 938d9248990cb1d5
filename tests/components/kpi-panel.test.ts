import { experimental_AstroContainer as AstroContainer } from "astro/container";
import { isTag, isText, type AnyNode, type Element } from "domhandler";
import { DomUtils, parseDocument } from "htmlparser2";
import { describe, expect, it } from "vitest";
import KpiPanel from "../../src/components/KpiPanel.astro";
import ActionStatusTag from "../../src/components/ActionStatusTag.astro";
import { kpiPanels } from "../../src/lib/kpi-charts.ts";
import { loadPortal } from "../../src/lib/content/load.ts";
import { FIXTURE } from "../helpers/content-root.ts";
import { tagHtml } from "../../src/lib/views/report-prose.ts";
import { ACTION_STATUS } from "../../src/lib/words.ts";

const result = loadPortal(FIXTURE);
if (!result.ok) throw new Error("fixture must load");
const waits = result.portal.kpis[0]!;

/** `<th>` or `<td>` holding nothing but text. */
const isCell = (node: AnyNode | undefined, name: "th" | "td"): node is Element =>
  node !== undefined && isTag(node) && node.name === name && node.children.every(isText);

/**
 * The words in each row `<tr><th scope="row">…</th><td>…</td>…</tr>`: a row heading then at least one
 * cell, each cell only text, nothing between them.
 */
function rowTexts(html: string): string[][] {
  return DomUtils.findAll((e) => e.name === "tr", parseDocument(html).children).flatMap((tr) => {
    const [th, ...tds] = tr.children;
    const isRow =
      isCell(th, "th") &&
      th.attribs["scope"] === "row" &&
      DomUtils.textContent(th) !== "" &&
      tds.length > 0 &&
      tds.every((td) => isCell(td, "td"));
    return isRow ? [tr.children.map((cell) => DomUtils.textContent(cell))] : [];
  });
}

describe("KpiPanel", () => {
  it("puts a table with the chart's numbers, target and flags in the same figure", async () => {
    const container = await AstroContainer.create();
    const [panel] = kpiPanels(waits.slug, waits.data);
    const html = await container.renderToString(KpiPanel, { props: { kpi: waits.data, panel, source: "Fixture" } });
    expect(rowTexts(html)).toEqual([
      ["October 2019", "29 weeks", "—"],
      ["November 2019", "No figure: Tracker not in place", "—"],
      ["December 2019", "27 weeks (provisional)", "25 weeks"],
    ]);
    const figures = DomUtils.findAll((e) => e.name === "figure", parseDocument(html).children);
    expect(figures.map((e) => [e.attribs["class"], e.attribs["aria-labelledby"]])).toContainEqual([
      "chart",
      "waits-monthly-caption",
    ]);
    expect(html).toContain('role="img"');
  });
});

describe("ActionStatusTag", () => {
  it("says the status in words", async () => {
    const container = await AstroContainer.create();
    expect(await container.renderToString(ActionStatusTag, { props: { status: "off-track" } })).toContain(
      ">Off track</strong>",
    );
  });
  it('says "Not yet reported" when no report has rated the action', async () => {
    const container = await AstroContainer.create();
    expect(await container.renderToString(ActionStatusTag, { props: {} })).toContain(">Not yet reported</strong>");
  });
});

describe("an action's status placed in an .mdx report", () => {
  it("is the same markup as ActionStatusTag", async () => {
    const container = await AstroContainer.create();
    for (const status of ["on-track", "at-risk", "complete"] as const)
      expect(await container.renderToString(ActionStatusTag, { props: { status } })).toBe(
        tagHtml(ACTION_STATUS[status]),
      );
  });
});
