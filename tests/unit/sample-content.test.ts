import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPortal } from "../../src/lib/content/load.ts";
import { formatProblems } from "../../src/lib/content/problems.ts";
import { judgeKpi } from "../../src/lib/kpi-status.ts";

const result = loadPortal(join(import.meta.dirname, "../.."));

describe("the sample content transcribed from the seed papers", () => {
  it("is valid, with every reference resolved", () => {
    expect(result.ok ? "" : formatProblems(result.problems)).toBe("");
  });
  const portal = result.ok ? result.portal : undefined;
  it.each(["committees", "plans", "kpis", "reports", "meetings", "decisions", "glossary"] as const)("has %s", (key) => {
    expect(portal?.[key].length).toBeGreaterThan(0);
  });
  it("has all 26 KPIs of the 2020 report's Appendix A", () => {
    expect(portal?.kpis.filter((k) => k.slug.startsWith("kpi-")).map((k) => k.data.ref)).toHaveLength(26);
  });
  it("records every numbered resolution of 26 September 2023 as a decision", () => {
    expect(portal?.decisions.filter((d) => d.meeting === "osc-childrens-2023-09-26").length).toBeGreaterThanOrEqual(12);
  });
  it("keeps the 20-week EHC assessment figures the Cabinet Member report quotes", () => {
    const kpi = portal?.kpis.find((k) => k.slug === "ehc-assessments-within-20-weeks-2023")?.data;
    expect(kpi?.series.flatMap((s) => s.values.map((v) => v.value))).toEqual(expect.arrayContaining([39.2, 50]));
  });
  it("explains every acronym the brief names in the glossary", () => {
    const terms = new Set(portal?.glossary.map((t) => t.term));
    const missing = [
      "EHCP",
      "SENDIASS",
      "DCO",
      "CCG",
      "SALT",
      "NASEN",
      "SENCO",
      "WSoA",
      "PHB",
      "ASD",
      "ADHD",
      "CAMHS",
      "LAC",
      "YOT",
      "DBV",
      "NEET",
    ].filter((t) => !terms.has(t));
    expect(missing).toEqual([]);
  });
  it("gives every KPI a status the portal can explain", () => {
    expect(portal?.kpis.filter((k) => !judgeKpi(k.data).rule).map((k) => k.slug)).toEqual([]);
  });
});
