import type { Better, Unit } from "../../schemas/kpi.ts";
import { defaultDecimals, formatDate, formatValue } from "../format.ts";
import { labelPeriod, period, type Period } from "../../schemas/period.ts";
import { hasValue, latest, type PreparedLine, type PreparedPoint } from "./series.ts";

export interface DescribeOptions {
  unit: Unit;
  decimals?: number | undefined;
  better: Better;
  /** As returned by `prepareLines`. */
  lines: readonly PreparedLine[];
  baseline?: { value: number; period: string } | undefined;
}

const MONTH_YEAR = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

/** Where a span of periods starts or ends, in words: "September 2017", or "19 October 2023" for a date. */
function month(p: Period, edge: "start" | "end"): string {
  return p.kind === "date" ? formatDate(p[edge]) : MONTH_YEAR.format(new Date(`${p[edge]}T00:00:00Z`));
}

/** A period's label as it reads after a preposition: "the 2019/20 academic year", "March 2020". */
function the(p: Period): string {
  return p.kind === "ayear" || p.kind === "fyear" ? `the ${labelPeriod(p)}` : labelPeriod(p);
}

/** "on 19 October 2023", "in March 2020", "in the 2019/20 academic year". */
function at(p: Period): string {
  return `${p.kind === "date" ? "on" : "in"} ${the(p)}`;
}

const BETTER: Record<Better, string> = {
  higher: "Higher is better.",
  lower: "Lower is better.",
  neither: "",
  unstated: "",
};

/**
 * The chart in words, for its `<desc>`: the span of periods, each cohort's latest
 * figure, how the first cohort's latest figure stands against the target, the
 * baseline, the comparators' latest figures and how many periods have no figure.
 */
export function describeChart(options: DescribeOptions): string {
  const { unit, lines } = options;
  const decimals = options.decimals ?? defaultDecimals(unit);
  const fmt = (v: number) => formatValue(v, { unit, decimals });
  const sentences: string[] = [];

  const actuals = lines.filter((l) => l.role === "actual");
  const periods = actuals.flatMap((l) => l.points);
  if (periods.length > 0) {
    const first = periods.reduce((a, b) => (b.t < a.t ? b : a));
    const last = periods.reduce((a, b) => (b.t > a.t ? b : a));
    sentences.push(
      first.p.key === last.p.key
        ? `Figures for ${the(first.p)}.`
        : `Figures from ${month(first.p, "start")} to ${month(last.p, "end")}.`,
    );
  }

  const target = lines.find((l) => l.role === "target");
  actuals.forEach((line, i) => {
    const d = latest(line);
    if (!d) {
      sentences.push(`${line.label}: no figures yet.`);
      return;
    }
    let sentence = `${line.label}: ${fmt(d.value!)}${d.provisional ? " (provisional)" : ""} ${at(d.p)}`;
    if (i === 0 && target) sentence += againstTarget(d, target, { fmt, unit, decimals });
    sentences.push(`${sentence}.`);
  });

  if (BETTER[options.better]) sentences.push(BETTER[options.better]);
  if (options.baseline)
    sentences.push(`Baseline: ${fmt(options.baseline.value)} ${at(period(options.baseline.period))}.`);
  for (const line of lines.filter((l) => l.role === "comparator")) {
    const d = latest(line);
    if (d) sentences.push(`${line.label}: ${fmt(d.value!)} ${at(d.p)}.`);
  }

  const gaps = new Set(actuals.flatMap((l) => l.points.filter((d) => !hasValue(d)).map((d) => d.p.key))).size;
  if (gaps > 0)
    sentences.push(
      gaps === 1 ? "No figure for 1 period, shown as a gap." : `No figure for ${gaps} periods, shown as gaps.`,
    );
  return sentences.join(" ");
}

/** ", 1 week above the target of 25 weeks for March 2020", or the most recent or next target when none is set for that period. */
function againstTarget(
  d: PreparedPoint,
  target: PreparedLine,
  o: { fmt: (v: number) => string; unit: Unit; decimals: number },
): string {
  const targets = target.points.filter(hasValue);
  const same = targets.find((t) => t.p.key === d.p.key);
  const before = targets.findLast((t) => t.t <= d.t);
  const t = same ?? before;
  if (!t) {
    const next = targets.find((t) => t.t > d.t);
    return next ? `; the first target is ${o.fmt(next.value!)} by ${the(next.p)}` : "";
  }
  const what = same
    ? `the target of ${o.fmt(t.value!)} for ${the(t.p)}`
    : `the most recent target, ${o.fmt(t.value!)} by ${the(t.p)}`;
  if (o.fmt(d.value!) === o.fmt(t.value!)) return `, the same as ${what}`;
  const diff = Math.abs(d.value! - t.value!);
  const amount =
    o.unit === "percent"
      ? `${formatValue(diff, { unit: "count", decimals: o.decimals })} percentage points`
      : formatValue(diff, { unit: o.unit, decimals: o.decimals });
  return `, ${amount} ${d.value! > t.value! ? "above" : "below"} ${what}`;
}
