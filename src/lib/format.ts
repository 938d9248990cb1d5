import type { Unit } from "../schemas/index.ts";
import { labelPeriod, parsePeriod } from "../schemas/period.ts";
import { cached } from "./maps.ts";

/** Made on first use: building it costs a command that formats no date (`npm run check`) 20 ms. */
let dateFormat: Intl.DateTimeFormat | undefined;

/** `2021-12-27` → "27 December 2021", always in UTC so no machine shifts the day. */
export function formatDate(iso: string): string {
  dateFormat ??= new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  return dateFormat.format(new Date(`${iso}T00:00:00Z`));
}

/** A date or a coarser period ("2020", "2019-09") in words. */
export function formatWhen(when: string): string {
  const p = parsePeriod(when);
  return p ? labelPeriod(p) : when;
}

/** Default decimal places for a unit. */
export function defaultDecimals(unit: Unit): number {
  return unit === "percent" || unit === "rate" ? 1 : 0;
}

const UNIT_SUFFIX: Record<Unit, [string, string]> = {
  percent: ["%", "%"],
  count: ["", ""],
  weeks: [" week", " weeks"],
  days: [" day", " days"],
  gbp: ["", ""],
  rate: ["", ""],
  score: ["", ""],
};

const numberFormats = new Map<number, Intl.NumberFormat>();

/** One formatter per number of decimals: building one costs far more than using it. */
function numberFormat(decimals: number): Intl.NumberFormat {
  return cached(
    numberFormats,
    decimals,
    () => new Intl.NumberFormat("en-GB", { minimumFractionDigits: decimals, maximumFractionDigits: decimals }),
  );
}

/** A value with its unit, e.g. "22.4%", "30 weeks", "£1,200", "1,997". */
export function formatValue(value: number, options: { unit: Unit; decimals?: number | undefined }): string {
  const decimals = options.decimals ?? defaultDecimals(options.unit);
  const number = numberFormat(decimals).format(value);
  if (options.unit === "gbp") return `£${number}`;
  const [one, many] = UNIT_SUFFIX[options.unit];
  return `${number}${value === 1 ? one : many}`;
}

/** "1 decision", "3 decisions". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Ends a sentence with a full stop unless it already ends with one (or ?, !). */
export function withFullStop(text: string): string {
  return /[.?!]$/.test(text.trimEnd()) ? text.trimEnd() : `${text.trimEnd()}.`;
}
