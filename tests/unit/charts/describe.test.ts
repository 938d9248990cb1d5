import { describe, expect, it } from "vitest";
import { describeChart } from "../../../src/lib/charts/describe.ts";
import type { ChartLine } from "../../../src/lib/charts/series.ts";
import { prepareLines } from "../../../src/lib/charts/series.ts";

const actual = (points: [string, number | null][], extra: Partial<ChartLine> = {}): ChartLine => ({
  id: "all",
  label: "All children",
  role: "actual",
  points: points.map(([period, value]) => ({ period, value })),
  ...extra,
});
const target = (points: [string, number][]): ChartLine => ({
  ...actual(points),
  id: "target",
  label: "Target",
  role: "target",
});
const weeks = (lines: ChartLine[]) => describeChart({ unit: "weeks", better: "lower", lines: prepareLines(lines) });

describe("describeChart", () => {
  it("compares the latest figure with the target for the same period", () => {
    expect(weeks([actual([["2019-12", 26]]), target([["2019-12", 25]])])).toBe(
      "Figures for December 2019. All children: 26 weeks in December 2019, 1 week above the target of 25 weeks for December 2019. Lower is better.",
    );
  });
  it("says when the latest figure equals the target", () => {
    expect(weeks([actual([["2019-12", 25]]), target([["2019-12", 25]])])).toContain(
      "25 weeks in December 2019, the same as the target",
    );
  });
  it("names the first target when none is due yet", () => {
    expect(weeks([actual([["2019-06", 30]]), target([["2019-12", 25]])])).toContain(
      "30 weeks in June 2019; the first target is 25 weeks by December 2019.",
    );
  });
  it("speaks of percentage points between percentages", () => {
    const lines = prepareLines([actual([["2020", 40]]), target([["2020", 50]])]);
    expect(describeChart({ unit: "percent", better: "higher", lines })).toContain(
      "40.0% in 2020, 10.0 percentage points below the target of 50.0% for 2020.",
    );
  });
  it("uses the latest figure, not a later gap", () => {
    expect(
      weeks([
        actual([
          ["2019-11", 27],
          ["2019-12", null],
        ]),
      ]),
    ).toContain("All children: 27 weeks in November 2019.");
  });
  it("counts the periods with no figure", () => {
    expect(
      weeks([
        actual([
          ["2019-10", null],
          ["2019-11", 27],
          ["2019-12", null],
        ]),
      ]),
    ).toContain("No figure for 2 periods, shown as gaps.");
  });
  it("says a figure is provisional", () => {
    const line = actual([]);
    line.points = [{ period: "2019-12", value: 24, provisional: true }];
    expect(weeks([line])).toContain("24 weeks (provisional) in December 2019.");
  });
  it("says nothing about direction when neither is better", () => {
    expect(describeChart({ unit: "count", better: "neither", lines: prepareLines([actual([["2019", 12]])]) })).toBe(
      "Figures for 2019. All children: 12 in 2019.",
    );
  });
});
