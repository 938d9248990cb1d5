/**
 * How the portal judges an indicator: pure functions from the published data.
 * The rules are explained to readers on /about/methodology/; keep the two in step.
 */
import type { Kpi, Milestone, Observation, Series, TargetExpr } from "../schemas/index.ts";
import { formatValue } from "./format.ts";
import { comparePeriods, labelPeriod, period, type Period } from "../schemas/period.ts";

/** An observation that carries a figure. */
export type Figure = Observation & { readonly value: number };

/** A sentence without its closing full stop, so it can be joined into another. */
const withoutFullStop = (s: string) => s.replace(/\.\s*$/, "");

/** Whether an observation carries a figure (not missing, not suppressed). */
const hasValue = (o: Observation): o is Figure => o.value !== null;

/** A target resolved to a number for one period, with the working shown to readers. */
export interface ResolvedTarget {
  readonly value: number | null;
  /** How the number was reached, e.g. "baseline 30 weeks minus 16.7% = 25 weeks". */
  readonly working: string;
}

/** A comparator's figure found for the period being judged, and which period it is for. */
export interface ComparatorFigure {
  readonly value: number;
  /** The comparator's own period, when it is not the judged period itself. */
  readonly period?: string | undefined;
}

export interface ResolveContext {
  readonly baseline?: number | null | undefined;
  /** A comparator's figure for the period being judged (or the latest before it), if any is published. */
  readonly comparator: (id: string) => ComparatorFigure | undefined;
  readonly format: (n: number) => string;
}

/** Misses within this share of the target count as "close to target". */
export const CLOSE_MARGIN = 0.05;

/**
 * Resolves a target expression to a number, or null when it cannot be (with the reason). The working is
 * written out only when it is read: the open data and the list of changes resolve a target for every
 * figure and never read it.
 */
export function resolveTarget(t: TargetExpr, ctx: ResolveContext): ResolvedTarget {
  switch (t.kind) {
    case "value":
      return resolved(t.value, () => `fixed target of ${ctx.format(t.value)}`);
    case "baseline-plus": {
      const { baseline } = ctx;
      if (baseline === null || baseline === undefined)
        return resolved(null, () => "relative to a baseline that has not been set");
      if (t.by === "unstated")
        return resolved(null, () => {
          const relative = round(baseline * (1 + t.change / 100));
          const points = round(baseline + t.change);
          return `the paper says the baseline of ${ctx.format(baseline)} plus ${t.change}% but not whether it means ${t.change} percentage points (${ctx.format(points)}) or ${t.change}% more than the baseline (${ctx.format(relative)})`;
        });
      const value = round(t.by === "percent" ? baseline * (1 + t.change / 100) : baseline + t.change);
      return resolved(value, () => {
        const sign = t.change >= 0 ? "plus" : "minus";
        const change = t.by === "percent" ? `${Math.abs(t.change)}%` : `${Math.abs(t.change)} points`;
        return `baseline of ${ctx.format(baseline)} ${sign} ${change} = ${ctx.format(value)}`;
      });
    }
    case "comparator": {
      const found = ctx.comparator(t.comparator);
      const c: ComparatorFigure | undefined =
        found && found.period === undefined ? found : t.printed !== undefined ? { value: t.printed } : found;
      if (c === undefined)
        return resolved(null, () => `the ${t.comparator} figure for this period is not in the papers`);
      const value = round(c.value + (t.plus ?? 0));
      return resolved(value, () => {
        const source =
          c === found
            ? c.period === undefined
              ? `${t.comparator} figure of ${ctx.format(c.value)}`
              : `${t.comparator} figure of ${ctx.format(c.value)} (the latest published, for ${labelPeriod(period(c.period))})`
            : `${t.comparator} figure of ${ctx.format(c.value)} as printed with the target`;
        return t.plus ? `${source} plus ${ctx.format(t.plus)} = ${ctx.format(value)}` : source;
      });
    }
    case "max":
    case "min": {
      const parts = t.of.map((x) => resolveTarget(x, ctx));
      const known = parts.flatMap((p) => (p.value === null ? [] : [p.value]));
      if (known.length === 0) return resolved(null, () => parts.map((p) => p.working).join("; "));
      const value = t.kind === "max" ? Math.max(...known) : Math.min(...known);
      return resolved(value, () => {
        const note = known.length < parts.length ? " (some parts could not be worked out yet)" : "";
        return `the ${t.kind === "max" ? "higher" : "lower"} of ${parts.map((p) => p.working).join(" and ")}: ${ctx.format(value)}${note}`;
      });
    }
    case "unquantified":
      return resolved(null, () => "the target is stated in words, not as a number");
  }
}

/** A resolved target whose working is written the first time it is read, then kept. */
function resolved(value: number | null, write: () => string): ResolvedTarget {
  let working: string | undefined;
  return {
    value,
    get working() {
      return (working ??= write());
    },
  };
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * The milestone that applies to a period: the latest dated one due on or before the period ends
 * (so after the last milestone, the final target applies); failing that, the undated target, if any.
 */
export function milestoneFor(targets: readonly Milestone[], at: Period): Milestone | undefined {
  const due = targets
    .flatMap((m) => (m.period === undefined ? [] : [{ m, p: period(m.period) }]))
    .filter(({ p }) => p.end <= at.end)
    .sort((a, b) => comparePeriods(a.p, b.p))
    .at(-1)?.m;
  return due ?? targets.find((m) => m.period === undefined);
}

/** The first dated milestone, for saying when targets start. */
function firstMilestone(targets: readonly Milestone[]): Milestone | undefined {
  return targets
    .flatMap((m) => (m.period === undefined ? [] : [{ m, p: period(m.period) }]))
    .sort((a, b) => comparePeriods(a.p, b.p))[0]?.m;
}

/** When a milestone is due, in words: "by October 2019", or "no date given". */
export function milestoneDue(m: Milestone): string {
  return m.period === undefined ? "with no date" : `by ${labelPeriod(period(m.period))}`;
}

export type KpiStatusCode =
  "met" | "close" | "missed" | "no-target" | "untargeted" | "no-data" | "context" | "no-direction";

export const KPI_STATUS: Record<KpiStatusCode, { label: string; tone: "good" | "warn" | "bad" | "neutral" }> = {
  met: { label: "Target met", tone: "good" },
  close: { label: "Close to target", tone: "warn" },
  missed: { label: "Target missed", tone: "bad" },
  "no-target": { label: "No target for this period", tone: "neutral" },
  untargeted: { label: "No target published", tone: "neutral" },
  "no-data": { label: "No figure yet", tone: "neutral" },
  context: { label: "For context (no target)", tone: "neutral" },
  "no-direction": { label: "Not judged (the papers do not say which way is better)", tone: "neutral" },
};

export interface KpiJudgement {
  readonly code: KpiStatusCode;
  /** The figure judged: the latest measured (not projected) one. */
  readonly latest?: Figure | undefined;
  readonly milestone?: Milestone | undefined;
  readonly target?: ResolvedTarget | undefined;
  /** The rule that gave the status, in words. */
  readonly rule: string;
}

/** The series a KPI is judged on: the first one (e.g. all pupils). The schema requires at least one. */
export function headlineSeries(kpi: Kpi): Series {
  const first = kpi.series[0];
  if (!first) throw new Error(`KPI ${kpi.ref} has no series`);
  return first;
}

/** Measured figures (not missing, not projected), in period order, optionally only those ended by a date. */
export function withValues(s: Series, until?: string): Figure[] {
  return s.values
    .filter(hasValue)
    .filter((v) => !v.projected && (until === undefined || period(v.period).end <= until))
    .sort((a, b) => comparePeriods(period(a.period), period(b.period)));
}

export function formatterFor(kpi: Kpi): (n: number) => string {
  return (n) => formatValue(n, { unit: kpi.unit, decimals: kpi.decimals });
}

/**
 * A comparator's figure for a period: for that very period where published, otherwise the latest
 * one for a period that ended by then (with its period, so readers are told).
 */
export function comparatorAt(kpi: Kpi, id: string, at: Period, seriesId: string): ComparatorFigure | undefined {
  const headline = headlineSeries(kpi).id;
  const c = kpi.comparators.find((x) => x.id === id && (x.series ?? headline) === seriesId);
  if (!c) return undefined;
  const same = c.values.find((v) => v.period === at.key);
  if (same) return { value: same.value };
  const before = c.values
    .map((v) => ({ v, p: period(v.period) }))
    .filter(({ p }) => p.end <= at.end)
    .sort((a, b) => comparePeriods(a.p, b.p))
    .at(-1);
  return before && { value: before.v.value, period: before.v.period };
}

/** Whether a period ends before the baseline's begins: no target, dated or not, reaches back before it. */
function beforeBaseline(kpi: Kpi, at: Period): boolean {
  return kpi.baseline !== undefined && at.end < period(kpi.baseline.period).start;
}

/** The target for one period of a KPI, resolved. None for a period before the baseline. */
export function targetAt(
  kpi: Kpi,
  at: Period,
  seriesId = headlineSeries(kpi).id,
): { milestone: Milestone; target: ResolvedTarget } | undefined {
  if (beforeBaseline(kpi, at)) return undefined;
  const milestone = milestoneFor(kpi.targets, at);
  if (!milestone) return undefined;
  return {
    milestone,
    target: resolveTarget(milestone.target, {
      baseline: kpi.baseline?.value,
      comparator: (id) => comparatorAt(kpi, id, at, seriesId),
      format: formatterFor(kpi),
    }),
  };
}

/** Whether `value` meets `target` in the KPI's better direction (higher or lower). */
function meets(value: number, target: number, better: "higher" | "lower"): boolean {
  return better === "lower" ? value <= target : value >= target;
}

/** Judges one figure against the target that applies to its period. */
export function judgeFigure(kpi: Kpi, latest: Figure): KpiJudgement {
  const fmt = formatterFor(kpi);
  const p = period(latest.period);
  if (kpi.better === "neither")
    return {
      code: "context",
      latest,
      rule: "This figure gives context; a higher or lower number is not in itself better, so it has no target.",
    };
  const t = targetAt(kpi, p);
  if (!t && beforeBaseline(kpi, p))
    return {
      code: "no-target",
      latest,
      rule: `The figure is for ${labelPeriod(p)}, before the baseline (${labelPeriod(period(kpi.baseline!.period))}) the targets were set from, so no target applies to it.`,
    };
  if (!t) {
    const first = firstMilestone(kpi.targets);
    if (!first) return { code: "untargeted", latest, rule: "No target has been published for this indicator." };
    return {
      code: "no-target",
      latest,
      rule: `No target was due by ${labelPeriod(p)}, the period of the figure; the first is due ${milestoneDue(first)}.`,
    };
  }
  const due = milestoneDue(t.milestone);
  if (t.target.value === null)
    return {
      code: "no-target",
      latest,
      milestone: t.milestone,
      target: t.target,
      rule: `The target due ${due} cannot be turned into a number: ${t.target.working}.`,
    };
  if (kpi.better === "unstated")
    return {
      code: "no-direction",
      latest,
      milestone: t.milestone,
      target: t.target,
      rule: `The papers set a target of ${fmt(t.target.value)} but do not say whether a higher or lower figure is better, so the portal does not say whether ${fmt(latest.value)} meets it.`,
    };
  const target = t.target.value;
  const direction = kpi.better === "lower" ? "at or below" : "at or above";
  const base = { latest, milestone: t.milestone, target: t.target };
  if (meets(latest.value, target, kpi.better))
    return { ...base, code: "met", rule: `${fmt(latest.value)} is ${direction} the target of ${fmt(target)}.` };
  const gap = round(Math.abs(latest.value - target));
  const close = gap <= Math.abs(target) * CLOSE_MARGIN;
  return {
    ...base,
    code: close ? "close" : "missed",
    rule: `${fmt(latest.value)} is not ${direction} the target of ${fmt(target)}; it misses by ${fmt(gap)}, which is ${close ? "within" : "more than"} 5% of the target.`,
  };
}

/**
 * Judges a KPI on its latest measured figure (optionally as things stood on a date): met, close
 * (missed by no more than 5% of the target), missed, or why it cannot be judged.
 */
export function judgeKpi(kpi: Kpi, options: { asOf?: string | undefined } = {}): KpiJudgement {
  const latest = withValues(headlineSeries(kpi), options.asOf).at(-1);
  if (!latest) return { code: "no-data", rule: noFigureRule(headlineSeries(kpi), options.asOf) };
  return judgeFigure(kpi, latest);
}

/** Why there is nothing to judge: nothing printed, only gaps with reasons, or only forecasts. */
function noFigureRule(s: Series, asOf: string | undefined): string {
  const values = s.values.filter((v) => asOf === undefined || period(v.period).end <= asOf);
  if (values.some((v) => v.projected && v.value !== null))
    return "Only projected figures have been published; a forecast is never judged.";
  const gaps = values.filter((v) => v.value === null);
  if (gaps.length > 0)
    return `No figure has been published. ${gaps.map((v) => `${labelPeriod(period(v.period))}: ${withoutFullStop(v.suppressed ? "withheld to protect children's privacy" : (v.missing ?? "no reason given"))}`).join("; ")}.`;
  return "No figure has been published yet.";
}

export type Direction =
  "improving" | "worsening" | "no-change" | "up" | "down" | "not-comparable" | "part-period" | "none";

export const DIRECTION: Record<Direction, string> = {
  improving: "Improving",
  worsening: "Worsening",
  "no-change": "No change",
  up: "Up",
  down: "Down",
  "not-comparable": "Not comparable (the measure changed)",
  "part-period": "Not comparable (part of a period against a whole one)",
  none: "Only one figure so far",
};

/**
 * Direction of travel between the latest two measured figures of a series. Never computed across a
 * change in how the figure is measured, nor between a part-period (as-at) figure and a whole period.
 */
export function directionOfTravel(
  kpi: Kpi,
  s: Series = headlineSeries(kpi),
  asOf?: string,
): { direction: Direction; from?: Figure; to?: Figure } {
  const values = withValues(s, asOf);
  const to = values.at(-1);
  const from = values.at(-2);
  if (!to || !from) return { direction: "none" };
  return { direction: directionBetween(kpi, s, from, to), from, to };
}

/**
 * The direction from one measured figure of a series to a later one, by the rules of
 * {@link directionOfTravel}: not across a break in the series, nor between a part period and a whole one;
 * improving or worsening only when the indicator says which way is better, otherwise up or down.
 */
export function directionBetween(kpi: Kpi, s: Series, from: Figure, to: Figure): Direction {
  const broken = kpi.breaks.some((b) => {
    if (b.series !== undefined && b.series !== s.id) return false;
    const bp = period(b.period);
    return bp.start > period(from.period).start && bp.start <= period(to.period).start;
  });
  if (broken) return "not-comparable";
  if ((to.asAt === undefined) !== (from.asAt === undefined)) return "part-period";
  const diff = to.value - from.value;
  if (Math.abs(diff) < 1e-9) return "no-change";
  if (kpi.better === "neither" || kpi.better === "unstated") return diff > 0 ? "up" : "down";
  const better = kpi.better === "higher" ? diff > 0 : diff < 0;
  return better ? "improving" : "worsening";
}
