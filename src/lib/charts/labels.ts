/**
 * Text layout without a browser: widths are estimated, so every measure here is
 * deliberately generous. Used for margins, line-end labels and axis labels.
 */

/** Generous advances in ems, by kind of character, measured against wide fallbacks such as DejaVu Sans. */
function advance(c: string): number {
  if (/[\s.,:;'!|()[\]ijlt/-]/.test(c)) return 0.34;
  if (/[mwMW%£@]/.test(c)) return 0.96;
  if (/[A-Z]/.test(c)) return 0.74;
  return 0.64;
}

/** Estimated rendered width of `text` at `fontSize`. */
export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const c of text) ems += advance(c);
  return ems * fontSize;
}

/** Splits `text` into lines no wider than `maxWidth` where words allow (a single long word keeps its own line). */
export function wrapWords(text: string, maxWidth: number, fontSize: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = current ? `${current} ${word}` : word;
    if (current && textWidth(next, fontSize) > maxWidth) {
      lines.push(current);
      current = word;
    } else current = next;
  }
  if (current) lines.push(current);
  return lines;
}

/**
 * Moves blocks (each wanting its top at `top`, `height` tall) up or down as little as
 * needed so that none overlap and all stay between `min` and `max` (past `max` only when they cannot fit).
 * Returns the new tops in the order given.
 */
export function dodge(
  blocks: readonly { top: number; height: number }[],
  options: { min: number; max: number; gap: number },
): number[] {
  const order = blocks.map((b, i) => ({ ...b, i })).sort((a, b) => a.top - b.top || a.i - b.i);
  const tops = order.map((b) => b.top);
  for (let k = 0; k < order.length; k++) {
    const floor = k === 0 ? options.min : tops[k - 1]! + order[k - 1]!.height + options.gap;
    tops[k] = Math.max(tops[k]!, floor);
  }
  for (let k = order.length - 1; k >= 0; k--) {
    const ceiling =
      k === order.length - 1 ? options.max - order[k]!.height : tops[k + 1]! - order[k]!.height - options.gap;
    tops[k] = Math.min(tops[k]!, ceiling);
  }
  // When the blocks cannot all fit, they run past `max` rather than overlap.
  for (let k = 0; k < order.length; k++) {
    const floor = k === 0 ? options.min : tops[k - 1]! + order[k - 1]!.height + options.gap;
    tops[k] = Math.max(tops[k]!, floor);
  }
  const result = new Array<number>(blocks.length);
  order.forEach((b, k) => (result[b.i] = tops[k]!));
  return result;
}
