/** Open data: every KPI series as tidy rows, the same numbers the pages show. */
import { stringify } from "csv-stringify/sync";
import type { Entry, Portal } from "./content/model.ts";
import { slugify } from "./slug.ts";
import type { Kpi } from "../schemas/index.ts";
import { targetAt } from "./kpi-status.ts";
import { comparePeriods, labelPeriod, period } from "../schemas/period.ts";
import { routes } from "./routes.ts";
import { pushTo } from "./maps.ts";

export const CSV_COLUMNS = [
  "kpi",
  "ref",
  "title",
  "unit",
  "better",
  "series",
  "cohort",
  "frequency",
  "period",
  "period_label",
  "period_start",
  "period_end",
  "value",
  "count",
  "status",
  "missing_reason",
  "as_at",
  "revisions",
  "target",
  "target_wording",
  "comparators",
  "note",
] as const;

type NumberColumn = "value" | "count" | "target";

/** A row: the figures are numbers (null where there is none), everything else text. */
export type CsvRow = Record<Exclude<(typeof CSV_COLUMNS)[number], NumberColumn>, string> &
  Record<NumberColumn, number | null>;

function rowsOf(entry: Entry<Kpi>): CsvRow[] {
  const kpi = entry.data;
  const headline = kpi.series[0]!.id;
  return kpi.series.flatMap((s) => {
    // Each comparator's figures for this series by period, found once rather than once per row.
    const comparatorText = new Map<string, string[]>();
    for (const c of kpi.comparators.filter((c) => (c.series ?? headline) === s.id))
      for (const x of c.values) {
        const text = `${c.label}: ${x.value}${x.provisional ? " (provisional)" : ""}`;
        pushTo(comparatorText, x.period, text);
      }
    return [...s.values]
      .sort((a, b) => comparePeriods(period(a.period), period(b.period)))
      .map((v) => {
        const p = period(v.period);
        const t = s.id === headline && kpi.better !== "neither" ? targetAt(kpi, p) : undefined;
        const status =
          v.value === null
            ? v.suppressed
              ? "suppressed"
              : "missing"
            : v.projected
              ? "projected"
              : v.provisional
                ? "provisional"
                : v.revisions?.length
                  ? "revised"
                  : "final";
        return {
          kpi: entry.slug,
          ref: kpi.ref,
          title: kpi.title,
          unit: kpi.unit,
          better: kpi.better,
          series: s.id,
          cohort: s.label,
          frequency: s.frequency,
          period: p.key,
          period_label: labelPeriod(p),
          period_start: p.start,
          period_end: p.end,
          value: v.value,
          count: v.count ?? null,
          status,
          missing_reason: v.missing ?? (v.suppressed ? "Suppressed to protect small numbers" : ""),
          as_at: v.asAt ?? "",
          revisions: (v.revisions ?? [])
            .map((r) => `${r.revised}: was ${r.value ?? "missing"} (${r.reason})`)
            .join("; "),
          target: t?.target.value ?? null,
          target_wording: t?.milestone.wording ?? "",
          comparators: (comparatorText.get(p.key) ?? []).join("; "),
          note: v.note ?? "",
        };
      });
  });
}

/**
 * Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"),
 * with the full-width forms some locales' spreadsheets also accept.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

const NEUTRALISED = new RegExp(`^'${FORMULA_START.source.slice(1)}`);

/** A text cell a spreadsheet will show as text: a formula-like start gets a leading `'`. */
export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

const CSV_OPTIONS = {
  columns: [...CSV_COLUMNS],
  record_delimiter: "\r\n",
  quoted_match: [/[",\r\n]/, NEUTRALISED],
};

/** The CSV header row, CRLF-terminated. */
const CSV_HEADER = stringify([], { ...CSV_OPTIONS, header: true });

/** The rows as CSV records, without the header: text cells neutralised and, when changed, quoted. */
function csvRecords(rows: readonly CsvRow[]): string {
  const records = rows.map((row) =>
    CSV_COLUMNS.map((column) => {
      const cell = row[column];
      return typeof cell === "string" ? neutraliseCell(cell) : cell;
    }),
  );
  return stringify(records, { ...CSV_OPTIONS, header: false });
}

/**
 * An indicator's records, worked out once per build: its own CSV, its JSON and the file of every
 * indicator all carry them.
 */
const recordsByKpi = new WeakMap<Kpi, { slug: string; rows: CsvRow[]; csv?: string }>();
function kpiRecords(entry: Entry<Kpi>): { slug: string; rows: CsvRow[]; csv?: string } {
  let known = recordsByKpi.get(entry.data);
  if (known?.slug !== entry.slug) recordsByKpi.set(entry.data, (known = { slug: entry.slug, rows: rowsOf(entry) }));
  return known;
}

/** One row per series × period, with flags, the target that applied and comparators. */
export const kpiRows = (entry: Entry<Kpi>): CsvRow[] => kpiRecords(entry).rows;

/**
 * An indicator's figures as RFC 4180 CSV with a header row and CRLF line ends. Figures are written from
 * numbers (so -3.5 stays a number); text cells are neutralised and, when changed, quoted.
 */
export function kpiCsv(entry: Entry<Kpi>): string {
  return CSV_HEADER + kpiCsvRecords(entry);
}

/** Every indicator's figures in one CSV, in the order given. */
export function kpisCsv(entries: readonly Entry<Kpi>[]): string {
  return CSV_HEADER + entries.map(kpiCsvRecords).join("");
}

function kpiCsvRecords(entry: Entry<Kpi>): string {
  const known = kpiRecords(entry);
  return (known.csv ??= csvRecords(known.rows));
}

/** What each CSV column holds, as a Frictionless Table Schema. */
const FIELDS: Record<(typeof CSV_COLUMNS)[number], { type: string; description: string }> = {
  kpi: { type: "string", description: "The indicator's id (its address on the site)" },
  ref: { type: "string", description: 'The reference as printed in the papers, e.g. "KPI 1/2a"' },
  title: { type: "string", description: "The indicator in plain words" },
  unit: { type: "string", description: "percent, count, weeks, days, gbp, rate or score" },
  better: {
    type: "string",
    description: "higher, lower, neither (a context figure) or unstated (the papers do not say)",
  },
  series: { type: "string", description: "The series id within the indicator" },
  cohort: { type: "string", description: "The group the series covers, e.g. EHCP pupils" },
  frequency: { type: "string", description: "How often the series is measured" },
  period: { type: "string", description: "The period as written in the source files, e.g. AY2022/23-spring-2" },
  period_label: { type: "string", description: "The period in words" },
  period_start: { type: "date", description: "First day of the period" },
  period_end: { type: "date", description: "Last day of the period" },
  value: { type: "number", description: "The figure; empty when missing or suppressed, never zero in their place" },
  count: { type: "integer", description: "The count behind a percentage, where printed" },
  status: {
    type: "string",
    description: "final, provisional, revised, projected (a forecast, not a measurement), missing or suppressed",
  },
  missing_reason: { type: "string", description: "Why there is no figure" },
  as_at: { type: "date", description: "For a period in progress, the day the figure was taken" },
  revisions: { type: "string", description: "Earlier published figures: date, old value and reason" },
  target: {
    type: "number",
    description: "The target that applied to this period, as a number, where it can be worked out",
  },
  target_wording: { type: "string", description: "The target as printed" },
  comparators: { type: "string", description: "Benchmarks for the period, e.g. National average: 9" },
  note: { type: "string", description: "A note published with the figure" },
};

/** A Frictionless Data Package (https://specs.frictionlessdata.io/data-package/) for every CSV download. */
/** Resource paths are absolute when the public address is known, else relative to /data/datapackage.json. */
export function dataPackage(portal: Pick<Portal, "site" | "kpis">, base: string | undefined): Record<string, unknown> {
  const schema = { fields: CSV_COLUMNS.map((name) => ({ name, ...FIELDS[name] })), missingValues: [""] };
  const resource = (name: string, path: string, title: string) => ({
    name,
    path: base ? new URL(path, base).href : path.replace(/^\/data\//, ""),
    title,
    format: "csv",
    mediatype: "text/csv",
    encoding: "utf-8",
    schema,
  });
  return {
    name: slugify(portal.site.title),
    title: portal.site.title,
    description: portal.site.description,
    ...(base ? { homepage: new URL(routes.data(), base).href } : {}),
    licenses: [{ name: portal.site.licence.name, path: portal.site.licence.url }],
    contributors: [{ title: portal.site.organisation, role: "publisher" }],
    resources: [
      resource("all-kpis", routes.allKpisCsv(), "Every series of every indicator"),
      ...portal.kpis.map((k) => resource(k.slug, routes.kpiCsv(k.slug), `${k.data.ref}: ${k.data.title}`)),
    ],
  };
}
