/**
 * Adding and correcting KPI values: checking what an officer typed against the
 * KPI it is for, then writing it into the KPI's JSON text. A published value is
 * never replaced without a reason; the old value goes onto `revisions`.
 */
import {
  comparePeriods,
  FREQUENCIES,
  fitsFrequency,
  parsePeriod,
  type Frequency,
  type PeriodKind,
} from "../../src/schemas/period.ts";
import type { Kpi, Observation } from "../../src/schemas/index.ts";
import { parseFigure } from "./figures.ts";
import { nearest } from "../../src/lib/nearest.ts";
import { insertItem, jsonStyle, nodeAt, parseJsonText, replaceNode, type JsonArray } from "./json-text.ts";

/** One value as typed on the command line or in a CSV row: text, not yet checked. */
export interface ValueInput {
  /** The KPI's slug (its file name in `data/kpis/`). */
  readonly kpi: string;
  /** A series id; blank means the KPI's only series. */
  readonly series: string;
  readonly period: string;
  /** The figure as typed; blank means there is none (then `missing` must say why). */
  readonly value: string;
  /** The count behind a percentage; blank for none. */
  readonly count: string;
  readonly provisional: boolean;
  readonly note: string;
  /** Why there is no figure. */
  readonly missing: string;
  /** This corrects a published value, which must exist. */
  readonly revise: boolean;
  /** Why it was corrected. */
  readonly reason: string;
  /** The CSV line it came from. */
  readonly line?: number | undefined;
}

/** A KPI file as read from disk: slug, path and validated data. */
export interface KpiSource {
  readonly slug: string;
  readonly file: string;
  readonly data: Kpi;
}

/** A checked value, ready to write. */
export interface ValueChange {
  readonly kpi: string;
  readonly file: string;
  readonly seriesIndex: number;
  readonly series: string;
  readonly period: string;
  readonly value: number | null;
  readonly count?: number | undefined;
  readonly missing?: string | undefined;
  readonly provisional: boolean;
  readonly note?: string | undefined;
  /** Present when the change corrects a published value. */
  readonly revision?: { readonly previous: Observation; readonly reason: string; readonly date: string } | undefined;
  readonly line?: number | undefined;
}

/** Something wrong with one input, by column (CSV) or argument (command line). */
export interface ValueProblem {
  /** Which input, counting from 0. */
  readonly index: number;
  readonly line?: number | undefined;
  readonly field: string;
  readonly message: string;
  readonly fix?: string | undefined;
}

/** Where the officer typed the values, which decides how fixes are worded. */
type Channel = "command" | "csv";

export interface CheckOptions {
  /** The day corrections are recorded as made, YYYY-MM-DD. */
  readonly date: string;
  readonly channel: Channel;
  /** Treat any value for an already published period as a correction (`import --revise`). */
  readonly allowRevise?: boolean | undefined;
  /** The reason for corrections that do not give their own. */
  readonly reason?: string | undefined;
  /** KPI files that exist but do not pass the check. */
  readonly broken?: ReadonlySet<string> | undefined;
}

const FIX = {
  command: {
    revise: 'To correct it, run the command again with --revise --reason "why it changed"',
    notPublished: "Check the period, or leave out --revise to add a new value",
    reason: 'Add --reason "why it changed"; readers see it beside the corrected figure',
    blank: 'Give the figure, or say why there is none with --missing "reason"',
    series: (ids: string) => `Say which with --series: ${ids}`,
  },
  csv: {
    revise:
      'To correct it, put yes in the revise column and say why in the reason column (or import with --revise --reason "…")',
    notPublished: "Check the period, or clear the revise cell to add a new value",
    reason: "Say why it changed in the reason column; readers see it beside the corrected figure",
    blank: "Type the figure, or say why there is none in the missing column",
    series: (ids: string) => `Put one of these in the series column: ${ids}`,
  },
} as const;

/** A period of the right shape for each frequency, for messages. */
const PERIOD_EXAMPLES: Record<Frequency, string> = {
  monthly: "a month such as 2024-03",
  quarterly: "a quarter such as 2024-Q1 (January to March) or FY2023/24-Q4 (financial)",
  "four-monthly": "four months such as 2024-T1 (January to April) or FY2023/24-T1 (April to July 2023)",
  "half-yearly": "a half year such as 2024-H1 (January to June)",
  "half-termly": "a half term such as AY2023/24-autumn-1",
  termly: "a term such as AY2023/24-autumn",
  annual: "a year such as 2024",
  "financial-year": "a financial year such as FY2023/24",
  "academic-year": "an academic year such as AY2023/24",
  snapshot: "a date such as 2024-03-31",
};

const KIND_WORDS: Record<PeriodKind, string> = {
  date: "a date",
  month: "a month",
  quarter: "a quarter",
  fquarter: "a financial-year quarter",
  fourmonth: "a four-month period",
  ffourmonth: "a financial-year four-month period",
  half: "a half year",
  year: "a year",
  fyear: "a financial year",
  ayear: "an academic year",
  term: "a term",
  halfterm: "a half term",
};

/** Accepts `2024-q1`, `fy2023/24`, `AY2023/24-Autumn` as the canonical spelling. */
export function normalisePeriod(raw: string): string {
  const t = raw.trim();
  if (parsePeriod(t)) return t;
  const fixed = t
    .replace(/^(fy|ay)/i, (m) => m.toUpperCase())
    .replace(/-q([1-4])$/i, "-Q$1")
    .replace(/-h([12])$/i, "-H$1")
    .replace(/-t([1-3])$/i, "-T$1")
    .replace(/-(autumn|spring|summer)/i, (m) => m.toLowerCase());
  return parsePeriod(fixed) ? fixed : t;
}

/** Spreadsheet programs turn `2024-03` into `Mar-24` or `01/03/2024` unless the column is text. */
const looksConvertedByExcel = (t: string) =>
  /^\d{1,2}\/\d{1,2}\/\d{2,4}$/.test(t) ||
  /^[A-Za-z]{3}-\d{2,4}$/.test(t) ||
  /^\d{1,2}-[A-Za-z]{3}(-\d{2,4})?$/.test(t);

/** Describes a published value for a message: `27 (provisional)` or `no figure ("Tracker not in place")`. */
function describeObservation(o: Pick<Observation, "value" | "missing" | "suppressed" | "provisional">): string {
  if (o.value === null)
    return o.suppressed ? "no figure (suppressed)" : `no figure (${JSON.stringify(o.missing ?? "")})`;
  return `${o.value}${o.provisional ? " (provisional)" : ""}`;
}

/**
 * Checks every input against its KPI and against the others (no period twice),
 * reporting every problem, and turns the inputs into changes only when there
 * are none. A CSV row that repeats a published value exactly is not a change
 * and not a problem: it is listed in `unchanged`, so a whole tracker can be
 * exported and imported again each month.
 */
export function checkValues(
  inputs: readonly ValueInput[],
  kpis: ReadonlyMap<string, KpiSource>,
  options: CheckOptions,
): { changes: ValueChange[]; problems: ValueProblem[]; unchanged: number[] } {
  const fix = FIX[options.channel];
  const problems: ValueProblem[] = [];
  const changes: ValueChange[] = [];
  const unchanged: number[] = [];
  const seen = new Map<string, number | undefined>();

  inputs.forEach((input, index) => {
    const before = problems.length;
    const report = (field: string, message: string, fixText?: string): void => {
      problems.push({ index, line: input.line, field, message, fix: fixText });
    };

    const slug = input.kpi.trim();
    const source = kpis.get(slug);
    if (!slug)
      return report("kpi", "is blank", "Give the KPI's file name from data/kpis/ without .json, e.g. kpi-1-2a");
    if (options.broken?.has(slug))
      return report(
        "kpi",
        `data/kpis/${slug}.json has problems of its own`,
        "Run npm run check and fix that file first",
      );
    if (!source) {
      const near = nearest(slug, kpis.keys());
      return report(
        "kpi",
        `no KPI "${slug}"`,
        near ? `Did you mean "${near}"?` : "Use the file name of a KPI in data/kpis/ without .json",
      );
    }
    const kpi = source.data;

    const ids = kpi.series.map((s) => `${s.id} (${s.label}, ${s.frequency})`).join(", ");
    const seriesId = input.series.trim();
    const seriesIndex =
      seriesId === "" ? (kpi.series.length === 1 ? 0 : -1) : kpi.series.findIndex((s) => s.id === seriesId);
    if (seriesIndex < 0) {
      if (seriesId === "") report("series", `is blank, but ${slug} has ${kpi.series.length} series`, fix.series(ids));
      else {
        const near = nearest(
          seriesId,
          kpi.series.map((s) => s.id),
        );
        report(
          "series",
          `${slug} has no series "${seriesId}"`,
          `${near ? `Did you mean "${near}"? ` : ""}${slug} has: ${ids}`,
        );
      }
    }
    const series = kpi.series[seriesIndex];

    const periodText = normalisePeriod(input.period);
    const period = parsePeriod(periodText);
    if (periodText === "")
      report("period", "is blank", series ? `Give ${PERIOD_EXAMPLES[series.frequency]}` : undefined);
    else if (!period)
      report(
        "period",
        `${JSON.stringify(periodText)} is not a period`,
        looksConvertedByExcel(periodText)
          ? "The spreadsheet may have turned it into a date: format the period column as Text and type the period again"
          : series
            ? `Write ${PERIOD_EXAMPLES[series.frequency]}`
            : "Write a period such as 2024-03, 2024-Q1, FY2023/24 or AY2023/24",
      );
    else if (series && !fitsFrequency(period, series.frequency)) {
      const other = kpi.series.filter((s) => fitsFrequency(period, s.frequency)).map((s) => s.id);
      report(
        "period",
        `${periodText} is ${KIND_WORDS[period.kind]}, but series "${series.id}" of ${slug} is measured ${series.frequency} (${FREQUENCIES[series.frequency].map((k) => KIND_WORDS[k]).join(" or ")})`,
        `Write ${PERIOD_EXAMPLES[series.frequency]}${other.length ? `, or put it in series ${other.map((o) => `"${o}"`).join(" or ")}` : ""}`,
      );
    }

    const missing = input.missing.trim();
    let value: number | null = null;
    if (input.value.trim() === "") {
      if (!missing) report("value", "is blank and no reason is given", fix.blank);
    } else {
      const figure = parseFigure(input.value, { unit: kpi.unit });
      if (!figure.ok) report("value", figure.message, figure.fix);
      else value = figure.value;
      if (missing) report("missing", "gives a reason for a missing figure, but there is a figure", "Clear one of them");
    }

    let count: number | undefined;
    if (input.count.trim() !== "") {
      const figure = parseFigure(input.count, { whole: true });
      if (!figure.ok) report("count", figure.message, figure.fix);
      else count = figure.value;
    }

    if (!series || !period || problems.length > before) return;

    const key = `${slug}\u0000${series.id}\u0000${period.key}`;
    if (seen.has(key)) {
      const first = seen.get(key);
      return report(
        "period",
        `${period.key} for ${slug}, series "${series.id}", appears twice${first ? `: line ${first} has it too` : ""}`,
        "Keep one row per KPI, series and period",
      );
    }
    seen.set(key, input.line);

    const existing = series.values.find((v) => v.period === period.key);
    const note = input.note.trim() || undefined;
    if (
      existing &&
      !input.revise &&
      options.channel === "csv" &&
      sameAsPublished(existing, { value, missing, count, provisional: input.provisional, note })
    ) {
      unchanged.push(index);
      return;
    }
    const revising = existing !== undefined && (input.revise || options.allowRevise === true);
    if (existing && !revising)
      return report(
        "period",
        `${slug} already has a published value for ${period.key} in series "${series.id}": ${describeObservation(existing)}`,
        fix.revise,
      );
    if (input.revise && !existing)
      return report(
        input.line === undefined ? "period" : "revise",
        `${slug} has no published value for ${period.key} in series "${series.id}" to correct`,
        fix.notPublished,
      );

    let revision: ValueChange["revision"];
    if (existing) {
      const reason = input.reason.trim() || options.reason?.trim() || "";
      if (!reason) return report("reason", "a correction needs a reason", fix.reason);
      if (existing.value === value && (value !== null || (existing.missing ?? "") === missing))
        return report(
          "value",
          `is the same as the published value for ${period.key} (${describeObservation(existing)}), so there is nothing to correct`,
          "Leave it out, or check the figure",
        );
      if (existing.asAt === undefined && options.date < period.start)
        return report(
          "reason",
          `a correction dated ${options.date} would be before ${period.key} began`,
          "Check the date given with --date",
        );
      revision = { previous: existing, reason, date: options.date };
    }

    changes.push({
      kpi: slug,
      file: source.file,
      seriesIndex,
      series: series.id,
      period: period.key,
      value,
      count,
      missing: missing || undefined,
      provisional: input.provisional,
      note,
      revision,
      line: input.line,
    });
  });

  return problems.length ? { changes: [], problems, unchanged: [] } : { changes, problems, unchanged };
}

/** Whether a row repeats a published value exactly (as when a whole tracker is exported again). */
function sameAsPublished(
  o: Observation,
  row: {
    value: number | null;
    missing: string;
    count: number | undefined;
    provisional: boolean;
    note: string | undefined;
  },
): boolean {
  return (
    o.value === row.value &&
    (o.missing ?? "") === row.missing &&
    o.count === row.count &&
    (o.provisional ?? false) === row.provisional &&
    (row.note === undefined || o.note === row.note)
  );
}

/** The order fields are written in when they are added to an observation. */
const FIELD_ORDER = ["period", "value", "count", "missing", "suppressed", "provisional", "asAt", "revisions", "note"];

/** Keeps `order` for the keys that had it; puts each new key after the last key the schema order puts before it. */
function orderLike(obj: Record<string, unknown>, order: readonly string[]): Record<string, unknown> {
  const keys = order.filter((k) => k in obj);
  for (const k of Object.keys(obj)) {
    if (keys.includes(k)) continue;
    const rank = FIELD_ORDER.indexOf(k);
    if (rank < 0) {
      keys.push(k);
      continue;
    }
    const after = keys.findLastIndex((other) => {
      const r = FIELD_ORDER.indexOf(other);
      return r >= 0 && r < rank;
    });
    keys.splice(after + 1, 0, k);
  }
  return Object.fromEntries(keys.map((k) => [k, obj[k]]));
}

/** A new observation for a period that has none. */
function newObservation(change: ValueChange): Record<string, unknown> {
  return orderLike(
    {
      period: change.period,
      value: change.value,
      ...(change.count !== undefined && { count: change.count }),
      ...(change.missing !== undefined && { missing: change.missing }),
      ...(change.provisional && { provisional: true }),
      ...(change.note !== undefined && { note: change.note }),
    },
    [],
  );
}

/**
 * The corrected observation: the new figure, count and flags replace the old
 * ones, `asAt` and (unless a new one is given) `note` are kept, and the figure
 * as first published goes onto the end of `revisions` with the date and reason.
 */
export function revisedObservation(
  old: Readonly<Record<string, unknown>>,
  change: ValueChange & { revision: NonNullable<ValueChange["revision"]> },
): Record<string, unknown> {
  const next: Record<string, unknown> = { ...old, value: change.value };
  for (const k of ["count", "missing", "suppressed", "provisional"]) delete next[k];
  if (change.count !== undefined) next["count"] = change.count;
  if (change.missing !== undefined) next["missing"] = change.missing;
  if (change.provisional) next["provisional"] = true;
  if (change.note !== undefined) next["note"] = change.note;
  const earlier = Array.isArray(old["revisions"]) ? (old["revisions"] as unknown[]) : [];
  next["revisions"] = [
    ...earlier,
    { value: old["value"] ?? null, revised: change.revision.date, reason: change.revision.reason },
  ];
  return orderLike(next, Object.keys(old));
}

/**
 * Writes changes into one KPI file's text: new values go in period order,
 * corrections replace their value in place, and nothing else in the text moves.
 */
export function applyValueChanges(text: string, changes: readonly ValueChange[]): string {
  const bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
  const style = jsonStyle(text);
  let out = text.slice(bom.length);
  for (const change of changes) {
    const data = JSON.parse(out) as { series: { values: Record<string, unknown>[] }[] };
    const values = data.series[change.seriesIndex]!.values;
    const array = nodeAt(parseJsonText(out), ["series", change.seriesIndex, "values"]) as JsonArray;
    const at = values.findIndex((v) => v["period"] === change.period);
    if (at >= 0) {
      if (!change.revision)
        throw new Error(`${change.kpi} ${change.period} is already published; only a revision may replace it`);
      out = replaceNode(
        out,
        array.items[at]!,
        revisedObservation(values[at]!, { ...change, revision: change.revision }),
        style,
      );
    } else {
      const p = parsePeriod(change.period)!;
      const later = values.findIndex((v) => comparePeriods(parsePeriod(String(v["period"]))!, p) > 0);
      out = insertItem(out, array, later < 0 ? values.length : later, newObservation(change), style);
    }
  }
  return bom + out;
}

/** One line saying what a change did, e.g. `2020-02 corrected: 43.6 → 44.1 (Late returns added)`. */
export function describeChange(change: ValueChange): string {
  const now = describeObservation({
    value: change.value,
    missing: change.missing,
    provisional: change.provisional || undefined,
  });
  const where = `${change.kpi}, series "${change.series}", ${change.period}`;
  if (change.revision)
    return `${where}: corrected from ${describeObservation(change.revision.previous)} to ${now}. Reason: ${change.revision.reason}`;
  return `${where}: added ${now}`;
}
