import { describe, expect, it } from "vitest";
import { kpiSchema, type Kpi } from "../../src/schemas/index.ts";
import {
  comparePaper,
  currencyOf,
  currencySentence,
  nextFigureExpected,
  kpiVerdict,
} from "../../src/lib/kpi-verdict.ts";
import { measureHistory, newerMeasure } from "../../src/lib/kpi-history.ts";
import { period } from "../../src/schemas/period.ts";
import type { Entry } from "../../src/lib/content/model.ts";

/** Speech and language waits as the 2020 report printed them: 25 weeks for November 2019, milestones Oct-19 25, Dec-19 20. */
function slt(extra: Record<string, unknown> = {}): Kpi {
  return kpiSchema.parse({
    ref: "KPI 5/4",
    title: "Average wait for speech and language therapy",
    meaning: "How long children wait.",
    unit: "weeks",
    better: "lower",
    source: "Fixture",
    targets: [
      { period: "2019-10", label: "3 months", target: { kind: "value", value: 25 }, wording: "25" },
      { period: "2019-12", label: "6 months", target: { kind: "value", value: 20 }, wording: "20" },
    ],
    series: [{ id: "all", label: "All", frequency: "monthly", values: [{ period: "2019-11", value: 25 }] }],
    ...extra,
  });
}

const figure = (p: string, value = 1, asAt?: string) => ({ period: p, value, ...(asAt ? { asAt } : {}) });

describe("when the next figure is due", () => {
  it.each([
    ["2019-11", "2020-03-31"],
    ["2019-Q4", "2020-06-30"],
    ["AY2022/23", "2024-11-30"],
    ["2023-10-19", "2025-01-19"],
    ["2020-01-31", "2021-04-30"],
  ])("after a figure for %s, the next is expected by %s", (p, expected) => {
    expect(nextFigureExpected(period(p))).toBe(expected);
  });

  it("after a part-period figure, expects the whole period's figure, not the next period's", () => {
    expect(nextFigureExpected(period("AY2023/24"), { partial: true })).toBe("2024-11-30");
    expect(nextFigureExpected(period("AY2023/24"))).toBe("2025-11-30");
  });

  it.each([
    ["2020-03-31", "current"],
    ["2020-04-01", "overdue"],
  ])("on %s a November 2019 monthly figure is %s", (today, code) => {
    expect(currencyOf(figure("2019-11"), { today, planClosed: undefined }).code).toBe(code);
  });

  it.each(["complete", "replaced"] as const)(
    "a figure of a plan that is %s is never current, however recent",
    (closed) => {
      expect(currencyOf(figure("2019-11"), { today: "2019-12-01", planClosed: closed }).code).toBe("ended");
    },
  );

  it("no figure, no currency", () => {
    expect(currencyOf(undefined, { today: "2019-12-01", planClosed: undefined }).code).toBe("no-data");
  });

  it("never says a figure is still to come for a plan that is complete or replaced", () => {
    expect(currencySentence(undefined, currencyOf(undefined, { today: "2023-12-01" }))).toBe(
      "No figure has been published yet.",
    );
    expect(currencySentence(undefined, currencyOf(undefined, { today: "2023-12-01", planClosed: "replaced" }))).toBe(
      "No figure for it is in the papers published here, and its plan has been replaced.",
    );
  });

  it("says how a plan closed, as the content records it, and never that it ended when it was replaced", () => {
    const latest = figure("2019-11");
    expect(currencySentence(latest, currencyOf(latest, { today: "2023-12-01", planClosed: "complete" }))).toBe(
      "Last reported for November 2019; the plan it measured is complete, and no newer figure is in the papers published here.",
    );
  });

  it("points to the indicator that reports the same measure now, instead of saying no newer figure exists", () => {
    const latest = figure("2020-02");
    expect(
      currencySentence(
        latest,
        currencyOf(latest, { today: "2023-12-01", planClosed: "replaced", newer: "EHC plans in 20 weeks (2023)" }),
      ),
    ).toBe(
      "Last reported for February 2020 under this plan, which has been replaced. The same measure is reported now as “EHC plans in 20 weeks (2023)”.",
    );
  });

  it("says in words that an overdue figure is the last one reported, and when the next was due", () => {
    const latest = figure("2019-11");
    expect(currencySentence(latest, currencyOf(latest, { today: "2026-11-30", planClosed: undefined }))).toBe(
      "Last reported for November 2019; no newer figure has been published (by our estimate one was due by 31 March 2020).",
    );
  });

  it("says a figure counts the year so far, and may change, wherever the series and the figure say so", () => {
    const latest = { ...figure("2023", 39.2), provisional: true as const };
    const currency = currencyOf(latest, { today: "2023-12-01" });
    expect(currencySentence(latest, currency, "year-to-date")).toMatch(
      /^Latest figure for 2023 \(year to date, provisional\)\. /,
    );
    expect(currencySentence(latest, currency, "cumulative")).toMatch(
      /^Latest figure for 2023 \(running total, provisional\)\. /,
    );
    expect(currencySentence(figure("2023"), currency)).toMatch(/^Latest figure for 2023\. /);
  });

  it("dates a part-period figure by the day it was taken", () => {
    const latest = figure("AY2023/24", 6.9, "2023-10-19");
    expect(currencySentence(latest, currencyOf(latest, { today: "2023-11-28", planClosed: undefined }))).toBe(
      "Latest figure for 2023/24 academic year, as at 19 October 2023. The next would be due by 30 November 2024 (our estimate from how often it is reported; the papers set no date).",
    );
  });
});

describe("the paper's own verdict beside the rule's", () => {
  const notOnTrack = {
    report: "progress-2020/v1",
    verdict: "off-track",
    about: "the December 2019 trajectory",
    quote: "Average waiting times for Paediatric speech and language is not on track for December 2019",
  } as const;

  it("says plainly when the report and the rule differ, and why the rule says what it says", () => {
    const c = comparePaper(slt(), { ...notOnTrack, period: "2019-11" }, { published: "2020-02" });
    expect(c.agrees).toBe(false);
    expect(c.sentence).toBe(
      "The report said: not on track (about the December 2019 trajectory). By the published rule: target met for November 2019, because 25 weeks is at or below the target of 25 weeks.",
    );
  });

  it("says when they agree", () => {
    const k = slt({
      series: [{ id: "all", label: "All", frequency: "monthly", values: [{ period: "2019-12", value: 24 }] }],
    });
    const c = comparePaper(k, { ...notOnTrack, period: "2019-12" }, { published: "2020-02" });
    expect([c.agrees, c.sentence]).toEqual([
      true,
      "The report said: not on track (about the December 2019 trajectory). The published rule agrees: target missed for December 2019.",
    ]);
  });

  it("judges the figure the paper was judging, not a later one", () => {
    const k = slt({
      series: [
        {
          id: "all",
          label: "All",
          frequency: "monthly",
          values: [
            { period: "2019-11", value: 25 },
            { period: "2020-06", value: 10 },
          ],
        },
      ],
    });
    expect(
      comparePaper(k, { ...notOnTrack, period: "2019-11" }, { published: "2020-02" }).computed.latest?.period,
    ).toBe("2019-11");
  });

  it("without a period, judges the latest figure that had ended when the report was published", () => {
    const k = slt({
      series: [
        {
          id: "all",
          label: "All",
          frequency: "monthly",
          values: [
            { period: "2019-11", value: 25 },
            { period: "2020-06", value: 10 },
          ],
        },
      ],
    });
    expect(comparePaper(k, notOnTrack, { published: "2020-02" }).computed.latest?.period).toBe("2019-11");
  });

  it("a paper's verdict where the rule gives none is a difference, explained", () => {
    const k = slt({ targets: [] });
    const c = comparePaper(k, { ...notOnTrack, verdict: "on-track" }, { published: "2020-02" });
    expect(c.agrees).toBe(false);
    expect(c.sentence).toContain("By the published rule: no target published for November 2019, because no target");
  });

  it.each([
    ["met", "met", true],
    ["met", "on-track", true],
    ["met", "at-risk", false],
    ["met", "off-track", false],
    ["missed", "off-track", true],
    ["missed", "not-met", true],
    ["missed", "at-risk", true],
    ["missed", "on-track", false],
    ["missed", "met", false],
  ] as const)("a rule status of %s and a paper's %s agree: %s", (code, verdict, agrees) => {
    const value = code === "met" ? 25 : 40;
    const k = slt({
      series: [{ id: "all", label: "All", frequency: "monthly", values: [{ period: "2019-11", value }] }],
    });
    expect(comparePaper(k, { ...notOnTrack, verdict }, { published: "2020-02" }).agrees).toBe(agrees);
  });

  it("a paper that printed no verdict is not compared", () => {
    expect(comparePaper(slt(), { ...notOnTrack, verdict: "no-verdict" }, { published: "2020-02" }).agrees).toBe(
      undefined,
    );
  });
});

describe("the verdict families read", () => {
  it("names the period and says an old figure is not current", () => {
    const v = kpiVerdict(slt(), { today: "2026-11-30", planClosed: "replaced" });
    expect([v.judgement.code, v.judgement.latest?.period, v.currency.code]).toEqual(["met", "2019-11", "ended"]);
    expect(v.currencySentence).toBe(
      "Last reported for November 2019; the plan it measured has been replaced, and no newer figure is in the papers published here.",
    );
  });
});

describe("one measure, one history", () => {
  const entry = (slug: string, continues?: string): Entry<Kpi> => ({
    slug,
    file: `data/kpis/${slug}.json`,
    data: slt(continues ? { continues } : {}),
  });
  const kpis = [entry("kpi-1-2"), entry("kpi-1-2a", "kpi-1-2"), entry("ehc-2023", "kpi-1-2a"), entry("other")];

  it("lists every indicator of the measure newest first, from any of them", () => {
    for (const slug of ["kpi-1-2", "kpi-1-2a", "ehc-2023"])
      expect(measureHistory(kpis, slug).map((k) => k.slug)).toEqual(["ehc-2023", "kpi-1-2a", "kpi-1-2"]);
  });

  it("points an old indicator forward to the newest, and the newest nowhere", () => {
    expect(newerMeasure(kpis, "kpi-1-2")?.slug).toBe("ehc-2023");
    expect(newerMeasure(kpis, "ehc-2023")).toBeUndefined();
    expect(measureHistory(kpis, "other").map((k) => k.slug)).toEqual(["other"]);
  });
});
