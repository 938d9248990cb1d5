import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPortal } from "../../src/lib/content/load.ts";
import { formatProblems } from "../../src/lib/content/problems.ts";
import { judgeKpi } from "../../src/lib/kpi-status.ts";
import { comparePaper } from "../../src/lib/kpi-verdict.ts";
import { findVersion } from "../../src/lib/queries.ts";

const result = loadPortal(join(import.meta.dirname, "../.."));
const portal = result.ok ? result.portal : undefined;

describe("the sample content transcribed from the seed papers", () => {
  it("is valid, with every reference resolved", () => {
    expect(result.ok ? "" : formatProblems(result.problems)).toBe("");
  });
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
});

/**
 * The status of every Appendix A KPI of the early-2020 progress report (seed 002), as the published rule
 * gives it, with the paper's own verdict and the line of the paper that justifies the row. A change to the
 * rules or the data that flips any of these must be deliberate: re-read the quoted line before editing a row.
 * Columns: slug, status by the rule, period of the figure judged, the paper's verdict, whether they agree,
 * and the source (seed file:line, verbatim).
 */
const APPENDIX_A: [string, string, string | null, string | null, boolean | null, string][] = [
  [
    "kpi-1-1",
    "missed",
    "AY2018/19",
    "not-met",
    true,
    "002:923 …in 2019 was 3%, below the national average of 9%, but up from 1% in 2018.",
  ],
  [
    "kpi-1-2",
    "met",
    "2019",
    "on-track",
    true,
    "002:993 The current performance has recovered from the 3% Baseline in April 2019 and remains on target",
  ],
  [
    "kpi-1-2a",
    "no-target",
    "2020-02",
    "on-track",
    false,
    "002:309 the performance for January 2020 was 40% and for February was 43.6% both ahead of plan targets (first milestone Apr-20)",
  ],
  ["kpi-1-3", "met", "2020-01", "met", true, "002:1209 Target 50% Complete Achieved 55%"],
  ["kpi-1-3a", "no-data", null, "off-track", false, "002:1304 There is slippage in this area."],
  [
    "kpi-1-4",
    "missed",
    "2020-01",
    "not-met",
    true,
    "002:404 Overall performance for KPI1/4 is below the baseline target of 50%.",
  ],
  ["kpi-1-5", "met", "2020-01", "met", true, "002:1503 Target 70% Achieved 100%"],
  [
    "kpi-1-6",
    "no-data",
    null,
    "off-track",
    false,
    "002:1587 Slippage in this area … Baseline will not be established until May 2020.",
  ],
  ["kpi-2-1", "met", "2019-Q4", "met", true, "002:1649 Completed, see evidence of report provided."],
  ["kpi-2-2", "no-data", null, "no-verdict", null, "002:1654 Not due until June 2020"],
  [
    "kpi-2-3",
    "no-data",
    null,
    "on-track",
    false,
    "002:461 …key performance indicators on target (said of Area 2; the survey result is not printed)",
  ],
  [
    "kpi-3-1",
    "no-data",
    null,
    "off-track",
    false,
    "002:486 There has been slippage in meeting the timescale … implemented from April 2020.",
  ],
  [
    "kpi-3-2",
    "no-data",
    null,
    null,
    null,
    "002:1786 will be considered in line with action.1 - satisfaction review at completion of plan",
  ],
  [
    "kpi-3-3",
    "missed",
    "2019-Q4",
    "off-track",
    true,
    "002:1798 KPI 3/3 Exception report presented to SENDCIB January 2020.",
  ],
  ["kpi-3-4", "no-data", null, null, null, "002:1820 (no figure and no commentary printed)"],
  ["kpi-3-5", "no-data", null, null, null, "002:1825 (no headline figure and no commentary printed)"],
  [
    "kpi-4-1",
    "no-target",
    "2019",
    null,
    null,
    "002:549 This baseline was agreed … ratified by the SENDCIB on 11th February 2020.",
  ],
  ["kpi-4-2", "no-target", "2019", null, null, "002:549 (baseline established; the milestone is unquantified)"],
  ["kpi-4-3", "no-target", "2019", null, null, "002:549 (baseline established; the milestone is unquantified)"],
  ["kpi-4-4", "no-target", "2019", null, null, "002:549 (baseline established; the milestone is unquantified)"],
  ["kpi-4-5", "no-target", "2019", null, null, "002:549 (baseline established; the milestone is unquantified)"],
  ["kpi-4-6", "no-target", "2019", null, null, "002:549 (baseline established; the milestone is unquantified)"],
  [
    "kpi-5-1",
    "missed",
    "2019-11",
    "met",
    false,
    "002:2046 …Dietetics, Occupational therapy and Physiotherapy have achieved trajectories set for December 2019 (9 weeks printed against 8)",
  ],
  ["kpi-5-2", "met", "2019-11", "met", true, "002:2027 …now in line with baseline & target"],
  ["kpi-5-3", "met", "2019-11", "met", true, "002:2069 …remains at baseline & target"],
  [
    "kpi-5-4",
    "met",
    "2019-11",
    "off-track",
    false,
    "002:2056 Average waiting times for Paediatric speech and language is not on track for December 2019",
  ],
];

describe("every Appendix A KPI's status, checked against the paper", () => {
  const kpis = new Map(portal?.kpis.map((k) => [k.slug, k]));
  it("covers all 26 of them", () => {
    expect(APPENDIX_A.map(([slug]) => slug).sort()).toEqual(
      portal?.kpis
        .filter((k) => k.slug.startsWith("kpi-"))
        .map((k) => k.slug)
        .sort(),
    );
  });
  it.each(APPENDIX_A)("%s is %s for %s; the paper said %s (agrees: %s) — %s", (slug, code, at, verdict, agrees) => {
    const entry = kpis.get(slug);
    if (!entry || !portal) throw new Error(`no KPI ${slug}`);
    const j = judgeKpi(entry.data);
    expect([j.code, j.latest?.period ?? null]).toEqual([code, at]);
    const judgement = entry.data.judgements.at(-1);
    expect(judgement?.verdict ?? null).toBe(verdict);
    if (judgement) {
      const published = findVersion(portal, judgement.report)?.data.published;
      if (!published) throw new Error(`no report ${judgement.report}`);
      expect(comparePaper(entry.data, judgement, { published }).agrees ?? null).toBe(agrees);
    }
  });
});
