/**
 * How the portal judges an indicator: pure functions from the published data.
 * The rules are explained to readers on /about/methodology/; keep the two in step.
 */
import type { Better, Kpi, Milestone, Observation, Series, TargetExpr } from "../schemas/index.ts";
import { formatValue } from "./format.ts";
import { comparePeriods, labelPeriod, period, type Period } from "./period.ts";

/** A target resolved to a number for one period, with the working shown to readers. */
export interface ResolvedTarget {
  readonly value: number | null;
  /** How the number was reached, e.g. "baseline 30 weeks minus 16.7% = 25 weeks". */
  readonly working: string;
}

export interface ResolveContext {
  readonly baseline?: number | null | undefined;
  /** A comparator's value for the period being judged, if known. */
  readonly comparator: (id: string) => number | undefined;
  readonly format: (n: number) => string;
}

/** Misses within this share of the target count as "close to target". */
export const CLOSE_MARGIN = 0.05;

/** Resolves a target expression to a number, or null when it cannot be (with the reason). */
export function resolveTarget(t: TargetExpr, ctx: ResolveContext): ResolvedTarget {
  switch (t.kind) {
    case "value":
      return { value: t.value, working: `fixed target of ${ctx.format(t.value)}` };
    case "baseline-plus": {
      if (ctx.baseline === null || ctx.baseline === undefined)
        return { value: null, working: "relative to a baseline that has not been set" };
      const value = t.by === "percent" ? ctx.baseline * (1 + t.change / 100) : ctx.baseline + t.change;
      const sign = t.change >= 0 ? "plus" : "minus";
      const change = t.by === "percent" ? `${Math.abs(t.change)}%` : `${Math.abs(t.change)} points`;
      return {
        value: round(value),
        working: `baseline of ${ctx.format(ctx.baseline)} ${sign} ${change} = ${ctx.format(round(value))}`,
      };
    }
    case "comparator": {
      const c = ctx.comparator(t.comparator);
      if (c === undefined)
        return { value: null, working: `the ${t.comparator} figure for this period is not yet published` };
      const value = c + (t.plus ?? 0);
      return {
        value: round(value),
        working: `${t.comparator} figure of ${ctx.format(c)}${t.plus ? ` plus ${t.plus}` : ""}`,
      };
    }
    case "max":
    case "min": {
      const parts = t.of.map((x) => resolveTarget(x, ctx));
      const known = parts.filter((p): p is { value: number; working: string } => p.value !== null);
      if (known.length === 0) return { value: null, working: parts.map((p) => p.working).join("; ") };
      const value = t.kind === "max" ? Math.max(...known.map((p) => p.value)) : Math.min(...known.map((p) => p.value));
      const note = known.length < parts.length ? " (some parts could not be worked out yet)" : "";
      return {
        value,
        working: `the ${t.kind === "max" ? "higher" : "lower"} of ${parts.map((p) => p.working).join(" and ")}: ${ctx.format(value)}${note}`,
      };
    }
    case "unquantified":
      return { value: null, working: "the target is stated in words, not as a number" };
  }
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** The milestone that applies to a period: the latest one due on or before the period ends. */
export function milestoneFor(targets: readonly Milestone[], at: Period): Milestone | undefined {
  return [...targets]
    .map((m) => ({ m, p: period(m.period) }))
    .filter(({ p }) => p.end <= at.end)
    .sort((a, b) => comparePeriods(a.p, b.p))
    .at(-1)?.m;
}

export type KpiStatusCode = "met" | "close" | "missed" | "no-target" | "no-data" | "context";

export const KPI_STATUS: Record<KpiStatusCode, { label: string; tone: "good" | "warn" | "bad" | "neutral" }> = {
  met: { label: "Target met", tone: "good" },
  close: { label: "Close to target", tone: "warn" },
  missed: { label: "Target missed", tone: "bad" },
  "no-target": { label: "No target for this period", tone: "neutral" },
  "no-data": { label: "No data yet", tone: "neutral" },
  context: { label: "For context (no target)", tone: "neutral" },
};

export interface KpiJudgement {
  readonly code: KpiStatusCode;
  /** The value judged (the latest with a figure). */
  readonly latest?: Observation | undefined;
  readonly milestone?: Milestone | undefined;
  readonly target?: ResolvedTarget | undefined;
  /** The rule that gave the status, in words. */
  readonly rule: string;
}

/** The series a KPI is judged on: the first one (e.g. all pupils). */
export function headlineSeries(kpi: Kpi): Series {
  return kpi.series[0]!;
}

/** Values with a figure, in period order. */
export function withValues(s: Series, until?: string): Observation[] {
  return s.values
    .filter((v) => v.value !== null && (until === undefined || period(v.period).end <= until))
    .sort((a, b) => comparePeriods(period(a.period), period(b.period)));
}

export function formatterFor(kpi: Kpi): (n: number) => string {
  return (n) => formatValue(n, { unit: kpi.unit, decimals: kpi.decimals });
}

/** The target for one period of a KPI, resolved. */
export function targetAt(
  kpi: Kpi,
  at: Period,
  seriesId = headlineSeries(kpi).id,
): { milestone: Milestone; target: ResolvedTarget } | undefined {
  const milestone = milestoneFor(kpi.targets, at);
  if (!milestone) return undefined;
  const comparator = (id: string) =>
    kpi.comparators
      .find((c) => c.id === id && (c.series ?? headlineSeries(kpi).id) === seriesId)
      ?.values.find((v) => v.period === at.key)?.value ?? undefined;
  return {
    milestone,
    target: resolveTarget(milestone.target, { baseline: kpi.baseline?.value, comparator, format: formatterFor(kpi) }),
  };
}

/** Whether `value` meets `target` in the KPI's better direction. */
export function meets(value: number, target: number, better: Better): boolean {
  return better === "lower" ? value <= target : value >= target;
}

/**
 * Judges a KPI on its latest value (optionally as things stood on a date): met, close
 * (missed by no more than 5% of the target), missed, or why it cannot be judged.
 */
export function judgeKpi(kpi: Kpi, options: { asOf?: string | undefined } = {}): KpiJudgement {
  const values = withValues(headlineSeries(kpi), options.asOf);
  const latest = values.at(-1);
  const fmt = formatterFor(kpi);
  if (!latest) return { code: "no-data", rule: "No figure has been published yet." };
  const p = period(latest.period);
  if (kpi.better === "neither")
    return {
      code: "context",
      latest,
      rule: "This figure gives context; a higher or lower number is not in itself better, so it has no target.",
    };
  const t = targetAt(kpi, p);
  if (!t)
    return {
      code: "no-target",
      latest,
      rule: `No target was due by ${labelPeriod(p)}, the period of the latest figure.`,
    };
  if (t.target.value === null)
    return {
      code: "no-target",
      latest,
      milestone: t.milestone,
      target: t.target,
      rule: `The target due by ${labelPeriod(period(t.milestone.period))} cannot be turned into a number: ${t.target.working}.`,
    };
  const value = latest.value!;
  const direction = kpi.better === "lower" ? "at or below" : "at or above";
  if (meets(value, t.target.value, kpi.better))
    return {
      code: "met",
      latest,
      milestone: t.milestone,
      target: t.target,
      rule: `${fmt(value)} is ${direction} the target of ${fmt(t.target.value)}.`,
    };
  const gap = Math.abs(value - t.target.value);
  const close = t.target.value !== 0 && gap <= Math.abs(t.target.value) * CLOSE_MARGIN;
  return {
    code: close ? "close" : "missed",
    latest,
    milestone: t.milestone,
    target: t.target,
    rule: `${fmt(value)} is not ${direction} the target of ${fmt(t.target.value)}; it misses by ${fmt(round(gap))}, which is ${close ? "within" : "more than"} 5% of the target.`,
  };
}

export type Direction = "improving" | "worsening" | "no-change" | "up" | "down" | "not-comparable" | "none";

export const DIRECTION: Record<Direction, string> = {
  improving: "Improving",
  worsening: "Worsening",
  "no-change": "No change",
  up: "Up",
  down: "Down",
  "not-comparable": "Not comparable (the measure changed)",
  none: "Only one figure so far",
};

/** Direction of travel between the latest two figures of a series. */
export function directionOfTravel(
  kpi: Kpi,
  s: Series = headlineSeries(kpi),
  asOf?: string,
): { direction: Direction; from?: Observation; to?: Observation } {
  const values = withValues(s, asOf);
  const to = values.at(-1);
  const from = values.at(-2);
  if (!to || !from) return { direction: "none" };
  const broken = kpi.breaks.some((b) => {
    const bp = period(b.period);
    return bp.start > period(from.period).start && bp.start <= period(to.period).start;
  });
  if (broken) return { direction: "not-comparable", from, to };
  const diff = to.value! - from.value!;
  if (Math.abs(diff) < 1e-9) return { direction: "no-change", from, to };
  if (kpi.better === "neither") return { direction: diff > 0 ? "up" : "down", from, to };
  const better = kpi.better === "higher" ? diff > 0 : diff < 0;
  return { direction: better ? "improving" : "worsening", from, to };
}
