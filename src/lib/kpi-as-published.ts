/**
 * An indicator as it stood on a past day, for a report that embeds its figures: a report is a
 * record, so it shows what was published then, not a later correction.
 *
 * The data dates every correction (`revisions[].revised`) and every change of targets or baseline
 * (`rebaselines[].date`), but not the day each figure first appeared. A figure therefore counts as
 * published by a day when the period it is about had ended by then, or, for a figure taken part-way
 * through its period, when its `asAt` day had come.
 */
import type { Kpi, Observation, Series } from "../schemas/index.ts";
import { headlineSeries } from "./kpi-status.ts";
import { parsePeriod, period } from "../schemas/period.ts";
import { formatWhen } from "./format.ts";

/** The last day of `when` (a date, month, quarter, year …): what "as published on/in `when`" covers. */
export function lastDayOf(when: string): string {
  return period(when).end;
}

/** "as published on 28 November 2023", or "as published in November 2023" for a month, quarter or year. */
export function asPublishedWords(when: string): string {
  return `as published ${parsePeriod(when)?.kind === "date" ? "on" : "in"} ${formatWhen(when)}`;
}

/** Whether a figure had been published by `day` (see the module comment). */
function publishedBy(o: Observation, day: string): boolean {
  return (o.asAt ?? period(o.period).end) <= day;
}

/** One observation as it stood on `day`: the value before any later correction, with only the corrections made by then. */
function observationOn(o: Observation, day: string): Observation {
  const { revisions, ...rest } = o;
  const earlier = (revisions ?? []).filter((r) => r.revised <= day);
  const asThen: Observation = earlier.length ? { ...rest, revisions: earlier } : rest;
  const later = (revisions ?? []).find((r) => r.revised > day);
  if (!later) return asThen;
  // The count, and any reason for a gap, recorded now belong to the corrected figure, not to the one published then.
  const { count: _count, missing: _missing, suppressed: _suppressed, ...figure } = asThen;
  return later.value === null
    ? { ...figure, value: null, missing: "No figure had been published for this period" }
    : { ...figure, value: later.value };
}

/** The series' figures as they stood on `day`. */
function seriesOn(s: Series, day: string): Series {
  return { ...s, values: s.values.filter((v) => publishedBy(v, day)).map((v) => observationOn(v, day)) };
}

/**
 * The indicator as it stood at the end of `day`: figures published by then, at their values then;
 * comparators for periods ended by then; the targets and baseline in force then (a later rebaseline
 * keeps the earlier ones as `previousTargets` and `previousBaseline`).
 */
export function kpiAsPublished(kpi: Kpi, day: string): Kpi {
  const later = kpi.rebaselines.filter((r) => r.date > day).sort((a, b) => a.date.localeCompare(b.date));
  const targets = later.find((r) => r.previousTargets)?.previousTargets ?? kpi.targets;
  const baseline = later.find((r) => r.previousBaseline)?.previousBaseline ?? kpi.baseline;
  return {
    ...kpi,
    ...(baseline ? { baseline } : {}),
    targets,
    rebaselines: kpi.rebaselines.filter((r) => r.date <= day),
    series: kpi.series.map((s) => seriesOn(s, day)),
    comparators: kpi.comparators.map((c) => ({ ...c, values: c.values.filter((v) => period(v.period).end <= day) })),
  };
}

export type FigureOn =
  | {
      readonly ok: true;
      readonly series: Series;
      /** The observation as it stood on the day. */
      readonly figure: Observation;
      /** The first correction made after the day, if any: what the figure became, and when. */
      readonly correctedLater?: { readonly value: number | null; readonly on: string } | undefined;
    }
  | { readonly ok: false; readonly why: "no-series" | "no-period" | "not-yet-published"; readonly series?: Series };

/** One figure of an indicator as it stood on `day`: the headline series unless `series` names another. */
export function figureOn(kpi: Kpi, options: { series?: string | undefined; period: string; day: string }): FigureOn {
  const s = options.series === undefined ? headlineSeries(kpi) : kpi.series.find((x) => x.id === options.series);
  if (!s) return { ok: false, why: "no-series" };
  const key = period(options.period).key;
  const o = s.values.find((v) => v.period === key);
  if (!o) return { ok: false, why: "no-period", series: s };
  if (!publishedBy(o, options.day)) return { ok: false, why: "not-yet-published", series: s };
  const next = (o.revisions ?? []).findIndex((r) => r.revised > options.day);
  const correctedLater =
    next === -1 ? undefined : { value: o.revisions![next + 1]?.value ?? o.value, on: o.revisions![next]!.revised };
  return { ok: true, series: s, figure: observationOn(o, options.day), correctedLater };
}
