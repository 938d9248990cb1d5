/**
 * Figures and dates that cannot be true: a percentage above 100, a count of 2.5 children,
 * a figure for a month that has not begun, a report published tomorrow, a meeting "held" next week.
 * Pure: the day the build treats as today is passed in.
 */
import type { Kpi, Unit } from "../../schemas/index.ts";
import { period } from "../../schemas/period.ts";
import type { PortalFacts } from "./facts.ts";
import type { Path, Problem } from "./problems.ts";
import { fieldLocator, type SourceFile } from "./source.ts";

/** The values a unit can take unless the indicator says otherwise in `range`. */
const UNIT_RANGE: Record<Unit, { min?: number; max?: number }> = {
  percent: { min: 0, max: 100 },
  count: { min: 0 },
  weeks: { min: 0 },
  days: { min: 0 },
  gbp: {},
  rate: { min: 0 },
  score: {},
};

/** The range a KPI's figures must fall in: its own `range` where set, else its unit's. */
function allowedRange(kpi: Pick<Kpi, "unit" | "range">): { min?: number | undefined; max?: number | undefined } {
  const unit = UNIT_RANGE[kpi.unit];
  return { min: kpi.range?.min ?? unit.min, max: kpi.range?.max ?? unit.max };
}

/** Why a single figure cannot be right for this KPI, or undefined when it can. */
function impossibleFigure(kpi: Pick<Kpi, "unit" | "range">, value: number): string | undefined {
  if (!Number.isFinite(value)) return `${value} is not a figure`;
  const { min, max } = allowedRange(kpi);
  const what = kpi.range ? "this indicator's range" : `a ${kpi.unit === "percent" ? "percentage" : kpi.unit} figure`;
  if (min !== undefined && value < min) return `${value} is below ${min}, the lowest ${what} can be`;
  if (max !== undefined && value > max) return `${value} is above ${max}, the highest ${what} can be`;
  if (kpi.unit === "count" && !Number.isInteger(value)) return `${value} is not a whole number, and this KPI counts`;
  return undefined;
}

const RANGE_FIX =
  'Check the figure against the paper; if the indicator really can take it (e.g. a percentage change), set "range" on the KPI';

/**
 * The impossible figures and dates in one KPI's own file, located: figures outside its range, figures
 * for periods not yet begun, figures taken after today. (The day a KPI's dated figures stop being a
 * problem is {@link kpiCheckedFrom}.)
 */
export function kpiPlausibilityProblems(kpi: Kpi, file: string, sources: ReadonlyMap<string, SourceFile>, today: string): Problem[] {
  const problems: Problem[] = [];
  const at = fieldLocator(sources);
  kpi.series.forEach((s, i) =>
    s.values.forEach((v, j) => {
      const path: Path = ["series", i, "values", j];
      if (v.value !== null) {
        const why = impossibleFigure(kpi, v.value);
        if (why) problems.push({ ...at(file, [...path, "value"]), message: why, fix: RANGE_FIX });
      }
      v.revisions?.forEach((r, k) => {
        const why = r.value === null ? undefined : impossibleFigure(kpi, r.value);
        if (why) problems.push({ ...at(file, [...path, "revisions", k, "value"]), message: why, fix: RANGE_FIX });
      });
      if (!v.projected && period(v.period).start > today)
        problems.push({
          ...at(file, [...path, "period"]),
          message: `a figure for ${v.period}, which has not begun (today is ${today})`,
          fix: 'Check the period; a forecast is marked "projected": true',
        });
      if (v.asAt !== undefined && v.asAt > today)
        problems.push({
          ...at(file, [...path, "asAt"]),
          message: `taken on ${v.asAt}, after today (${today})`,
          fix: "Check the date the figure was taken",
        });
    }),
  );
  kpi.comparators.forEach((c, i) =>
    c.values.forEach((v, j) => {
      const path: Path = ["comparators", i, "values", j];
      const why = impossibleFigure(kpi, v.value);
      if (why) problems.push({ ...at(file, [...path, "value"]), message: why, fix: RANGE_FIX });
      // A comparator figure (an England average, say) can decide a target, and a paper cannot have one
      // for a period not yet begun.
      if (period(v.period).start > today)
        problems.push({
          ...at(file, [...path, "period"]),
          message: `a comparator figure for ${v.period}, which has not begun (today is ${today})`,
          fix: "Check the period against the paper",
        });
    }),
  );
  if (kpi.baseline?.value != null) {
    const why = impossibleFigure(kpi, kpi.baseline.value);
    if (why) problems.push({ ...at(file, ["baseline", "value"]), message: why, fix: RANGE_FIX });
  }
  if (kpi.range?.min !== undefined && kpi.range.max !== undefined && kpi.range.min > kpi.range.max)
    problems.push({ ...at(file, ["range"]), message: `min ${kpi.range.min} is above max ${kpi.range.max}` });
  return problems;
}

/**
 * The first day on which none of a KPI's figures is dated after today, so {@link kpiPlausibilityProblems}
 * finds no date in the future from then on: the latest start of a measured or comparator figure's
 * period, or `asAt` day. `npm run check` keeps it for a KPI whose file had no problem, and reads the
 * file again on a day before it (check-cache.ts).
 */
export function kpiCheckedFrom(kpi: Kpi): string {
  let latest = "";
  const later = (day: string) => {
    if (day > latest) latest = day;
  };
  for (const s of kpi.series)
    for (const v of s.values) {
      if (!v.projected) later(period(v.period).start);
      if (v.asAt !== undefined) later(v.asAt);
    }
  for (const c of kpi.comparators) for (const v of c.values) later(period(v.period).start);
  return latest;
}

/**
 * The dates of reports and meetings that cannot be true yet, located: a version published after
 * today, a meeting held after today.
 */
export function checkPlausibility(
  portal: Pick<PortalFacts, "reports" | "meetings">,
  sources: ReadonlyMap<string, SourceFile>,
  options: { today: string },
): Problem[] {
  const problems: Problem[] = [];
  const at = fieldLocator(sources);
  const { today } = options;

  for (const report of portal.reports)
    for (const v of report.versions) {
      if (v.data.status !== "draft" && period(v.data.published).start > today)
        problems.push({
          ...at(v.file, ["published"]),
          message: `published ${v.data.published}, after today (${today})`,
          fix: 'Check the date, or keep the version as status: "draft" until it is published',
        });
    }

  for (const m of portal.meetings)
    if (m.data.status === "held" && period(m.data.date).start > today)
      problems.push({
        ...at(m.file, ["status"]),
        message: `marked held, but its date ${m.data.date} is after today (${today})`,
        fix: 'Use status: "scheduled" until the meeting has taken place',
      });

  return problems;
}
