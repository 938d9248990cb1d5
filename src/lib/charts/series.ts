import { comparePeriods, period, periodMidpoint, type Period } from "../../schemas/period.ts";
import { lineStyle, type LineStyle } from "./markers.ts";

export interface ChartPoint {
  /** A period string (see `src/schemas/period.ts`), placed at its midpoint. */
  period: string;
  /** The figure, or `null` for a period with no figure: drawn as a gap, never as zero. */
  value: number | null;
  /** Drawn as a hollow marker. */
  provisional?: boolean;
  /** A forecast, not a measurement: a hollow marker on a dashed line. */
  projected?: boolean;
  /** Drawn with a ring around the marker. */
  revised?: boolean;
  /** Why there is no figure (the line breaks there; the table and the note under the chart say why). */
  missing?: string;
  suppressed?: boolean;
}

export interface ChartLine {
  /** Stable within the chart; written as `data-line` on the line's group. */
  id: string;
  /** Written at the line's end, e.g. "EHCP pupils", "Target", "National average". */
  label: string;
  role: "actual" | "target" | "comparator";
  /**
   * The line breaks wherever a figure is missing: at a point with `value: null`, and between two
   * periods that do not follow on from each other (a period absent from the array).
   */
  points: ChartPoint[];
}

export interface PreparedPoint extends ChartPoint {
  readonly p: Period;
  /** The period's midpoint in milliseconds since the epoch (UTC). */
  readonly t: number;
}

export interface PreparedLine extends Omit<ChartLine, "points"> {
  readonly style: LineStyle;
  /** In period order. */
  readonly points: readonly PreparedPoint[];
}

export const hasValue = <T extends ChartPoint>(d: T): d is T & { value: number } => d.value !== null;

/**
 * Parses and orders every line's periods and gives each line its style.
 * Lines come back in drawing order: comparators, then targets, then actual lines on top.
 */
export function prepareLines(lines: readonly ChartLine[]): PreparedLine[] {
  const seen = { actual: 0, target: 0, comparator: 0 };
  const prepared = lines.map((line) => ({
    id: line.id,
    label: line.label,
    role: line.role,
    style: lineStyle(line.role, seen[line.role]++),
    points: line.points
      .map((d) => {
        const p = period(d.period);
        return { ...d, p, t: midpoint(p) };
      })
      .sort((a, b) => comparePeriods(a.p, b.p)),
  }));
  const rank = { comparator: 0, target: 1, actual: 2 };
  return prepared
    .map((l, i) => ({ l, i }))
    .sort((a, b) => rank[a.l.role] - rank[b.l.role] || a.i - b.i)
    .map(({ l }) => l);
}

/** Each period's midpoint by its key: the same few hundred periods recur on every chart of a build. */
const midpoints = new Map<string, number>();
function midpoint(p: Period): number {
  let t = midpoints.get(p.key);
  if (t === undefined) midpoints.set(p.key, (t = periodMidpoint(p)));
  return t;
}

/** The last point with a figure, if any. */
export function latest(line: PreparedLine): PreparedPoint | undefined {
  return line.points.findLast(hasValue);
}
