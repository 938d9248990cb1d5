import { describe, expect, it } from "vitest";
import { INK, PALETTE, lineStyle, markerPath } from "../../../src/lib/charts/markers.ts";

/** WCAG contrast ratio of a #rrggbb colour against white. */
function contrastWithWhite(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05);
}

describe("colours", () => {
  it("has at most four line colours", () => {
    expect(PALETTE.length).toBeLessThanOrEqual(4);
  });
  it.each([...PALETTE, INK])("%s has at least 4.5:1 contrast against white, enough for its label text", (colour) => {
    expect(contrastWithWhite(colour)).toBeGreaterThanOrEqual(4.5);
  });
});

describe("lineStyle", () => {
  it("gives the four cohorts circle, square, triangle and diamond", () => {
    expect([0, 1, 2, 3].map((i) => lineStyle("actual", i).shape)).toEqual(["circle", "square", "triangle", "diamond"]);
  });
  it("draws actual lines solid", () => {
    expect(lineStyle("actual", 0).dash).toBeUndefined();
  });
  it("draws a target dashed with a cross", () => {
    expect(lineStyle("target", 0)).toMatchObject({ dash: "6 5", shape: "cross" });
  });
  it("draws two comparators with different dashes and markers", () => {
    const [a, b] = [lineStyle("comparator", 0), lineStyle("comparator", 1)];
    expect(a.dash).not.toBe(b.dash);
    expect(a.shape).not.toBe(b.shape);
  });
});

describe("markerPath", () => {
  it("draws a circle as two arcs", () => {
    expect(markerPath("circle", 10, 20, 4)).toBe("M6,20a4,4 0 1 0 8,0a4,4 0 1 0 -8,0");
  });
  it("draws a cross as two strokes", () => {
    expect(markerPath("cross", 10, 20, 4)).toBe("M6,16l8,8m0,-8l-8,8");
  });
  it("rounds to one decimal place", () => {
    expect(markerPath("triangle", 10.04, 20.06, 4)).toBe("M10,15.3l4.4,7.6h-8.8z");
  });
});
