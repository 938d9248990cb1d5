/**
 * The words families read for each verdict: every status label, every direction, and the working
 * each kind of target shows. A change here changes what the site says, so it must be deliberate.
 */
import { describe, expect, it } from "vitest";
import { kpiSchema, type Kpi } from "../../src/schemas/index.ts";
import {
  comparatorAt,
  directionOfTravel,
  DIRECTION,
  headlineSeries,
  judgeKpi,
  KPI_STATUS,
  resolveTarget,
} from "../../src/lib/kpi-status.ts";
import { comparePaper, currencySentence } from "../../src/lib/kpi-verdict.ts";
import { period } from "../../src/schemas/period.ts";

const weeks = (n: number) => `${n} weeks`;
const ctx = (baseline: number | null | undefined, comparator?: number) => ({
  baseline,
  comparator: () => (comparator === undefined ? undefined : { value: comparator }),
  format: weeks,
});

function kpi(extra: Record<string, unknown>): Kpi {
  return kpiSchema.parse({
    ref: "KPI W",
    title: "Wording",
    meaning: "A test indicator.",
    unit: "weeks",
    better: "lower",
    source: "Fixture",
    series: [{ id: "all", label: "All", frequency: "monthly", values: [] }],
    ...extra,
  });
}
const values = (list: [string, number | null, Record<string, unknown>?][]) => [
  {
    id: "all",
    label: "All",
    frequency: "monthly",
    values: list.map(([p, value, more]) => ({
      period: p,
      value,
      ...(value === null ? { missing: "Not collected" } : {}),
      ...more,
    })),
  },
];

describe("status and direction labels", () => {
  it("names every status in words with its tone", () => {
    expect(KPI_STATUS).toEqual({
      met: { label: "Target met", tone: "good" },
      close: { label: "Close to target", tone: "warn" },
      missed: { label: "Target missed", tone: "bad" },
      "no-target": { label: "No target for this period", tone: "neutral" },
      untargeted: { label: "No target published", tone: "neutral" },
      "no-data": { label: "No figure yet", tone: "neutral" },
      context: { label: "For context (no target)", tone: "neutral" },
      "no-direction": { label: "Not judged (the papers do not say which way is better)", tone: "neutral" },
    });
  });
  it("names every direction of travel in words", () => {
    expect(DIRECTION).toEqual({
      improving: "Improving",
      worsening: "Worsening",
      "no-change": "No change",
      up: "Up",
      down: "Down",
      "not-comparable": "Not comparable (the measure changed)",
      "part-period": "Not comparable (part of a period against a whole one)",
      none: "Only one figure so far",
    });
  });
});

describe("the working each target shows", () => {
  it.each([
    [{ kind: "value", value: 25 }, ctx(30), "fixed target of 25 weeks"],
    [{ kind: "baseline-plus", change: 10, by: "percent" }, ctx(30), "baseline of 30 weeks plus 10% = 33 weeks"],
    [{ kind: "baseline-plus", change: 0, by: "percent" }, ctx(30), "baseline of 30 weeks plus 0% = 30 weeks"],
    [{ kind: "baseline-plus", change: -5, by: "points" }, ctx(30), "baseline of 30 weeks minus 5 points = 25 weeks"],
    [
      { kind: "baseline-plus", change: 5, by: "points" },
      ctx(undefined),
      "relative to a baseline that has not been set",
    ],
    [
      { kind: "comparator", comparator: "national" },
      ctx(30),
      "the national figure for this period is not in the papers",
    ],
    [{ kind: "comparator", comparator: "national" }, ctx(30, 9), "national figure of 9 weeks"],
    [
      { kind: "comparator", comparator: "national", plus: 2 },
      ctx(30, 9),
      "national figure of 9 weeks plus 2 weeks = 11 weeks",
    ],
    [
      {
        kind: "max",
        of: [
          { kind: "value", value: 5 },
          { kind: "comparator", comparator: "national" },
        ],
      },
      ctx(30, 9),
      "the higher of fixed target of 5 weeks and national figure of 9 weeks: 9 weeks",
    ],
    [
      {
        kind: "min",
        of: [
          { kind: "value", value: 5 },
          { kind: "comparator", comparator: "national" },
        ],
      },
      ctx(30, 9),
      "the lower of fixed target of 5 weeks and national figure of 9 weeks: 5 weeks",
    ],
    [
      {
        kind: "min",
        of: [
          { kind: "value", value: 5 },
          { kind: "comparator", comparator: "national" },
        ],
      },
      ctx(30),
      "the lower of fixed target of 5 weeks and the national figure for this period is not in the papers: 5 weeks (some parts could not be worked out yet)",
    ],
    [
      { kind: "max", of: [{ kind: "unquantified" }, { kind: "comparator", comparator: "national" }] },
      ctx(30),
      "the target is stated in words, not as a number; the national figure for this period is not in the papers",
    ],
    [{ kind: "unquantified" }, ctx(30), "the target is stated in words, not as a number"],
  ] as const)("%j reads: %s", (target, context, working) => {
    expect(resolveTarget(target as never, context).working).toBe(working);
  });
});

describe("the rule each status gives", () => {
  const due = [{ period: "2020-01", target: { kind: "value", value: 25 }, wording: "25" }];
  it.each([
    ["lower", 25, "25 weeks is at or below the target of 25 weeks."],
    ["higher", 25, "25 weeks is at or above the target of 25 weeks."],
    [
      "higher",
      20,
      "20 weeks is not at or above the target of 25 weeks; it misses by 5 weeks, which is more than 5% of the target.",
    ],
    [
      "lower",
      26,
      "26 weeks is not at or below the target of 25 weeks; it misses by 1 week, which is within 5% of the target.",
    ],
    [
      "neither",
      20,
      "This figure gives context; a higher or lower number is not in itself better, so it has no target.",
    ],
  ])("better %s, %d: %s", (better, value, rule) => {
    expect(judgeKpi(kpi({ better, targets: due, series: values([["2020-01", value]]) })).rule).toBe(rule);
  });
  it("says a target stated only in words cannot be turned into a number", () => {
    const k = kpi({
      targets: [{ period: "2020-01", target: { kind: "unquantified" }, wording: "Improve" }],
      series: values([["2020-01", 3]]),
    });
    expect(judgeKpi(k).rule).toBe(
      "The target due by January 2020 cannot be turned into a number: the target is stated in words, not as a number.",
    );
  });
  it("names the first milestone due even when the file lists a later one first", () => {
    const targets = [
      { period: "2021-01", target: { kind: "value", value: 20 }, wording: "20" },
      { period: "2020-06", target: { kind: "value", value: 25 }, wording: "25" },
    ];
    expect(judgeKpi(kpi({ targets, series: values([["2020-01", 30]]) })).rule).toBe(
      "No target was due by January 2020, the period of the figure; the first is due by June 2020.",
    );
  });
  it("says no figure has been published when the series is empty", () => {
    expect(judgeKpi(kpi({})).rule).toBe("No figure has been published yet.");
  });
  it("as of a date, lists only the gaps up to then", () => {
    const k = kpi({
      series: values([
        ["2020-01", null],
        ["2020-03", null],
      ]),
    });
    expect(judgeKpi(k, { asOf: "2020-01-31" }).rule).toBe("No figure has been published. January 2020: Not collected.");
  });
  it("a projected gap is still a gap, not a forecast", () => {
    const k = kpi({ series: values([["2020-01", null, { projected: true }]]) });
    expect(judgeKpi(k).rule).toBe("No figure has been published. January 2020: Not collected.");
  });
  it("judges the latest figure whatever order the file lists them in", () => {
    const k = kpi({
      series: values([
        ["2020-03", 30],
        ["2020-01", 10],
        ["2020-02", 20],
      ]),
    });
    expect(judgeKpi(k).latest?.period).toBe("2020-03");
  });
});

describe("direction and comparators, edge by edge", () => {
  it("compares the latest two of three figures", () => {
    const k = kpi({
      series: values([
        ["2020-01", 40],
        ["2020-02", 30],
        ["2020-03", 35],
      ]),
    });
    expect(directionOfTravel(k)).toMatchObject({
      direction: "worsening",
      from: { period: "2020-02" },
      to: { period: "2020-03" },
    });
  });
  it("a break named for the headline series stops the direction", () => {
    const k = kpi({
      breaks: [{ period: "2020-02", series: "all", description: "New definition." }],
      series: values([
        ["2020-01", 40],
        ["2020-02", 41],
      ]),
    });
    expect(directionOfTravel(k).direction).toBe("not-comparable");
  });
  const comparators = [
    {
      id: "national",
      label: "National",
      values: [
        { period: "2019-Q4", value: 9 },
        { period: "2020-Q1", value: 8 },
      ],
    },
    { id: "regional", label: "Regional", values: [{ period: "2019-12", value: 7 }] },
    { id: "cohort", label: "Cohort", series: "other", values: [{ period: "2019-12", value: 6 }] },
  ];
  const k = kpi({ comparators });
  it("uses a comparator period that ends with the judged period", () => {
    expect(comparatorAt(k, "national", period("2019-12"), "all")).toEqual({ value: 9, period: "2019-Q4" });
  });
  it("finds the comparator by its id, not the first one listed", () => {
    expect(comparatorAt(k, "regional", period("2019-12"), "all")).toEqual({ value: 7 });
  });
  it("finds no comparator for a series it does not compare with, nor an id that does not exist", () => {
    expect(comparatorAt(k, "cohort", period("2019-12"), "all")).toBeUndefined();
    expect(comparatorAt(k, "england", period("2019-12"), "all")).toBeUndefined();
  });
  it("takes the latest earlier comparator figure, whatever order they are listed in", () => {
    const reversed = kpi({ comparators: [{ ...comparators[0]!, values: [...comparators[0]!.values].reverse() }] });
    expect(comparatorAt(reversed, "national", period("2020-06"), "all")).toEqual({ value: 8, period: "2020-Q1" });
  });
  it("a KPI with no series is refused rather than judged on nothing", () => {
    expect(() => headlineSeries({ ...kpi({}), series: [] })).toThrow("KPI KPI W has no series");
  });
});

describe("the paper's verdict, edge by edge", () => {
  const base = { report: "r/v1", quote: "Quoted." } as const;
  const k = (list: [string, number | null, Record<string, unknown>?][]) =>
    kpi({
      targets: [{ period: "2019-10", target: { kind: "value", value: 25 }, wording: "25" }],
      series: values(list),
    });
  it.each([
    ["off-track", true],
    ["not-met", true],
    ["at-risk", true],
    ["on-track", false],
  ] as const)("a close miss and a paper's %s agree: %s", (verdict, agrees) => {
    expect(comparePaper(k([["2019-11", 26]]), { ...base, verdict }, { published: "2020-02" }).agrees).toBe(agrees);
  });
  it("a paper's verdict on an indicator with no target at all differs from the rule's", () => {
    const untargeted = kpi({ series: values([["2019-11", 26]]) });
    expect(comparePaper(untargeted, { ...base, verdict: "off-track" }, { published: "2020-02" }).agrees).toBe(false);
  });
  it("says in words when a paper gave no verdict", () => {
    expect(
      comparePaper(k([["2019-11", 26]]), { ...base, verdict: "no-verdict" }, { published: "2020-02" }).sentence,
    ).toBe("The report gave no verdict.");
  });
  it("introduces a paper's words on the trend, which are no verdict against a target, by what they are about", () => {
    const said = comparePaper(
      k([["2019-11", 26]]),
      { ...base, verdict: "no-verdict", about: "the trend over three years" },
      { published: "2020-02" },
    );
    expect(said.sentence).toBe(
      "The report said this of the trend over three years, giving no verdict against a target:",
    );
    expect(said.agrees).toBeUndefined();
  });
  it("without the figure it names (a gap or a forecast), judges what had been published by the report's date", () => {
    const list: [string, number | null, Record<string, unknown>?][] = [
      ["2019-10", 20],
      ["2019-11", null],
      ["2019-12", 40, { projected: true }],
    ];
    for (const at of ["2019-11", "2019-12"])
      expect(
        comparePaper(k(list), { ...base, verdict: "met", period: at }, { published: "2020-02" }).computed.latest
          ?.period,
      ).toBe("2019-10");
  });
  it("says when no figure has been published", () => {
    expect(currencySentence(undefined, { code: "no-data" })).toBe("No figure has been published yet.");
  });
});

describe("the paper's verdict in words", () => {
  const k = kpiSchema.parse({
    ref: "KPI P",
    title: "Paper",
    meaning: "A test indicator.",
    unit: "weeks",
    better: "lower",
    source: "Fixture",
    targets: [{ period: "2019-09", target: { kind: "value", value: 25 }, wording: "25" }],
    series: [
      {
        id: "all",
        label: "All",
        frequency: "monthly",
        values: [
          { period: "2019-09", value: 30 },
          { period: "2019-10", value: 20 },
          { period: "2019-11", value: 40 },
        ],
      },
    ],
  });
  it.each([
    ["met", "target met"],
    ["on-track", "on track"],
    ["at-risk", "at risk (slightly off track)"],
    ["off-track", "not on track"],
    ["not-met", "target not met"],
  ] as const)("a paper's %s reads '%s', without an 'about' when none was recorded", (verdict, words) => {
    const c = comparePaper(k, { report: "r/v1", quote: "Q.", verdict }, { published: "2019-11-15" });
    expect(c.sentence.startsWith(`The report said: ${words}. `)).toBe(true);
  });
  it("judges the very figure the paper names, not the first nor the latest", () => {
    const c = comparePaper(
      k,
      { report: "r/v1", quote: "Q.", verdict: "met", period: "2019-10" },
      { published: "2020-02" },
    );
    expect([c.computed.latest?.period, c.computed.code, c.agrees]).toEqual(["2019-10", "met", true]);
  });
  it("says there was no figure to judge when none had been published by the report's date", () => {
    const c = comparePaper(k, { report: "r/v1", quote: "Q.", verdict: "on-track" }, { published: "2019-08" });
    expect(c.sentence).toBe(
      "The report said: on track. By the published rule: no figure yet, because no figure has been published yet.",
    );
  });
  it("says when an undated target cannot be turned into a number", () => {
    const words = kpiSchema.parse({
      ...k,
      targets: [{ target: { kind: "unquantified" }, wording: "Better than before" }],
    });
    expect(judgeKpi(words).rule).toBe(
      "The target due with no date cannot be turned into a number: the target is stated in words, not as a number.",
    );
  });
});
