/**
 * Reporting periods: every shape the council papers use, written as one compact
 * string so officers can type them and tools can sort them.
 *
 * | written              | kind        | label                                     |
 * |----------------------|-------------|-------------------------------------------|
 * | `2023-10-19`         | date        | 19 October 2023                           |
 * | `2019-12`            | month       | December 2019                             |
 * | `2019-Q1`            | quarter     | January to March 2019                     |
 * | `2023-T1`            | fourmonth   | January to April 2023                     |
 * | `2019-H2`            | half        | July to December 2019                     |
 * | `FY2023/24-Q3`       | fquarter    | Q3 2023/24 (October to December 2023)     |
 * | `FY2023/24-T3`       | ffourmonth  | T3 2023/24 (December 2023 to March 2024)  |
 * | `2019`               | year        | 2019                                      |
 * | `FY2023/24`          | fyear       | 2023/24 financial year                    |
 * | `AY2019/20`          | ayear       | 2019/20 academic year                     |
 * | `AY2022/23-spring`   | term        | Spring term 2022/23                       |
 * | `AY2022/23-spring-2` | halfterm    | Spring 2nd half term 2022/23              |
 *
 * Calendar four-month periods run January to April (T1), May to August (T2) and
 * September to December (T3); financial ones April to July (T1), August to November
 * (T2) and December to March (T3). Financial years run 1 April to 31 March. Academic
 * years run 1 September to 31 August; terms and half terms use nominal boundaries
 * (autumn September to December, spring January to March, summer April to August;
 * each split at the half) because real term dates differ by school and year.
 * Nothing else is a period: no spaces, no other separators, no lower-case letters.
 */

export type PeriodKind =
  | "date"
  | "month"
  | "quarter"
  | "fourmonth"
  | "half"
  | "fquarter"
  | "ffourmonth"
  | "year"
  | "fyear"
  | "ayear"
  | "term"
  | "halfterm";

export interface Period {
  /** The period as written, normalised (e.g. `AY2022/23-spring-2`). */
  readonly key: string;
  readonly kind: PeriodKind;
  /** First day, as an ISO date (UTC). */
  readonly start: string;
  /** Last day, as an ISO date (UTC). */
  readonly end: string;
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/** Terms as [first month, last month] of their calendar year. */
const TERMS = { autumn: [9, 12], spring: [1, 3], summer: [4, 8] } as const;
type Term = keyof typeof TERMS;
/** Half terms as [first month, last month] within their term's calendar year. */
const HALF_TERMS: Record<Term, readonly [readonly [number, number], readonly [number, number]]> = {
  autumn: [
    [9, 10],
    [11, 12],
  ],
  spring: [
    [1, 2],
    [3, 3],
  ],
  summer: [
    [4, 5],
    [6, 8],
  ],
};

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
/** Gregorian leap years, computed rather than asked of `Date`, which reads years 0–99 as 1900–1999. */
const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const lastDay = (year: number, month: number) => (month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!);
const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const iso = (year: number, month: number, day: number) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

/**
 * The months `fromMonth` to `toMonth` of `year`, both counted from its January, so 13 is
 * January of the next year (financial and academic periods run across the new year).
 */
function span(key: string, kind: PeriodKind, year: number, fromMonth: number, toMonth: number): Period {
  const y1 = year + Math.floor((fromMonth - 1) / 12);
  const m1 = ((fromMonth - 1) % 12) + 1;
  const y2 = year + Math.floor((toMonth - 1) / 12);
  const m2 = ((toMonth - 1) % 12) + 1;
  return { key, kind, start: iso(y1, m1, 1), end: iso(y2, m2, lastDay(y2, m2)) };
}

/** The `n`th (from 1) run of `length` months in a year whose first month is `firstMonth`. */
const nth = (key: string, kind: PeriodKind, year: number, firstMonth: number, n: number, length: number) =>
  span(key, kind, year, firstMonth + (n - 1) * length, firstMonth + n * length - 1);

/** A split year such as `2023/24` → 2023, or undefined when the second year (`24`) does not follow the first. */
const splitYear = (first: string, second: string): number | undefined =>
  (Number(first) + 1) % 100 === Number(second) ? Number(first) : undefined;

/** Explains every accepted period format; used in error messages. */
export const PERIOD_FORMATS =
  "a date (2023-10-19), month (2019-12), quarter (2019-Q1), four months (2023-T1), half year (2019-H2), year (2019), financial year (FY2023/24), its quarter (FY2023/24-Q3) or four months (FY2023/24-T1), academic year (AY2019/20), term (AY2022/23-spring) or half term (AY2022/23-spring-2)";

const parsed = new Map<string, Period | undefined>();

/**
 * Parses a period string; returns undefined when it is not one of the accepted formats.
 * Periods are immutable and sorts ask for the same strings again and again, so each is parsed once.
 */
export function parsePeriod(text: string): Period | undefined {
  const known = parsed.get(text);
  if (known !== undefined || parsed.has(text)) return known;
  const period = parseOnce(text);
  parsed.set(text, period);
  return period;
}

/** `label` remembered by period key: pages label the same few hundred periods again and again. */
function byKey(label: (p: Period) => string): (p: Period) => string {
  const known = new Map<string, string>();
  return (p) => {
    let text = known.get(p.key);
    if (text === undefined) known.set(p.key, (text = label(p)));
    return text;
  };
}

function parseOnce(text: string): Period | undefined {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text))) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (mo < 1 || mo > 12 || d < 1 || d > lastDay(y, mo)) return undefined;
    return { key: text, kind: "date", start: text, end: text };
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(text))) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (mo < 1 || mo > 12) return undefined;
    return span(text, "month", y, mo, mo);
  }
  if ((m = /^(\d{4})-Q([1-4])$/.exec(text))) return nth(text, "quarter", Number(m[1]), 1, Number(m[2]), 3);
  if ((m = /^(\d{4})-T([1-3])$/.exec(text))) return nth(text, "fourmonth", Number(m[1]), 1, Number(m[2]), 4);
  if ((m = /^(\d{4})-H([12])$/.exec(text))) return nth(text, "half", Number(m[1]), 1, Number(m[2]), 6);
  if ((m = /^(\d{4})$/.exec(text))) return span(text, "year", Number(m[1]), 1, 12);
  if ((m = /^FY(\d{4})\/(\d{2})(?:-(?:Q([1-4])|T([1-3])))?$/.exec(text))) {
    const y = splitYear(m[1]!, m[2]!);
    if (y === undefined) return undefined;
    if (m[3]) return nth(text, "fquarter", y, 4, Number(m[3]), 3);
    if (m[4]) return nth(text, "ffourmonth", y, 4, Number(m[4]), 4);
    return span(text, "fyear", y, 4, 15);
  }
  if ((m = /^AY(\d{4})\/(\d{2})(?:-(autumn|spring|summer)(?:-([12]))?)?$/.exec(text))) {
    const y = splitYear(m[1]!, m[2]!);
    if (y === undefined) return undefined;
    if (!m[3]) return span(text, "ayear", y, 9, 20);
    const term = m[3] as Term;
    const year = term === "autumn" ? y : y + 1;
    const [from, to] = m[4] ? HALF_TERMS[term][Number(m[4]) - 1]! : TERMS[term];
    return span(text, m[4] ? "halfterm" : "term", year, from, to);
  }
  return undefined;
}

/** Parses a period string that is already known to be valid (e.g. after schema validation). */
export function period(text: string): Period {
  const p = parsePeriod(text);
  if (!p) throw new Error(`"${text}" is not a period: expected ${PERIOD_FORMATS}`);
  return p;
}

/** Orders periods by when they end; of two ending together, the longer (earlier start) comes first. */
export function comparePeriods(a: Period, b: Period): number {
  return a.end.localeCompare(b.end) || a.start.localeCompare(b.start) || a.key.localeCompare(b.key);
}

const ordinal = (n: number) => (n === 1 ? "1st" : "2nd");
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "January to March 2019", or "December 2023 to March 2024" across a new year. */
function monthRange(p: Period): string {
  const [y, mo] = p.start.split("-").map(Number) as [number, number];
  const [ey, emo] = p.end.split("-").map(Number) as [number, number];
  return y === ey
    ? `${MONTHS[mo - 1]} to ${MONTHS[emo - 1]} ${y}`
    : `${MONTHS[mo - 1]} ${y} to ${MONTHS[emo - 1]} ${ey}`;
}

/** The plain-English label for a period, e.g. "Spring 2nd half term 2022/23". */
export const labelPeriod = byKey(function labelOnce(p: Period): string {
  const [y, mo, d] = p.start.split("-").map(Number) as [number, number, number];
  const k = p.key;
  switch (p.kind) {
    case "date":
      return `${d} ${MONTHS[mo - 1]} ${y}`;
    case "month":
      return `${MONTHS[mo - 1]} ${y}`;
    case "quarter":
    case "fourmonth":
    case "half":
      return monthRange(p);
    case "year":
      return String(y);
    case "fquarter":
    case "ffourmonth":
      return `${k.slice(-2)} ${k.slice(2, 9)} (${monthRange(p)})`;
    case "fyear":
      return `${k.slice(2)} financial year`;
    case "ayear":
      return `${k.slice(2)} academic year`;
    case "term":
      return `${capital(k.split("-")[1]!)} term ${k.slice(2, 9)}`;
    case "halfterm": {
      const [, term, half] = k.split("-");
      return `${capital(term!)} ${ordinal(Number(half))} half term ${k.slice(2, 9)}`;
    }
  }
});

/** A short label for chart axes, e.g. "Dec 2019", "Q1 2019", "T1 2023/24", "2019/20". */
export const shortLabelPeriod = byKey(function shortLabelOnce(p: Period): string {
  const [y, mo, d] = p.start.split("-").map(Number) as [number, number, number];
  const k = p.key;
  switch (p.kind) {
    case "date":
      return `${d} ${MONTHS[mo - 1]!.slice(0, 3)} ${y}`;
    case "month":
      return `${MONTHS[mo - 1]!.slice(0, 3)} ${y}`;
    case "quarter":
    case "fourmonth":
    case "half":
      return `${k.slice(-2)} ${y}`;
    case "year":
      return String(y);
    case "fquarter":
    case "ffourmonth":
      return `${k.slice(-2)} ${k.slice(2, 9)}`;
    case "fyear":
    case "ayear":
      return k.slice(2);
    case "term":
      return `${capital(k.split("-")[1]!)} ${k.slice(2, 9)}`;
    case "halfterm": {
      const [, term, half] = k.split("-");
      return `${capital(term!)} ${half} ${k.slice(2, 9)}`;
    }
  }
});

/** How often an indicator is measured; decides which period kinds its values may use. */
export const FREQUENCIES = {
  monthly: ["month"],
  quarterly: ["quarter", "fquarter"],
  "four-monthly": ["fourmonth", "ffourmonth"],
  "half-yearly": ["half"],
  "half-termly": ["halfterm"],
  termly: ["term"],
  annual: ["year"],
  "financial-year": ["fyear"],
  "academic-year": ["ayear"],
  snapshot: ["date"],
} as const satisfies Record<string, readonly PeriodKind[]>;

export type Frequency = keyof typeof FREQUENCIES;

/** Whether a value for period `p` can exist in a series measured at `frequency`. */
export function fitsFrequency(p: Period, frequency: Frequency): boolean {
  return (FREQUENCIES[frequency] as readonly PeriodKind[]).includes(p.kind);
}

/** The midpoint of a period in milliseconds since the epoch (UTC), for placing it on a time axis. */
export function periodMidpoint(p: Period): number {
  const a = Date.parse(`${p.start}T00:00:00Z`);
  const b = Date.parse(`${p.end}T23:59:59Z`);
  return Math.round((a + b) / 2);
}
