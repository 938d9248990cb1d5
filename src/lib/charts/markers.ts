/**
 * How each kind of line looks. Colour never carries meaning on its own: every line
 * also differs by dash pattern and marker shape, and is labelled in words.
 *
 * | role       | colour                 | stroke                | marker                               |
 * |------------|------------------------|-----------------------|--------------------------------------|
 * | actual     | one of `PALETTE`       | solid                 | circle, square, triangle, diamond    |
 * | target     | `INK`                  | dashed                | ×                                    |
 * | comparator | `INK`                  | dotted, then dash-dot | +, then a vertical bar                |
 * | baseline   | `INK`                  | thin horizontal rule  | none; labelled "Baseline …"          |
 *
 * A provisional figure is a hollow marker; a revised figure has a ring around its marker.
 */
import { r1 } from "./svg.ts";

export type Role = "actual" | "target" | "comparator";
export type MarkerShape = "circle" | "square" | "triangle" | "diamond" | "cross" | "plus" | "bar";

/** Text and reference-line colour (the site's `--text`). */
export const INK = "#0b0c0c";
/** Gridlines: light and decorative, so they need no contrast. */
export const GRID = "#dcdcdc";

/**
 * The four cohort colours, in order: blue, orange, magenta, teal. Each has at least
 * 4.5:1 contrast against white (enough for the labels written in them), and the
 * first three stay apart for the common colour-vision deficiencies.
 */
export const PALETTE = ["#1d4f91", "#b35000", "#a3336d", "#007a5e"] as const;

const ACTUAL_SHAPES = ["circle", "square", "triangle", "diamond"] as const;

export interface LineStyle {
  colour: string;
  width: number;
  /** `stroke-dasharray`, absent for a solid line. */
  dash?: string;
  shape: MarkerShape;
}

/** The style of the `index`-th line (counted from 0) of a role. Actual lines beyond the fourth are refused by the chart. */
export function lineStyle(role: Role, index: number): LineStyle {
  switch (role) {
    case "actual":
      return {
        colour: PALETTE[index % PALETTE.length]!,
        width: 2.5,
        shape: ACTUAL_SHAPES[index % ACTUAL_SHAPES.length]!,
      };
    case "target":
      return { colour: INK, width: 2, dash: "6 5", shape: "cross" };
    case "comparator":
      return index % 2 === 0
        ? { colour: INK, width: 2, dash: "0 5", shape: "plus" }
        : { colour: INK, width: 2, dash: "8 3 0 3", shape: "bar" };
  }
}

/** Shapes drawn as strokes only: they are never filled, so they cannot show "hollow". */
export function isStroked(shape: MarkerShape): boolean {
  return shape === "cross" || shape === "plus" || shape === "bar";
}

const n = (v: number) => String(r1(v));

/** Path data for one marker of about `2 × r` across, centred on (x, y). */
export function markerPath(shape: MarkerShape, x: number, y: number, r: number): string {
  switch (shape) {
    case "circle":
      return `M${n(x - r)},${n(y)}a${n(r)},${n(r)} 0 1 0 ${n(2 * r)},0a${n(r)},${n(r)} 0 1 0 ${n(-2 * r)},0`;
    case "square": {
      const s = r * 0.85;
      return `M${n(x - s)},${n(y - s)}h${n(2 * s)}v${n(2 * s)}h${n(-2 * s)}z`;
    }
    case "triangle":
      return `M${n(x)},${n(y - r * 1.2)}l${n(r * 1.1)},${n(r * 1.9)}h${n(-r * 2.2)}z`;
    case "diamond": {
      const d = r * 1.2;
      return `M${n(x)},${n(y - d)}l${n(d)},${n(d)}l${n(-d)},${n(d)}l${n(-d)},${n(-d)}z`;
    }
    case "cross":
      return `M${n(x - r)},${n(y - r)}l${n(2 * r)},${n(2 * r)}m0,${n(-2 * r)}l${n(-2 * r)},${n(2 * r)}`;
    case "plus":
      return `M${n(x - r)},${n(y)}h${n(2 * r)}m${n(-r)},${n(-r)}v${n(2 * r)}`;
    case "bar":
      return `M${n(x)},${n(y - r)}v${n(2 * r)}`;
  }
}

/** Path data for a ring of radius `r` around (x, y): the mark of a revised figure. */
export function ringPath(x: number, y: number, r: number): string {
  return markerPath("circle", x, y, r);
}
