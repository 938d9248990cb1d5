/**
 * Boundary tables for the rules that decide what families read: both sides of every boundary,
 * in the manner of d3-scale's threshold tests. Each row is one figure and the status it must get.
 */
import { describe, expect, it } from "vitest";
import { kpiSchema, type Kpi } from "../../src/schemas/index.ts";
import {
  comparatorAt,
  directionOfTravel,
  judgeKpi,
  milestoneFor,
  resolveTarget,
  withValues,
  headlineSeries,
} from "../../src/lib/kpi-status.ts";
import { period } from "../../src/schemas/period.ts";

type Input = Record<string, unknown>;

/** A KPI with one monthly series; `values` as [period, value, extra]. */
function kpi(options: {
  better?: string;
  unit?: string;
  targets?: Input[];
  comparators?: Input[];
  baseline?: Input;
  breaks?: Input[];
  values: [string, number | null, Input?][];
  frequency?: string;
}): Kpi {
  return kpiSchema.parse({
    ref: "KPI T",
    title: "Test",
    meaning: "A test indicator.",
    unit: options.unit ?? "percent",
    better: options.better ?? "higher",
    source: "Fixture",
    ...(options.baseline ? { baseline: options.baseline } : {}),
    targets: options.targets ?? [],
    comparators: options.comparators ?? [],
    breaks: options.breaks ?? [],
    series: [
      {
        id: "all",
        label: "All",
        frequency: options.frequency ?? "monthly",
        values: options.values.map(([p, value, extra]) => ({
          period: p,
          value,
          ...(value === null && !extra?.["suppressed"] ? { missing: "Not collected" } : {}),
          ...extra,
        })),
      },
    ],
  });
}

const fixed = (p: string | undefined, value: number) => ({
  ...(p ? { period: p } : {}),
  target: { kind: "value", value },
  wording: String(value),
});

describe("status against a fixed target, both sides of each boundary", () => {
  // Target 50, 5% margin = 2.5.
  it.each([
    ["higher", 50, "met"],
    ["higher", 50.1, "met"],
    ["higher", 49.9, "close"],
    ["higher", 47.5, "close"],
    ["higher", 47.4, "missed"],
    ["higher", 0, "missed"],
    ["lower", 50, "met"],
    ["lower", 49.9, "met"],
    ["lower", 50.1, "close"],
    ["lower", 52.5, "close"],
    ["lower", 52.6, "missed"],
  ])("better %s, figure %d against 50 is %s", (better, value, code) => {
    expect(judgeKpi(kpi({ better, targets: [fixed("2020-01", 50)], values: [["2020-01", value]] })).code).toBe(code);
  });

  it.each([
    ["lower", 0, "met"],
    ["lower", 0.1, "missed"],
    ["higher", 0, "met"],
    ["higher", -0.1, "missed"],
  ])("a target of 0 has no close margin: better %s, figure %d is %s", (better, value, code) => {
    expect(
      judgeKpi(kpi({ better, unit: "score", targets: [fixed("2020-01", 0)], values: [["2020-01", value]] })).code,
    ).toBe(code);
  });

  it("a context measure is never judged against a target", () => {
    const j = judgeKpi(kpi({ better: "neither", targets: [fixed("2020-01", 50)], values: [["2020-01", 10]] }));
    expect(j.code).toBe("context");
  });

  it("a measure whose better direction the papers do not state is not judged, and says why", () => {
    const j = judgeKpi(kpi({ better: "unstated", targets: [fixed("2020-01", 50)], values: [["2020-01", 10]] }));
    expect(j.code).toBe("no-direction");
    expect(j.rule).toBe(
      "The papers set a target of 50.0% but do not say whether a higher or lower figure is better, so the portal does not say whether 10.0% meets it.",
    );
  });

  it("an indicator with no targets at all says none was published", () => {
    expect(judgeKpi(kpi({ values: [["2020-01", 10]] })).code).toBe("untargeted");
  });
});

describe("which milestone applies", () => {
  const targets = [fixed("2019-10", 25), fixed("2019-12", 20), fixed("2020-06", 18)];
  it.each([
    ["2019-09", undefined],
    ["2019-10", "2019-10"],
    ["2019-11", "2019-10"],
    ["2019-12", "2019-12"],
    ["2020-05", "2019-12"],
    ["2020-06", "2020-06"],
    ["2021-12", "2020-06"],
  ])("a figure for %s is judged against the milestone due by %s", (at, due) => {
    expect(milestoneFor(kpi({ values: [], targets }).targets, period(at))?.period).toBe(due);
  });

  it("a quarterly figure is judged against a monthly milestone due in its last month", () => {
    expect(milestoneFor(kpi({ values: [], targets }).targets, period("2019-Q4"))?.period).toBe("2019-12");
  });

  it("the latest milestone wins whatever order the file lists them in", () => {
    const reversed = [...targets].reverse();
    expect(milestoneFor(kpi({ values: [], targets: reversed }).targets, period("2020-01"))?.period).toBe("2019-12");
  });

  it("an undated target applies before any dated milestone is due, and gives way once one is", () => {
    const mixed = [fixed(undefined, 9), fixed("2020-06", 18)];
    const k = kpi({ values: [], targets: mixed });
    expect(milestoneFor(k.targets, period("2020-05"))?.wording).toBe("9");
    expect(milestoneFor(k.targets, period("2020-06"))?.wording).toBe("18");
  });

  it("before the first milestone there is no target, and the rule names when the first is due", () => {
    const j = judgeKpi(kpi({ better: "lower", unit: "weeks", targets, values: [["2019-09", 30]] }));
    expect(j.code).toBe("no-target");
    expect(j.rule).toBe(
      "No target was due by September 2019, the period of the figure; the first is due by October 2019.",
    );
  });
});

describe("targets worked out from comparators and baselines", () => {
  const national = (values: [string, number][]) => [
    { id: "national", label: "National average", values: values.map(([p, value]) => ({ period: p, value })) },
  ];
  const comparatorTarget = (printed?: number) => ({
    period: "2019-12",
    target: { kind: "comparator", comparator: "national", ...(printed === undefined ? {} : { printed }) },
    wording: "National average",
  });

  it("uses the comparator's figure for the same period", () => {
    const k = kpi({
      targets: [comparatorTarget(9)],
      comparators: national([["2019-12", 10]]),
      values: [["2019-12", 9.5]],
    });
    const j = judgeKpi(k);
    expect([j.code, j.target?.value]).toEqual(["close", 10]);
  });

  it("uses the value printed with the target when the comparator has no figure for the period", () => {
    const k = kpi({
      targets: [comparatorTarget(9)],
      comparators: national([["2018-12", 12]]),
      values: [["2019-12", 3]],
    });
    const j = judgeKpi(k);
    expect([j.code, j.target?.value, j.target?.working]).toEqual([
      "missed",
      9,
      "national figure of 9.0% as printed with the target",
    ]);
  });

  it("falls back to the latest earlier comparator figure, saying which period it is for", () => {
    const k = kpi({
      targets: [comparatorTarget()],
      comparators: national([
        ["2018-12", 12],
        ["2020-03", 1],
      ]),
      values: [["2019-12", 13]],
    });
    const j = judgeKpi(k);
    expect([j.code, j.target?.value]).toEqual(["met", 12]);
    expect(j.target?.working).toBe("national figure of 12.0% (the latest published, for December 2018)");
  });

  it("gives no target when no comparator figure is published and none was printed", () => {
    const k = kpi({
      targets: [comparatorTarget()],
      comparators: national([["2020-03", 1]]),
      values: [["2019-12", 13]],
    });
    expect(judgeKpi(k).code).toBe("no-target");
  });

  it("a later comparator figure is never used for an earlier period", () => {
    const k = kpi({ values: [], comparators: national([["2020-03", 1]]) });
    expect(comparatorAt(k, "national", period("2019-12"), "all")).toBeUndefined();
  });

  const ctx = (baseline: number | null, comparator?: number) => ({
    baseline,
    comparator: () => (comparator === undefined ? undefined : { value: comparator }),
    format: String,
  });
  it.each([
    [{ kind: "baseline-plus", change: 10, by: "percent" }, 30, 33],
    [{ kind: "baseline-plus", change: -10, by: "percent" }, 30, 27],
    [{ kind: "baseline-plus", change: 5, by: "points" }, 30, 35],
    [{ kind: "baseline-plus", change: -5, by: "points" }, 30, 25],
    [{ kind: "comparator", comparator: "national", plus: 2 }, 30, 12],
    [{ kind: "comparator", comparator: "national", plus: -2 }, 30, 8],
    [
      {
        kind: "max",
        of: [
          { kind: "value", value: 50 },
          { kind: "comparator", comparator: "national" },
        ],
      },
      30,
      50,
    ],
    [
      {
        kind: "min",
        of: [
          { kind: "value", value: 50 },
          { kind: "comparator", comparator: "national" },
        ],
      },
      30,
      10,
    ],
    [
      {
        kind: "min",
        of: [
          { kind: "value", value: 5 },
          { kind: "comparator", comparator: "national" },
        ],
      },
      30,
      5,
    ],
  ] as const)("%j with baseline %d and comparator 10 is %d", (target, baseline, expected) => {
    expect(resolveTarget(target as never, ctx(baseline, 10)).value).toBe(expected);
  });

  it("a baseline-relative target has no number while the baseline is not set", () => {
    expect(resolveTarget({ kind: "baseline-plus", change: 10, by: "percent" }, ctx(null)).value).toBeNull();
  });

  it("the higher of two targets uses the part it can work out when the other is not published", () => {
    const t = resolveTarget(
      {
        kind: "max",
        of: [
          { kind: "value", value: 50 },
          { kind: "comparator", comparator: "national" },
        ],
      },
      ctx(30),
    );
    expect([t.value, t.working.endsWith("(some parts could not be worked out yet)")]).toEqual([50, true]);
  });
});

describe("what is judged", () => {
  it("a projected figure is never the one judged", () => {
    const k = kpi({
      targets: [fixed("2020-01", 50)],
      values: [
        ["2020-01", 40],
        ["2020-02", 60, { projected: true }],
      ],
    });
    expect([judgeKpi(k).code, judgeKpi(k).latest?.period]).toEqual(["missed", "2020-01"]);
  });

  it("only projected figures: no figure yet, and the rule says a forecast is never judged", () => {
    const k = kpi({ values: [["2020-02", 60, { projected: true }]] });
    expect(judgeKpi(k)).toEqual({
      code: "no-data",
      rule: "Only projected figures have been published; a forecast is never judged.",
    });
  });

  it("only gaps: no figure yet, with each period's reason", () => {
    const k = kpi({
      values: [
        ["2020-01", null],
        ["2020-02", null, { suppressed: true }],
      ],
    });
    expect(judgeKpi(k).rule).toBe(
      "No figure has been published. January 2020: Not collected; February 2020: withheld to protect children's privacy.",
    );
  });

  it("joins a reason that ends in a full stop without doubling it", () => {
    const k = kpi({ values: [["2020-01", null, { missing: "The survey was run, but its result is not printed." }]] });
    expect(judgeKpi(k).rule).toBe(
      "No figure has been published. January 2020: The survey was run, but its result is not printed.",
    );
  });

  it("as of a date, a figure for a period that had not ended is left out", () => {
    const k = kpi({
      values: [
        ["2020-01", 40],
        ["2020-02", 60],
      ],
    });
    expect(withValues(headlineSeries(k), "2020-02-28").map((v) => v.period)).toEqual(["2020-01"]);
    expect(withValues(headlineSeries(k), "2020-02-29").map((v) => v.period)).toEqual(["2020-01", "2020-02"]);
  });
});

describe("direction of travel", () => {
  it.each([
    ["higher", 40, 41, "improving"],
    ["higher", 41, 40, "worsening"],
    ["lower", 41, 40, "improving"],
    ["lower", 40, 41, "worsening"],
    ["higher", 40, 40, "no-change"],
    ["neither", 40, 41, "up"],
    ["neither", 41, 40, "down"],
    ["unstated", 40, 41, "up"],
  ])("better %s, %d then %d is %s", (better, a, b, direction) => {
    expect(
      directionOfTravel(
        kpi({
          better,
          values: [
            ["2020-01", a],
            ["2020-02", b],
          ],
        }),
      ).direction,
    ).toBe(direction);
  });

  it("only one figure gives no direction", () => {
    expect(directionOfTravel(kpi({ values: [["2020-01", 40]] })).direction).toBe("none");
  });

  it.each([
    ["2020-02", "not-comparable"],
    ["2020-01", "improving"],
    ["2020-03", "improving"],
  ])("a break at %s between January and February gives %s", (at, direction) => {
    const k = kpi({
      breaks: [{ period: at, description: "New definition." }],
      values: [
        ["2020-01", 40],
        ["2020-02", 41],
      ],
    });
    expect(directionOfTravel(k).direction).toBe(direction);
  });

  it("a break in another series does not stop the headline's direction", () => {
    const k = kpi({
      breaks: [{ period: "2020-02", series: "other", description: "New definition." }],
      values: [
        ["2020-01", 40],
        ["2020-02", 41],
      ],
    });
    expect(directionOfTravel(k).direction).toBe("improving");
  });

  it("a part-period (as-at) figure is not compared with a whole period", () => {
    const k = kpi({
      values: [
        ["2020-01", 40],
        ["2020-02", 41, { asAt: "2020-02-10" }],
      ],
    });
    expect(directionOfTravel(k).direction).toBe("part-period");
  });

  it("two part-period figures are compared", () => {
    const k = kpi({
      values: [
        ["2020-01", 40, { asAt: "2020-01-10" }],
        ["2020-02", 41, { asAt: "2020-02-10" }],
      ],
    });
    expect(directionOfTravel(k).direction).toBe("improving");
  });

  it("a projected figure is never part of the direction", () => {
    const k = kpi({
      values: [
        ["2020-01", 40],
        ["2020-02", 41],
        ["2020-03", 10, { projected: true }],
      ],
    });
    expect(directionOfTravel(k)).toMatchObject({ direction: "improving", to: { period: "2020-02" } });
  });

  it("compares across a gap with the figure before it", () => {
    const k = kpi({
      values: [
        ["2020-01", 40],
        ["2020-02", null],
        ["2020-03", 39],
      ],
    });
    expect(directionOfTravel(k)).toMatchObject({ direction: "worsening", from: { period: "2020-01" } });
  });
});
