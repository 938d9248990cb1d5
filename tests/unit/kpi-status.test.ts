import { describe, expect, it } from "vitest";
import { kpiSchema, type Kpi } from "../../src/schemas/index.ts";
import { directionOfTravel, judgeKpi, resolveTarget } from "../../src/lib/kpi-status.ts";

/** Speech and language therapy waiting time, shaped on the 2020 report: 30 weeks at baseline, lower is better. */
function waits(values: [string, number | null][], extra: Partial<Kpi> = {}): Kpi {
  return kpiSchema.parse({
    ref: "KPI 5/4",
    title: "Waiting time for speech and language therapy",
    meaning: "How long children wait.",
    unit: "weeks",
    better: "lower",
    source: "Fixture",
    baseline: { value: 30, period: "2019-06" },
    targets: [{ period: "2019-12", target: { kind: "value", value: 25 }, wording: "25 weeks" }],
    series: [
      {
        id: "all",
        label: "All children",
        frequency: "monthly",
        values: values.map(([period, value]) =>
          value === null ? { period, value, missing: "Not collected" } : { period, value },
        ),
      },
    ],
    ...extra,
  });
}

const format = (n: number) => String(n);

describe("judgeKpi", () => {
  it('is "met" when the latest value is at or below a lower-is-better target', () => {
    expect(judgeKpi(waits([["2019-12", 25]])).code).toBe("met");
  });
  it('is "missed" when the latest value misses a lower-is-better target by more than 5%', () => {
    const j = judgeKpi(waits([["2020-01", 30]]));
    expect(j.code).toBe("missed");
    expect(j.rule).toBe(
      "30 weeks is not at or below the target of 25 weeks; it misses by 5 weeks, which is more than 5% of the target.",
    );
  });
  it('is "close" when it misses by no more than 5% of the target', () => {
    expect(judgeKpi(waits([["2020-01", 26]])).code).toBe("close");
  });
  it('is "no target" when the latest figure comes before the first milestone is due', () => {
    expect(judgeKpi(waits([["2019-10", 29]])).code).toBe("no-target");
  });
  it('is "no data" when every value is missing, never treating a gap as zero', () => {
    expect(judgeKpi(waits([["2019-12", null]])).code).toBe("no-data");
  });
  it("judges the latest value that has a figure, skipping a later gap", () => {
    const j = judgeKpi(
      waits([
        ["2019-12", 24],
        ["2020-01", null],
      ]),
    );
    expect(j.latest?.period).toBe("2019-12");
  });
  it("judges as things stood on an earlier date when asked", () => {
    expect(
      judgeKpi(
        waits([
          ["2019-12", 24],
          ["2020-02", 31],
        ]),
        { asOf: "2020-01-31" },
      ).code,
    ).toBe("met");
  });
});

describe("resolveTarget", () => {
  it("works out baseline plus 10% from the baseline", () => {
    expect(
      resolveTarget(
        { kind: "baseline-plus", change: 10, by: "percent" },
        { baseline: 30, comparator: () => undefined, format },
      ),
    ).toEqual({
      value: 33,
      working: "baseline of 30 plus 10% = 33",
    });
  });
  it("gives no number for a baseline plus a percentage the paper does not explain, and shows both readings", () => {
    expect(
      resolveTarget(
        { kind: "baseline-plus", change: 10, by: "unstated" },
        { baseline: 38.5, comparator: () => undefined, format },
      ),
    ).toEqual({
      value: null,
      working:
        "the paper says the baseline of 38.5 plus 10% but not whether it means 10 percentage points (48.5) or 10% more than the baseline (42.35)",
    });
  });
  it('takes "50% or the national average, whichever is higher"', () => {
    const t = resolveTarget(
      {
        kind: "max",
        of: [
          { kind: "value", value: 50 },
          { kind: "comparator", comparator: "national" },
        ],
      },
      { comparator: () => ({ value: 58.2 }), format },
    );
    expect(t.value).toBe(58.2);
  });
  it("gives no number when the comparator figure is not in the papers", () => {
    expect(
      resolveTarget({ kind: "comparator", comparator: "national" }, { comparator: () => undefined, format }).value,
    ).toBeNull();
  });
});

describe("directionOfTravel", () => {
  it("is improving when a lower-is-better value falls", () => {
    expect(
      directionOfTravel(
        waits([
          ["2019-11", 30],
          ["2019-12", 27],
        ]),
      ).direction,
    ).toBe("improving");
  });
  it("is worsening when a lower-is-better value rises", () => {
    expect(
      directionOfTravel(
        waits([
          ["2019-11", 27],
          ["2019-12", 30],
        ]),
      ).direction,
    ).toBe("worsening");
  });
  it("is not comparable across a break in the series", () => {
    const kpi = waits(
      [
        ["2019-11", 27],
        ["2019-12", 30],
      ],
      { breaks: [{ period: "2019-12", description: "New definition" }] },
    );
    expect(directionOfTravel(kpi).direction).toBe("not-comparable");
  });
});

describe("a figure from before the baseline", () => {
  const undated = { targets: [{ target: { kind: "value", value: 25 }, wording: "25 weeks" }] } as Partial<Kpi>;

  it("is never judged against a target, not even an undated one", () => {
    const j = judgeKpi(waits([["2019-05", 40]], undated));
    expect(j.code).toBe("no-target");
    expect(j.rule).toBe(
      "The figure is for May 2019, before the baseline (June 2019) the targets were set from, so no target applies to it.",
    );
  });

  it("is judged from the baseline's own period on", () => {
    expect(judgeKpi(waits([["2019-06", 40]], undated)).code).toBe("missed");
  });
});
