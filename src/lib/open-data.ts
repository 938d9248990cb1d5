/** Open data: every KPI series as tidy rows, the same numbers the pages show. */
import { stringify } from "csv-stringify/sync";
import type { Entry } from "./content/model.ts";
import type { Kpi } from "../schemas/index.ts";
import { targetAt } from "./kpi-status.ts";
import { comparePeriods, labelPeriod, period } from "./period.ts";

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

export type CsvRow = Record<(typeof CSV_COLUMNS)[number], string>;

/** One row per series × period, with flags, the target that applied and comparators. */
export function kpiRows(entry: Entry<Kpi>): CsvRow[] {
  const kpi = entry.data;
  const headline = kpi.series[0]!.id;
  return kpi.series.flatMap((s) =>
    [...s.values]
      .sort((a, b) => comparePeriods(period(a.period), period(b.period)))
      .map((v) => {
        const p = period(v.period);
        const t = s.id === headline && kpi.better !== "neither" ? targetAt(kpi, p) : undefined;
        const status =
          v.value === null
            ? v.suppressed
              ? "suppressed"
              : "missing"
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
          value: v.value === null ? "" : String(v.value),
          count: v.count === undefined ? "" : String(v.count),
          status,
          missing_reason: v.missing ?? (v.suppressed ? "Suppressed to protect small numbers" : ""),
          as_at: v.asAt ?? "",
          revisions: (v.revisions ?? [])
            .map((r) => `${r.revised}: was ${r.value ?? "missing"} (${r.reason})`)
            .join("; "),
          target: t?.target.value == null ? "" : String(t.target.value),
          target_wording: t?.milestone.wording ?? "",
          comparators: kpi.comparators
            .filter((c) => (c.series ?? headline) === s.id)
            .flatMap((c) => c.values.filter((x) => x.period === p.key).map((x) => `${c.label}: ${x.value}`))
            .join("; "),
          note: v.note ?? "",
        };
      }),
  );
}

/** RFC 4180 CSV with a header row and CRLF line ends. */
export function toCsv(rows: CsvRow[]): string {
  return stringify(rows, {
    header: true,
    columns: [...CSV_COLUMNS],
    record_delimiter: "\r\n",
    quoted_match: /[",\r\n]/,
  });
}
