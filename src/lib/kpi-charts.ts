/** Turns a KPI into chart specs and table rows: one chart per measuring frequency, up to four cohorts each. */
import type { Kpi, Observation, Series } from "../schemas/index.ts";
import { drawChart, prepareChart, sparkline, type ChartLayout, type LineChartSpec } from "./charts/line-chart.ts";
import type { ChartLine } from "./charts/series.ts";
import { targetAt, headlineSeries } from "./kpi-status.ts";
import { comparePeriods, labelPeriod, period } from "../schemas/period.ts";
import { FREQUENCY_WORDS } from "./words.ts";

const MAX_LINES = 4;

/**
 * The chart's second drawing, for narrow screens: 360 units wide with larger text, so drawn about
 * 288 CSS px wide on a 320 px phone its words read at 12.8 px (see `charts/line-chart.ts`).
 */
const NARROW: Omit<ChartLayout, "id"> = { width: 360, height: 260, layout: "narrow" };

export interface KpiPanel {
  /** Stable id, e.g. `kpi-1-2-academic-year-1`. */
  readonly id: string;
  readonly title: string;
  readonly series: readonly Series[];
  readonly spec: LineChartSpec;
  readonly svg: string | null;
  /** The same chart laid out for narrow screens, with legible text at phone widths. */
  readonly narrowSvg: string | null;
  readonly rows: readonly TableRow[];
  readonly comparators: readonly { id: string; label: string }[];
  /** What the chart's special markers mean, only for those it draws. */
  readonly key: readonly string[];
  /** Each period with no figure and why, per series, in period order. */
  readonly gaps: readonly string[];
}

/** The chart key's entries for the kinds of figure a set of series contains. */
function chartKey(series: readonly Series[]): string[] {
  const values = series.flatMap((s) => s.values);
  return [
    values.some((v) => v.provisional) &&
      "A hollow marker on a solid line is a provisional figure: it may still change.",
    values.some((v) => v.projected) &&
      "A hollow marker on a dashed line is a projected figure: a forecast, not a measurement.",
    values.some((v) => v.revisions?.length) &&
      "A ring around a marker is a figure that was corrected after publication.",
    values.some((v) => v.value === null) && "A break in a line is a period with no figure; the reasons are below.",
  ].filter((x): x is string => typeof x === "string");
}

/** "December 2019 (All): tracker not in place", for each period with no figure. */
function chartGaps(series: readonly Series[]): string[] {
  return series.flatMap((s) =>
    s.values
      .filter((v) => v.value === null)
      .sort((a, b) => comparePeriods(period(a.period), period(b.period)))
      .map(
        (v) =>
          `${labelPeriod(period(v.period))}${series.length > 1 ? ` (${s.label})` : ""}: ${v.suppressed ? "withheld because small numbers could identify children" : v.missing}`,
      ),
  );
}

interface TableRow {
  readonly period: string;
  readonly label: string;
  /** One cell per series, in panel order. */
  readonly cells: readonly (Observation | undefined)[];
  readonly target?: { value: number | null; wording: string } | undefined;
  readonly comparators: readonly ({ value: number; provisional?: true | undefined } | undefined)[];
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Every panel (chart + table) for a KPI page. */
export function kpiPanels(slug: string, kpi: Kpi): KpiPanel[] {
  const byFrequency = new Map<string, Series[]>();
  for (const s of kpi.series) byFrequency.set(s.frequency, [...(byFrequency.get(s.frequency) ?? []), s]);
  const headline = headlineSeries(kpi);
  const panels: KpiPanel[] = [];
  for (const [frequency, group] of byFrequency) {
    const chunks = chunk(group, MAX_LINES);
    chunks.forEach((series, i) => {
      const id = `${slug}-${frequency}${chunks.length > 1 ? `-${i + 1}` : ""}`;
      const withHeadline = series.includes(headline);
      const periods = [...new Set(series.flatMap((s) => s.values.map((v) => v.period)))]
        .map(period)
        .sort(comparePeriods);
      const comparators = kpi.comparators.filter((c) => series.some((s) => s.id === (c.series ?? headline.id)));
      const targets = new Map(
        withHeadline && kpi.better !== "neither" ? periods.map((p) => [p.key, targetAt(kpi, p)] as const) : [],
      );
      const targetPoints = [...targets].map(([key, t]) => ({ period: key, value: t?.target.value ?? null }));
      const lines: ChartLine[] = [
        ...series.map((s) => ({
          id: s.id,
          label: s.label,
          role: "actual" as const,
          points: s.values.map((v) => ({
            period: v.period,
            value: v.value,
            ...(v.provisional ? { provisional: true } : {}),
            ...(v.projected ? { projected: true } : {}),
            ...(v.revisions?.length ? { revised: true } : {}),
            ...(v.missing ? { missing: v.missing } : {}),
            ...(v.suppressed ? { suppressed: true } : {}),
          })),
        })),
        ...(targetPoints.some((t) => t.value !== null)
          ? [{ id: "target", label: "Target", role: "target" as const, points: targetPoints }]
          : []),
        ...comparators.map((c) => ({
          id: c.id,
          label: c.label,
          role: "comparator" as const,
          points: c.values.map((v) => ({
            period: v.period,
            value: v.value,
            ...(v.provisional ? { provisional: true } : {}),
          })),
        })),
      ];
      const title = `${kpi.title}${byFrequency.size > 1 || chunks.length > 1 ? ` — ${series.map((s) => s.label).join(", ")} (${FREQUENCY_WORDS[series[0]!.frequency]})` : ""}`;
      const spec: LineChartSpec = {
        id,
        title,
        unit: kpi.unit,
        decimals: kpi.decimals,
        better: kpi.better,
        lines,
        baseline:
          withHeadline && kpi.baseline && kpi.baseline.value !== null
            ? { value: kpi.baseline.value, period: kpi.baseline.period }
            : undefined,
      };
      // Each line's figures by period, looked up once per row rather than searched for.
      const cells = series.map((s) => byPeriod(s.values));
      const comparatorCells = comparators.map((c) => byPeriod(c.values));
      const rows: TableRow[] = periods.map((p) => {
        const t = targets.get(p.key);
        return {
          period: p.key,
          label: labelPeriod(p),
          cells: cells.map((values) => values.get(p.key)),
          target: t ? { value: t.target.value, wording: t.milestone.wording } : undefined,
          comparators: comparatorCells.map((values) => values.get(p.key)),
        };
      });
      // Both drawings share the prepared lines, value range, period labels and description.
      const chart = prepareChart(spec);
      panels.push({
        id,
        title,
        series,
        spec,
        svg: chart && drawChart(chart, spec),
        narrowSvg: chart && drawChart(chart, { ...NARROW, id: `${id}-narrow` }),
        rows,
        comparators: comparators.map((c) => ({ id: c.id, label: c.label })),
        key: chartKey(series),
        gaps: chartGaps(series),
      });
    });
  }
  return panels;
}

/** Figures by the period they are written with, the first where a period is written twice. */
function byPeriod<T extends { readonly period: string }>(values: readonly T[]): Map<string, T> {
  const out = new Map<string, T>();
  for (const v of values) if (!out.has(v.period)) out.set(v.period, v);
  return out;
}

/** A small chart of the headline series for lists. */
/**
 * How many of the latest periods a sparkline draws: a small trend on a card, where ten years of monthly
 * points would be under a pixel apart and make a list of hundreds of indicators too heavy for a phone.
 * The indicator's own page charts every figure.
 */
export const SPARKLINE_PERIODS = 24;

export function sparklineFor(slug: string, kpi: Kpi): string | null {
  const s = headlineSeries(kpi);
  const recent = [...s.values]
    .sort((a, b) => comparePeriods(period(a.period), period(b.period)))
    .slice(-SPARKLINE_PERIODS);
  return sparkline({
    id: `spark-${slug}`,
    title: `Trend of ${kpi.title}`,
    unit: kpi.unit,
    decimals: kpi.decimals,
    better: kpi.better,
    lines: [
      {
        id: s.id,
        label: s.label,
        role: "actual",
        points: recent.map((v) => ({
          period: v.period,
          value: v.value,
          ...(v.projected ? { projected: true } : {}),
        })),
      },
    ],
  });
}
