import { join } from "node:path";
import { DomUtils, parseDocument } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { kpiPanels, type KpiPanel } from "../../../src/lib/kpi-charts.ts";
import { loadPortal } from "../../../src/lib/content/load.ts";
import { FIXTURE } from "../../helpers/content-root.ts";

/** Every panel with a chart, of the fixture and of the sample content transcribed from the seed papers. */
const panels: [string, KpiPanel][] = [FIXTURE, join(import.meta.dirname, "../../..")].flatMap((root) => {
  const result = loadPortal(root);
  if (!result.ok) throw new Error(`${root} must load`);
  return result.portal.kpis.flatMap((k) => kpiPanels(k.slug, k.data).map((p) => [p.id, p] as [string, KpiPanel]));
});
const charted = panels.filter(([, p]) => p.svg !== null);

/** What a drawing says, apart from where it puts it: its name, description and lines in drawing order. */
function says(svg: string) {
  const root = DomUtils.findOne((e) => e.name === "svg", parseDocument(svg, { xmlMode: true }).children)!;
  const text = (name: string) => DomUtils.textContent(DomUtils.findOne((e) => e.name === name, [root])!);
  return {
    title: text("title"),
    desc: text("desc"),
    lines: DomUtils.findAll((e) => e.attribs["data-line"] !== undefined, [root]).map((e) => e.attribs["data-line"]),
  };
}

const ids = (svg: string) =>
  DomUtils.findAll((e) => e.attribs["id"] !== undefined, parseDocument(svg, { xmlMode: true }).children).map(
    (e) => e.attribs["id"]!,
  );

describe("a KPI panel's wide and narrow drawings", () => {
  it("has charts to compare, some with several lines", () => {
    expect(charted.length).toBeGreaterThan(20);
    expect(charted.some(([, p]) => says(p.svg!).lines.length > 2)).toBe(true);
  });

  it.each(charted)("%s: the narrow drawing has the same name, description and lines as the wide one", (_, panel) => {
    expect(panel.narrowSvg).not.toBeNull();
    expect(says(panel.narrowSvg!)).toEqual(says(panel.svg!));
  });

  it.each(charted)("%s: no id is used by both drawings", (_, panel) => {
    const wide = ids(panel.svg!);
    expect(wide.length).toBeGreaterThan(0);
    expect(ids(panel.narrowSvg!).filter((id) => wide.includes(id))).toEqual([]);
  });

  it("draws no narrow chart where there is no wide one", () => {
    for (const [, p] of panels.filter(([, p]) => p.svg === null)) expect(p.narrowSvg).toBeNull();
  });
});
