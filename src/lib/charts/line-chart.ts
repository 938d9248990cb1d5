/**
 * Line charts as pure functions from data and size to an SVG string, drawn at build
 * time with `d3-scale` and `d3-shape`. The output is deterministic (same input, same
 * bytes, on any machine and in any time zone) so it can be golden-snapshot tested.
 *
 * The SVG has no `width`/`height`: it fills its container at the viewBox's aspect
 * ratio (style it `display: block; width: 100%; height: auto`). Text is 13 viewBox
 * units in the wide layout and 16 in the narrow one, so a narrow chart 360 wide, drawn
 * 288 CSS px wide on a 320 px screen (less the page's 1rem margins), reads at 12.8px.
 *
 * A chart drawn in both layouts is prepared once (`prepareChart`: the lines, value range,
 * periods, labels' words and description) and drawn once per layout (`drawChart`).
 */
import { scaleLinear, scaleUtc } from "d3-scale";
import { line as d3line } from "d3-shape";
import type { Better, Unit } from "../../schemas/kpi.ts";
import { formatValue } from "../format.ts";
import { shortLabelPeriod, type Period } from "../../schemas/period.ts";
import { describeChart } from "./describe.ts";
import { dodge, textWidth, wrapWords } from "./labels.ts";
import { GRID, INK, isStroked, markerPath, ringPath, type LineStyle } from "./markers.ts";
import {
  hasValue,
  latest,
  prepareLines,
  type ChartLine,
  type ChartPoint,
  type PreparedLine,
  type PreparedPoint,
} from "./series.ts";
import { el, esc, r1 as r } from "./svg.ts";
import { thinIndices, tickDecimals, withoutOverlaps } from "./ticks.ts";

export interface LineChartSpec {
  /** Stable prefix for the ids inside the SVG (e.g. "kpi-1-2"); must be unique on the page. */
  id: string;
  /** The accessible name. */
  title: string;
  unit: Unit;
  /** Decimal places for figures in the description; defaults by unit as in `formatValue`. */
  decimals?: number | undefined;
  better: Better;
  /** Up to four "actual" lines (cohorts), any targets (already resolved to numbers) and comparators. */
  lines: ChartLine[];
  baseline?: { value: number; period: string } | undefined;
  /** viewBox width; defaults to 640. */
  width?: number;
  /** viewBox height of the plot and its axes; defaults to 320. A key below the plot adds to it. */
  height?: number;
  /**
   * "narrow" for phones: larger text, and a key below the plot, its entries in rows, each
   * on one line, instead of labels at the line ends that would wrap in a narrow margin.
   * Defaults to "wide".
   */
  layout?: "wide" | "narrow";
}

/** Text size and line height in viewBox units, by layout. */
const TEXT = { wide: { font: 13, lineHeight: 16 }, narrow: { font: 16, lineHeight: 20 } } as const;
const MARKER = 4;
/** Left of a line-end label: a short sample of the line with its marker, then the words. */
const KEY = 18;
const KEY_GAP = 6;

/** Where and how big one drawing of a chart is: each layout of the same chart is drawn from one `PreparedChart`. */
export type ChartLayout = Pick<LineChartSpec, "id" | "width" | "height" | "layout">;

/**
 * Everything about a chart that does not depend on its size or layout, worked out once however
 * many layouts are drawn from it: the lines in drawing order, the value range, the periods and
 * their axis labels, each line's runs and notable points, the labels' words and the description.
 */
export interface PreparedChart {
  readonly title: string;
  readonly lines: readonly ChartLineParts[];
  /** The smallest and largest value to show: always from zero, so a change is never exaggerated. */
  readonly lo: number;
  readonly hi: number;
  readonly baseline?: { value: number; period: string } | undefined;
  readonly unit: Unit;
  /** Every plotted period once, in time order, with its short axis label and that label's width in ems. */
  readonly periods: readonly { readonly point: PreparedPoint; readonly label: string; readonly ems: number }[];
  readonly ends: readonly EndLabel[];
  /** The `<desc>`: the chart in words. */
  readonly desc: string;
}

type Valued = PreparedPoint & { value: number };

/** A prepared line with what every drawing of it needs, independent of the scales. */
interface ChartLineParts {
  readonly line: PreparedLine;
  /** The points the solid line passes through; `null` values break it. */
  readonly measured: readonly PreparedPoint[];
  /** The points the dashed (projected) line passes through; `null` values break it. */
  readonly projected: readonly PreparedPoint[];
  /** Every point with a figure, each marked while markers fit. */
  readonly valued: readonly Valued[];
  /** The points still marked on a line too dense for markers: provisional, projected, revised, the last, a lone one. */
  readonly notable: readonly Valued[];
}

/**
 * A line chart with axes, gridlines, a baseline rule and a label at the end of each
 * line; `null` when no actual line has a figure (show a sentence instead).
 * Throws when given more than four actual lines.
 */
export function lineChart(spec: LineChartSpec): string | null {
  const chart = prepareChart(spec);
  return chart && drawChart(chart, spec);
}

/**
 * The part of `lineChart` every layout shares; draw it with `drawChart` once per layout.
 * `null` when no actual line has a figure. Throws when given more than four actual lines.
 */
export function prepareChart(spec: Omit<LineChartSpec, "width" | "height" | "layout">): PreparedChart | null {
  const lines = prepareLines(spec.lines);
  const actuals = lines.filter((l) => l.role === "actual");
  if (actuals.length > 4)
    throw new Error(
      `chart "${spec.id}" has ${actuals.length} actual lines; at most four can be told apart. Split the cohorts over two charts.`,
    );
  if (!actuals.some((l) => l.points.some(hasValue))) return null;

  const values = lines.flatMap((l) => l.points.filter(hasValue).map((d) => d.value));
  if (spec.baseline) values.push(spec.baseline.value);
  return {
    title: spec.title,
    lines: lines.map(lineParts),
    lo: Math.min(0, ...values),
    hi: Math.max(0, ...values),
    baseline: spec.baseline,
    unit: spec.unit,
    periods: uniquePeriods(lines).map((point) => ({ point, ...axisLabel(point.p) })),
    ends: endLabels(lines, spec),
    desc: description(spec, lines),
  };
}

/** One layout of a prepared chart: the scales, axes, lines, markers and labels at this size. */
export function drawChart(chart: PreparedChart, size: ChartLayout): string {
  const width = size.width ?? 640;
  const height = size.height ?? 320;
  const layout = size.layout ?? "wide";
  const { font: FONT, lineHeight: LINE_HEIGHT } = TEXT[layout];

  const top = FONT;
  const bottom = height - (6 + LINE_HEIGHT + 4);
  const { lo, hi } = chart;
  const tickCount = Math.max(2, Math.round((bottom - top) / 48));
  const y = scaleLinear()
    .domain([lo, hi === lo ? lo + 1 : hi])
    .range([bottom, top])
    .nice(tickCount);
  const yTicks = y.ticks(tickCount);
  const yDecimals = tickDecimals(yTicks);
  const yLabels = yTicks.map((t) => formatValue(t, { unit: chart.unit, decimals: yDecimals }));
  const left = Math.ceil(Math.max(...yLabels.map((s) => textWidth(s, FONT)))) + 10;

  // Line-end labels fix the right margin; a key below leaves it to the last period's label.
  const ends = chart.ends.map((e) => ({ ...e, y: y(e.value) }));
  const maxText = Math.max(60, width * 0.3 - KEY - KEY_GAP);
  const wrapped = layout === "wide" ? ends.map((e) => wrapWords(e.text, maxText, FONT)) : [];
  const periods = chart.periods;
  const widestX = Math.max(...periods.map((d) => d.ems * FONT));
  const labelsWidth = Math.max(0, ...wrapped.flat().map((s) => textWidth(s, FONT)));
  const right = width - Math.ceil(Math.max(layout === "wide" ? 8 + KEY + KEY_GAP + labelsWidth : 0, widestX / 2) + 2);

  const pad = Math.min(12, (right - left) / 4);
  const [t0, t1] = [periods[0]!.point.t, periods.at(-1)!.point.t];
  const xScale = scaleUtc()
    .domain([new Date(t0), new Date(t1)])
    .range([left + pad, right - pad]);
  const x = (d: { t: number }) => xScale(d.t);

  const out: string[] = [];
  out.push(el("path", { d: yTicks.map((t) => `M${left},${r(y(t))}H${right}`).join(""), stroke: GRID, fill: "none" }));

  // Axes: the x axis line with a tick under each labelled period; value labels on the left.
  const maxX = Math.min(6, Math.max(1, Math.floor((right - left) / (widestX + 16))));
  const candidates = thinIndices(periods.length, maxX).map((i) => ({
    i,
    x: x(periods[i]!.point),
    width: periods[i]!.ems * FONT,
  }));
  const shown = withoutOverlaps(candidates, 12).map((k) => candidates[k]!);
  out.push(
    el("path", {
      d: `M${left},${r(bottom)}H${right}` + shown.map((c) => `M${r(c.x)},${r(bottom)}v5`).join(""),
      stroke: INK,
      fill: "none",
    }),
  );
  out.push(
    el(
      "g",
      { fill: INK, "text-anchor": "end" },
      yTicks.map((t, i) => el("text", { x: left - 6, y: y(t) + FONT * 0.35 }, esc(yLabels[i]!))).join(""),
    ),
  );
  out.push(
    el(
      "g",
      { fill: INK, "text-anchor": "middle" },
      shown
        .map((c) => {
          const cx = Math.min(Math.max(c.x, c.width / 2 + 1), width - c.width / 2 - 1);
          return el("text", { x: cx, y: bottom + 6 + FONT }, esc(periods[c.i]!.label));
        })
        .join(""),
    ),
  );

  if (chart.baseline) {
    out.push(
      el("path", {
        d: `M${left},${r(y(chart.baseline.value))}H${right}`,
        stroke: INK,
        "stroke-width": 1.5,
        fill: "none",
      }),
    );
  }

  // Markers at every point while they fit; on a dense line only where they say something.
  const dense = (line: PreparedLine) => line.points.length > (right - left) / 16;
  for (const parts of chart.lines) out.push(drawLine(parts, { x, y, dense: dense(parts.line) }));
  const text = { font: FONT, lineHeight: LINE_HEIGHT };
  let keyHeight = 0;
  if (layout === "wide") out.push(drawEndLabels(ends, wrapped, { x: right + 8, bottom, ...text }));
  else {
    const key = drawKeyBelow(keyOrder(ends), { top: height, width, ...text });
    out.push(key.svg);
    keyHeight = key.height;
  }

  return svg({
    id: size.id,
    width,
    height: height + keyHeight,
    fontSize: FONT,
    title: chart.title,
    desc: chart.desc,
    body: out.join(""),
  });
}

/** A line's runs and marked points, which every layout draws through its own scales. */
function lineParts(line: PreparedLine): ChartLineParts {
  const valued = line.points.filter(hasValue);
  const last = valued.at(-1);
  return {
    line,
    ...lineRuns(line),
    valued,
    notable: line.points.filter(
      (p, i): p is Valued =>
        hasValue(p) && (p.provisional || p.projected || p.revised || isEndOrAlone(line.points, i, last)),
    ),
  };
}

/**
 * A small chart for lists: the first actual line and the first target, no axes,
 * a marker on the latest figure. Its values are scaled to their own range (not
 * from zero), so it shows the trend, not the size. Ids are prefixed `{id}-spark`
 * so it can sit on the same page as the full chart. Defaults to 120 × 32 and
 * carries `width`/`height` so it keeps that size inline. `null` when there is no figure.
 */
export function sparkline(spec: LineChartSpec & { width?: number; height?: number }): string | null {
  const width = spec.width ?? 120;
  const height = spec.height ?? 32;
  const all = prepareLines(spec.lines);
  const actual = all.find((l) => l.role === "actual");
  if (!actual || !actual.points.some(hasValue)) return null;
  const target = all.find((l) => l.role === "target");
  const lines = target ? [target, actual] : [actual];

  const points = lines.flatMap((l) => l.points);
  const values = points.filter(hasValue).map((d) => d.value);
  const [lo, hi] = [Math.min(...values), Math.max(...values)];
  const inset = 4;
  const y = scaleLinear()
    .domain(lo === hi ? [lo - 1, hi + 1] : [lo, hi])
    .range([height - inset, inset]);
  const times = points.map((d) => d.t);
  const xScale = scaleUtc()
    .domain([new Date(Math.min(...times)), new Date(Math.max(...times))])
    .range([inset, width - inset]);
  const x = (d: { t: number }) => xScale(new Date(d.t));
  const out = lines.map((line) => {
    const style = line.role === "actual" ? { ...line.style, width: 1.5 } : { ...line.style, width: 1, dash: "3 2" };
    const last = latest(line);
    const marked =
      line.role === "actual"
        ? line.points.flatMap((p, i) =>
            hasValue(p) && isEndOrAlone(line.points, i, last) ? [{ x: x(p), y: y(p.value), hollow: isHollow(p) }] : [],
          )
        : [];
    const dot = { ...style, shape: "circle" as const };
    return el(
      "g",
      { "data-line": line.id },
      runPaths(lineRuns(line), x, y, strokeOf(style)) + markers(dot, marked, 2.5),
    );
  });
  const desc = describeChart({ unit: spec.unit, decimals: spec.decimals, better: spec.better, lines });
  return svg({ id: `${spec.id}-spark`, width, height, sized: true, title: spec.title, desc, body: out.join("") });
}

/** One line's group: the line (broken at gaps, dashed where projected), markers and rings. */
function drawLine(
  parts: ChartLineParts,
  o: { x: (d: { t: number }) => number; y: (v: number) => number; dense: boolean },
): string {
  const { style } = parts.line;
  const out: string[] = [];
  out.push(runPaths(parts, o.x, o.y, strokeOf(style)));
  const marked = o.dense ? parts.notable : parts.valued;
  out.push(
    markers(
      style,
      marked.map((p) => ({ x: o.x(p), y: o.y(p.value), hollow: isHollow(p) })),
      MARKER,
    ),
  );
  const rings = marked.filter((p) => p.revised).map((p) => ringPath(o.x(p), o.y(p.value), MARKER + 3.5));
  if (rings.length)
    out.push(el("path", { d: rings.join(""), stroke: style.colour, "stroke-width": 1.5, fill: "none" }));
  return el("g", { "data-line": parts.line.id }, out.join(""));
}

/** Labels in the right margin, from `x`, beside where each line ends, moved apart where they would overlap. */
function drawEndLabels(
  ends: readonly PlacedLabel[],
  wrapped: readonly string[][],
  o: { x: number; bottom: number; font: number; lineHeight: number },
): string {
  const tops = dodge(
    ends.map((e, i) => ({ top: e.y - o.lineHeight / 2, height: wrapped[i]!.length * o.lineHeight })),
    { min: 0, max: o.bottom + o.lineHeight / 2, gap: 2 },
  );
  return ends.map((e, i) => keyEntry(e, wrapped[i]!, { ...o, cy: tops[i]! + o.lineHeight / 2 })).join("");
}

/** A sample of the line (with its marker) at `x`, then its label, first line centred on `cy`. */
function keyEntry(
  e: EndLabel,
  lines: readonly string[],
  o: { x: number; cy: number; font: number; lineHeight: number },
): string {
  const sample = `M${r(o.x)},${r(o.cy)}h${KEY}`;
  const key = e.style
    ? el("path", { d: sample, ...strokeOf(e.style), "stroke-linecap": "round" }) +
      markers(e.style, [{ x: o.x + KEY / 2, y: o.cy, hollow: false }], MARKER)
    : el("path", { d: sample, stroke: INK, "stroke-width": 1.5 });
  const text = lines.map((s, k) =>
    el("text", { x: o.x + KEY + KEY_GAP, y: o.cy + k * o.lineHeight + o.font * 0.35 }, esc(s)),
  );
  return key + el("g", { fill: e.style?.colour ?? INK }, text.join(""));
}

/** The key below the plot: the actual lines first, then targets and comparators, then the baseline. */
function keyOrder<T extends EndLabel>(ends: readonly T[]): T[] {
  return [...ends.filter((e) => e.style).reverse(), ...ends.filter((e) => !e.style)];
}

/**
 * The key below the plot, from `top`: entries left to right, a new row when the next would
 * not fit, none broken over lines. Returns the drawing and the height it takes.
 */
function drawKeyBelow(
  ends: readonly EndLabel[],
  o: { top: number; width: number; font: number; lineHeight: number },
): { svg: string; height: number } {
  const gap = 16;
  let [x, row] = [2, 0];
  const parts = ends.map((e) => {
    const w = KEY + KEY_GAP + textWidth(e.text, o.font);
    if (x > 2 && x + w > o.width) [x, row] = [2, row + 1];
    const part = keyEntry(e, [e.text], { x, cy: o.top + 6 + row * o.lineHeight + o.lineHeight / 2, ...o });
    x += w + gap;
    return part;
  });
  return { svg: parts.join(""), height: ends.length === 0 ? 0 : 6 + (row + 1) * o.lineHeight + 4 };
}

/** Provisional and projected figures have hollow markers. */
const isHollow = (p: ChartPoint) => p.provisional === true || p.projected === true;

/** A path generator over points with a figure; a `null` point breaks the line. */
function linePath(x: (d: { t: number }) => number, y: (v: number) => number) {
  return d3line<PreparedPoint>()
    .defined(hasValue)
    .x((d) => r(x(d)))
    .y((d) => r(y(d.value!)))
    .digits(1);
}

/**
 * A line's runs: solid through measured figures, dashed from the last measured figure through
 * projected ones, and broken wherever a figure is missing or (for figures) a period is absent.
 */
function lineRuns(line: PreparedLine): Pick<ChartLineParts, "measured" | "projected"> {
  // A target is a trajectory between milestones, so only figures break at absent periods.
  const runs = line.role === "target" ? line.points : withBreaks(line.points);
  // Most lines have no projected figure: all of the line is solid and there is no dashed run.
  if (!runs.some((d) => d.projected)) return { measured: runs, projected: [] };
  const gap = (d: PreparedPoint): PreparedPoint => ({ ...d, value: null });
  return {
    measured: runs.map((d) => (d.projected ? gap(d) : d)),
    projected: runs.map((d, i) =>
      d.projected || (hasValue(d) && runs[i + 1]?.projected && hasValue(runs[i + 1]!)) ? d : gap(d),
    ),
  };
}

/** A line's runs as paths, the projected one dashed. */
function runPaths(
  runs: Pick<ChartLineParts, "measured" | "projected">,
  x: (d: { t: number }) => number,
  y: (v: number) => number,
  stroke: Record<string, string | number | undefined>,
): string {
  const path = linePath(x, y);
  const measured = path(runs.measured);
  const projected = path(runs.projected);
  const attrs = { ...stroke, "stroke-linecap": "round", "stroke-linejoin": "round" };
  return (
    (measured ? el("path", { d: measured, ...attrs }) : "") +
    (projected ? el("path", { d: projected, ...attrs, "stroke-dasharray": "5 4", "data-projected": "" }) : "")
  );
}

/** The points with a `null` point between any two periods that do not follow on from each other. */
function withBreaks(points: readonly PreparedPoint[]): PreparedPoint[] {
  const out: PreparedPoint[] = [];
  points.forEach((d, i) => {
    const next = points[i + 1];
    out.push(d);
    if (next && !followsOn(d, next)) out.push({ ...d, value: null });
  });
  return out;
}

/** Whether `b` is the period straight after `a` (dates, like other mixed shapes, are taken to follow on). */
function followsOn(a: PreparedPoint, b: PreparedPoint): boolean {
  if (a.p.kind !== b.p.kind || a.p.kind === "date") return true;
  return b.p.start <= dayAfter(a.p.end);
}

/** The ISO date after `day`; the same few hundred period ends recur on every chart of a build. */
const daysAfter = new Map<string, string>();
function dayAfter(day: string): string {
  let next = daysAfter.get(day);
  if (next === undefined)
    daysAfter.set(day, (next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)));
  return next;
}

function strokeOf(style: LineStyle) {
  return { stroke: style.colour, "stroke-width": style.width, "stroke-dasharray": style.dash, fill: "none" };
}

/** Whether the `i`th point is `last` (the last with a figure) or has no figure either side, which a line alone cannot show. */
function isEndOrAlone(points: readonly PreparedPoint[], i: number, last: PreparedPoint | undefined): boolean {
  if (points[i] === last) return true;
  const [before, next] = [points[i - 1], points[i + 1]];
  return next !== undefined && !hasValue(next) && (before === undefined || !hasValue(before));
}

/** One path of filled markers and one of hollow (provisional) ones; stroked shapes are one path. */
function markers(style: LineStyle, at: readonly { x: number; y: number; hollow: boolean }[], size: number): string {
  if (at.length === 0) return "";
  if (isStroked(style.shape))
    return el("path", {
      d: at.map((p) => markerPath(style.shape, p.x, p.y, size)).join(""),
      stroke: style.colour,
      "stroke-width": 2,
      fill: "none",
    });
  const filled = at.filter((p) => !p.hollow).map((p) => markerPath(style.shape, p.x, p.y, size));
  const hollow = at.filter((p) => p.hollow).map((p) => markerPath(style.shape, p.x, p.y, size));
  return (
    (filled.length ? el("path", { d: filled.join(""), fill: style.colour }) : "") +
    (hollow.length ? el("path", { d: hollow.join(""), fill: "#fff", stroke: style.colour, "stroke-width": 1.5 }) : "")
  );
}

/** A period's short axis label and its width in ems, by key: the same few hundred periods recur on every chart of a build. */
const axisLabels = new Map<string, { label: string; ems: number }>();
function axisLabel(p: Period): { label: string; ems: number } {
  let found = axisLabels.get(p.key);
  if (found === undefined) {
    const label = shortLabelPeriod(p);
    axisLabels.set(p.key, (found = { label, ems: textWidth(label, 1) }));
  }
  return found;
}

/** Every plotted period once, in time order. */
function uniquePeriods(lines: readonly PreparedLine[]): PreparedPoint[] {
  const byKey = new Map<string, PreparedPoint>();
  for (const d of lines.flatMap((l) => l.points)) if (!byKey.has(d.p.key)) byKey.set(d.p.key, d);
  return [...byKey.values()].sort((a, b) => a.t - b.t);
}

interface EndLabel {
  text: string;
  /** The figure the label is beside (the line's latest), before labels are moved apart. */
  value: number;
  /** Absent for the baseline, which is drawn as a plain rule. */
  style?: LineStyle;
}

/** An end label at the height of its figure in one drawing. */
type PlacedLabel = EndLabel & { y: number };

/** What to write at the right: each line with a figure beside its latest one, and the baseline. */
function endLabels(
  lines: readonly PreparedLine[],
  spec: Pick<LineChartSpec, "baseline" | "unit" | "decimals">,
): EndLabel[] {
  const ends: EndLabel[] = [];
  for (const line of [...lines].reverse()) {
    const d = latest(line);
    if (d) ends.push({ text: line.label, value: d.value!, style: line.style });
  }
  if (spec.baseline)
    ends.push({
      text: `Baseline ${formatValue(spec.baseline.value, { unit: spec.unit, decimals: spec.decimals })}`,
      value: spec.baseline.value,
    });
  return ends;
}

function description(
  spec: Pick<LineChartSpec, "unit" | "decimals" | "better" | "baseline">,
  lines: readonly PreparedLine[],
): string {
  return describeChart({
    unit: spec.unit,
    decimals: spec.decimals,
    better: spec.better,
    lines,
    baseline: spec.baseline,
  });
}

/** The root element, named by its title and description; `sized` also writes width and height. */
function svg(o: {
  id: string;
  width: number;
  height: number;
  sized?: boolean;
  fontSize?: number;
  title: string;
  desc: string;
  body: string;
}): string {
  return el(
    "svg",
    {
      xmlns: "http://www.w3.org/2000/svg",
      viewBox: `0 0 ${o.width} ${o.height}`,
      width: o.sized ? o.width : undefined,
      height: o.sized ? o.height : undefined,
      role: "img",
      "aria-labelledby": `${o.id}-title ${o.id}-desc`,
      "font-size": o.fontSize,
    },
    el("title", { id: `${o.id}-title` }, esc(o.title)) + el("desc", { id: `${o.id}-desc` }, esc(o.desc)) + o.body,
  );
}
