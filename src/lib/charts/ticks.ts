/**
 * Choosing which axis labels to show. Pure and unit-tested; used by `line-chart.ts`.
 */

/** Label steps that keep months on the same month each year and quarters on the same quarter. */
const STEPS = [1, 2, 3, 4, 6, 12, 24, 36, 60, 120];

/**
 * Indices of `count` ordered labels to show so that no more than `max` appear,
 * counting back from the last (the latest period is always labelled) in an even step.
 */
export function thinIndices(count: number, max: number): number[] {
  if (count <= 0) return [];
  const limit = Math.max(1, Math.floor(max));
  const step = STEPS.find((s) => Math.ceil(count / s) <= limit) ?? Math.ceil(count / limit);
  const picked: number[] = [];
  for (let i = count - 1; i >= 0; i -= step) picked.unshift(i);
  return picked;
}

/**
 * Of labels centred at `x` and `width` wide (in order along the axis), the indices
 * to keep so that none is closer than `gap` to its neighbour; the last is always kept.
 */
export function withoutOverlaps(labels: readonly { x: number; width: number }[], gap: number): number[] {
  const kept: number[] = [];
  let leftEdge = Infinity;
  for (let i = labels.length - 1; i >= 0; i--) {
    const { x, width } = labels[i]!;
    if (x + width / 2 + gap <= leftEdge) {
      kept.unshift(i);
      leftEdge = x - width / 2;
    }
  }
  return kept;
}

/** The fewest decimal places (at most 3) that write every tick exactly, e.g. 0 for 0, 5, 10 and 1 for 0, 0.5, 1. */
export function tickDecimals(ticks: readonly number[]): number {
  for (let d = 0; d < 3; d++) {
    const k = 10 ** d;
    if (ticks.every((t) => Math.abs(Math.round(t * k) / k - t) < 1e-9)) return d;
  }
  return 3;
}
