import { describe, expect, it } from "vitest";
import { kpiSchema, type Kpi } from "../../src/schemas/index.ts";
import { asPublishedWords, figureOn, kpiAsPublished } from "../../src/lib/kpi-as-published.ts";

const kpi: Kpi = kpiSchema.parse({
  ref: "KPI 1",
  title: "Waits",
  meaning: "Weeks waited.",
  unit: "percent",
  better: "lower",
  source: "Test",
  baseline: { value: 20, period: "2019-06" },
  targets: [{ period: "2020-06", target: { kind: "value", value: 10 }, wording: "10%" }],
  rebaselines: [
    {
      date: "2020-03-01",
      reason: "New plan",
      previousBaseline: { value: 30, period: "2019-01" },
      previousTargets: [{ period: "2020-06", target: { kind: "value", value: 15 }, wording: "15%" }],
    },
  ],
  comparators: [
    {
      id: "national",
      label: "National",
      values: [
        { period: "2019-10", value: 9 },
        { period: "2020-01", value: 8 },
      ],
    },
  ],
  series: [
    {
      id: "all",
      label: "All",
      frequency: "monthly",
      values: [
        {
          period: "2019-10",
          value: 12,
          count: 120,
          revisions: [
            { value: 14, revised: "2019-11-20", reason: "First fix" },
            { value: 13, revised: "2020-02-10", reason: "Second fix" },
          ],
        },
        { period: "2019-11", value: 11, revisions: [{ value: null, revised: "2020-02-10", reason: "Arrived late" }] },
        { period: "2020-01", value: 10 },
        { period: "AY2019/20", value: 9, asAt: "2019-12-01" },
      ],
    },
  ],
});

describe("an indicator as published on a day", () => {
  const then = kpiAsPublished(kpi, "2019-12-31");
  it("keeps the figures published by then, at their values then, with only the corrections made by then", () => {
    expect(then.series[0]!.values).toEqual([
      { period: "2019-10", value: 13, revisions: [{ value: 14, revised: "2019-11-20", reason: "First fix" }] },
      { period: "2019-11", value: null, missing: "No figure had been published for this period" },
      { period: "AY2019/20", value: 9, asAt: "2019-12-01" },
    ]);
  });
  it("uses the targets and baseline in force then, before a later rebaseline", () => {
    expect(then.targets.map((t) => t.wording)).toEqual(["15%"]);
    expect(then.baseline).toEqual({ value: 30, period: "2019-01" });
    expect(then.rebaselines).toEqual([]);
    expect(kpiAsPublished(kpi, "2020-03-01").targets.map((t) => t.wording)).toEqual(["10%"]);
  });
  it("keeps only comparators for periods ended by then", () => {
    expect(then.comparators[0]!.values).toEqual([{ period: "2019-10", value: 9 }]);
  });
});

describe("one figure as published on a day", () => {
  it("is the value before the next correction, naming what it became and when", () => {
    expect(figureOn(kpi, { period: "2019-10", day: "2019-12-31" })).toMatchObject({
      ok: true,
      figure: { value: 13 },
      correctedLater: { value: 12, on: "2020-02-10" },
    });
  });
  it("is the current value, with its count, when no correction came later", () => {
    expect(figureOn(kpi, { period: "2019-10", day: "2020-03-01" })).toMatchObject({
      ok: true,
      figure: { value: 12, count: 120 },
      correctedLater: undefined,
    });
  });
  it("is not there before its period ended", () => {
    expect(figureOn(kpi, { period: "2020-01", day: "2020-01-30" })).toMatchObject({
      ok: false,
      why: "not-yet-published",
    });
  });
});

describe("the words for a version's date", () => {
  it('say "on" a day and "in" a month', () => {
    expect(asPublishedWords("2023-11-28")).toBe("as published on 28 November 2023");
    expect(asPublishedWords("2023-11")).toBe("as published in November 2023");
  });
});
