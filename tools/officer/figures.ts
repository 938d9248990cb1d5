import type { Unit } from "../../src/schemas/index.ts";

export type FigureResult =
  | { readonly ok: true; readonly value: number }
  | { readonly ok: false; readonly message: string; readonly fix: string };

/**
 * Reads a figure as a spreadsheet shows it: `45`, `45.2`, `45%`, `1,234`,
 * `£1,234.50`, `-3`. A `%` is accepted only for a percentage and `£` only for
 * money, so a figure pasted into the wrong row is caught. A comma is read as a
 * thousands separator only in groups of three (`1,234`); `12,5` is refused rather
 * than guessed.
 */
export function parseFigure(
  raw: string,
  options: { unit?: Unit | undefined; whole?: boolean | undefined } = {},
): FigureResult {
  const shown = JSON.stringify(raw.trim());
  let text = raw
    .trim()
    .replace(/[\u2212\u2013]/g, "-")
    .replace(/\u00a0/g, "");
  if (/^#[A-Z/0!?]+$/i.test(text))
    return {
      ok: false,
      message: `${shown} is a spreadsheet error, not a figure`,
      fix: "Fix the formula in the spreadsheet, or leave the cell blank and say why in the missing column",
    };
  if (text.endsWith("%")) {
    if (options.unit !== undefined && options.unit !== "percent")
      return {
        ok: false,
        message: `${shown} has a % sign, but this KPI is measured in ${options.unit}`,
        fix: "Check that the figure is in the right row and column",
      };
    text = text.slice(0, -1).trim();
  }
  if (text.replace(/^-/, "").startsWith("£")) {
    if (options.unit !== undefined && options.unit !== "gbp")
      return {
        ok: false,
        message: `${shown} has a £ sign, but this KPI is measured in ${options.unit}`,
        fix: "Check that the figure is in the right row and column",
      };
    text = text.replace("£", "");
  }
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) text = text.replace(/,/g, "");
  if (!/^-?(\d+(\.\d+)?|\.\d+)$/.test(text)) {
    const fix = /^-?\d+,\d{1,2}$/.test(text)
      ? `Use a full stop for decimals: ${text.replace(",", ".")}`
      : "Write a number such as 42, 42.5, 1,234 or 45%";
    return { ok: false, message: text === "" ? "is blank" : `expected a number; got ${shown}`, fix };
  }
  const value = Number(text);
  if (options.whole && (!Number.isInteger(value) || value < 0))
    return {
      ok: false,
      message: `expected a whole number of 0 or more; got ${shown}`,
      fix: "Give the count as a whole number, e.g. 697",
    };
  return { ok: true, value };
}

/** Reads a yes/no cell: `yes`, `y`, `true`, `1`, `x` or blank (no). Undefined when it is neither. */
export function parseYesNo(raw: string): boolean | undefined {
  const t = raw.trim().toLowerCase();
  if (["", "no", "n", "false", "0"].includes(t)) return false;
  if (["yes", "y", "true", "1", "x"].includes(t)) return true;
  return undefined;
}
