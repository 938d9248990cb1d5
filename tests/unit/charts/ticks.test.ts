import { describe, expect, it } from "vitest";
import { thinIndices, tickDecimals, withoutOverlaps } from "../../../src/lib/charts/ticks.ts";

describe("thinIndices", () => {
  it("keeps every label when they fit", () => {
    expect(thinIndices(5, 6)).toEqual([0, 1, 2, 3, 4]);
  });
  it("always keeps the last (latest) label", () => {
    expect(thinIndices(10, 3).at(-1)).toBe(9);
  });
  it("steps twelve months at a time through ten years of months shown six at most", () => {
    expect(thinIndices(120, 6)).toEqual([11, 35, 59, 83, 107].map((i) => i + 12));
  });
  it("steps in twos, threes, fours or sixes before anything odd", () => {
    expect(thinIndices(10, 4)).toEqual([0, 3, 6, 9]);
  });
  it("never shows more than asked", () => {
    for (let count = 1; count <= 200; count++) expect(thinIndices(count, 6).length).toBeLessThanOrEqual(6);
  });
  it("shows one label when only one fits", () => {
    expect(thinIndices(7, 0)).toEqual([6]);
  });
  it("shows nothing for no labels", () => {
    expect(thinIndices(0, 6)).toEqual([]);
  });
});

describe("withoutOverlaps", () => {
  it("drops the earlier of two labels that would overlap", () => {
    const labels = [
      { x: 0, width: 40 },
      { x: 30, width: 40 },
      { x: 100, width: 40 },
    ];
    expect(withoutOverlaps(labels, 10)).toEqual([1, 2]);
  });
  it("keeps labels that are far enough apart", () => {
    expect(
      withoutOverlaps(
        [
          { x: 0, width: 10 },
          { x: 30, width: 10 },
        ],
        10,
      ),
    ).toEqual([0, 1]);
  });
});

describe("tickDecimals", () => {
  it("is 0 for whole-number ticks", () => {
    expect(tickDecimals([0, 5, 10, 15])).toBe(0);
  });
  it("is 1 for halves", () => {
    expect(tickDecimals([0, 0.5, 1, 1.5])).toBe(1);
  });
  it("is 2 for quarters, despite floating point", () => {
    expect(tickDecimals([0.1 + 0.15, 0.5, 0.75])).toBe(2);
  });
  it("stops at 3", () => {
    expect(tickDecimals([0.00001])).toBe(3);
  });
});
