/** What changed, when: the events behind the home page's "latest" list, the changes pages and the feeds. */
import type { FollowUp, Kpi, Series } from "../schemas/index.ts";
import type { DecisionEntry, Portal } from "./content/model.ts";
import {
  directionBetween,
  formatterFor,
  judgeFigure,
  KPI_STATUS,
  withValues,
  type Direction,
  type Figure,
  type KpiStatusCode,
} from "./kpi-status.ts";
import { comparePeriods, labelPeriod, period } from "../schemas/period.ts";
import {
  committeeName,
  followUpCitation,
  meetingsNewestFirst,
  openFollowUps,
  overdueFollowUps,
  visibleReports,
  visibleVersions,
} from "./queries.ts";
import { formatWhen } from "./format.ts";
import { routes } from "./routes.ts";
import { pushTo } from "./maps.ts";

export interface Change {
  /** When it happened (a period string; figures use the period they describe). */
  readonly when: string;
  readonly kind:
    "New report" | "Report updated" | "Decision" | "Meeting" | "New figure" | "Correction" | "Status changed";
  readonly title: string;
  /** Where to read it on the portal. */
  readonly href: string;
  /** A stable id, for feeds. */
  readonly id: string;
  /** What it concerns, so a reader can follow one plan, committee or indicator. */
  readonly about: {
    readonly plans: readonly string[];
    readonly committees: readonly string[];
    readonly kpis: readonly string[];
  };
  /**
   * What it changed from, in a sentence: a figure's previous figure and the direction, a correction's
   * value before and after, a status before and after. Absent where there is nothing to compare.
   */
  readonly detail?: string | undefined;
  /** A figure against the one before it in its series, or a corrected value against what it replaced. */
  readonly compared?: Compared | undefined;
  /** A change in an indicator's status, from one figure to the next. */
  readonly status?: { readonly from: KpiStatusCode; readonly to: KpiStatusCode } | undefined;
  /** For a report version: the meeting it was presented to (it was published by then). */
  readonly meeting?: string | undefined;
}

/** A figure beside the figure it follows (or replaces). */
interface Compared {
  readonly previous: number;
  /** The previous figure's period (for a correction, the same period). */
  readonly previousPeriod: string;
  /** Which way the number moved. */
  readonly movement: "up" | "down" | "same";
  /**
   * The direction of travel by the indicator's rules ({@link directionBetween}): improving or worsening only
   * where the indicator says which way is better. Absent for a correction.
   */
  readonly direction?: Direction | undefined;
}

const uniq = (xs: (string | undefined)[]) => [...new Set(xs.filter((x): x is string => Boolean(x)))].sort();

const computed = new WeakMap<Portal, readonly Change[]>();

/** Every change, newest first; worked out once per portal (the home page, the changes page and every feed ask). */
export function allChanges(portal: Portal): readonly Change[] {
  let changes = computed.get(portal);
  if (!changes) computed.set(portal, (changes = computeChanges(portal)));
  return changes;
}

function computeChanges(portal: Portal): Change[] {
  const out: Change[] = [];
  const committeeOf = (meeting?: string) => portal.meetings.find((m) => m.slug === meeting)?.data.committee;
  const plansOfKpi = (kpi: string) =>
    uniq([
      portal.kpis.find((k) => k.slug === kpi)?.data.plan,
      ...portal.plans.filter((p) => p.actions.some((a) => a.kpis.includes(kpi))).map((p) => p.slug),
    ]);
  for (const { report } of visibleReports(portal)) {
    for (const v of visibleVersions(report)) {
      out.push({
        about: {
          plans: uniq([v.data.plan]),
          committees: uniq([committeeOf(v.data.meeting)]),
          kpis: uniq(v.data.kpis.map((k) => k.kpi)),
        },
        when: v.data.published,
        kind: v.n === 1 ? "New report" : "Report updated",
        title: v.n === 1 ? v.data.title : `${v.data.title} (version ${v.n}): ${v.data.changes ?? "updated"}`,
        href: routes.reportVersion(report.slug, v.n),
        id: `report:${report.slug}/v${v.n}`,
        meeting: v.data.meeting,
      });
    }
  }
  for (const m of portal.meetings) {
    if (m.data.status !== "held") continue;
    out.push({
      about: { plans: [], committees: [m.data.committee], kpis: [] },
      when: m.data.date,
      kind: "Meeting",
      title: `${committeeName(portal, m.data.committee)} met`,
      href: routes.meeting(m.slug),
      id: `meeting:${m.slug}`,
    });
    for (const d of m.data.decisions) {
      out.push({
        about: {
          plans: uniq(d.actions.map((a) => a.split("/")[0])),
          committees: [m.data.committee],
          kpis: uniq(d.kpis),
        },
        when: m.data.date,
        kind: "Decision",
        title: `${d.ref}: ${d.text.length > 120 ? `${d.text.slice(0, 117)}…` : d.text}`,
        href: routes.decision(d.id),
        id: `decision:${d.id}`,
      });
    }
  }
  for (const { slug, data: kpi } of portal.kpis) {
    const about = { plans: plansOfKpi(slug), committees: [], kpis: [slug] };
    out.push(...kpiChanges(slug, kpi, about));
  }
  return out.sort((a, b) => comparePeriods(period(b.when), period(a.when)) || a.id.localeCompare(b.id));
}

const MOVED: Record<Compared["movement"], string> = { up: "Up", down: "Down", same: "No change" };

/** What a direction adds to "up" or "down": better or worse only where the indicator says which way is better. */
const DIRECTION_NOTE: Partial<Record<Direction, string>> = {
  improving: "better",
  worsening: "worse",
  "not-comparable": "not comparable: the way it is measured changed",
  "part-period": "not comparable: part of a period against a whole one",
};

/** "Up from 29 weeks for October 2019, better." */
function describeCompared(c: Compared, format: (n: number) => string): string {
  const note = c.direction && DIRECTION_NOTE[c.direction];
  const moved = c.movement === "same" ? "No change from" : `${MOVED[c.movement]} from`;
  return `${moved} ${format(c.previous)} for ${labelPeriod(period(c.previousPeriod))}${note ? `, ${note}` : ""}.`;
}

const movementOf = (from: number, to: number): Compared["movement"] =>
  Math.abs(to - from) < 1e-9 ? "same" : to > from ? "up" : "down";

/**
 * An indicator's figures, corrections and status changes. Each figure is compared with the measured
 * figure before it in its series; the status is worked out for each measured figure of the headline
 * series by the portal's own rule ({@link judgeFigure}), and a change from one figure to the next is listed.
 */
function kpiChanges(slug: string, kpi: Kpi, about: Change["about"]): Change[] {
  const out: Change[] = [];
  const fmt = formatterFor(kpi);
  const name = `${kpi.ref} ${kpi.title}`;
  kpi.series.forEach((s: Series, index) => {
    const measured = withValues(s);
    const before = new Map<string, Figure>();
    measured.forEach((f, i) => {
      const prev = measured[i - 1];
      if (prev) before.set(f.period, prev);
    });
    for (const v of s.values) {
      if (v.value !== null) {
        const prev = v.projected ? undefined : before.get(v.period);
        const compared: Compared | undefined = prev && {
          previous: prev.value,
          previousPeriod: prev.period,
          movement: movementOf(prev.value, v.value),
          direction: directionBetween(kpi, s, prev, v as Figure),
        };
        out.push({
          about,
          when: v.asAt ?? v.period,
          kind: "New figure",
          title: `${name}${kpi.series.length > 1 ? ` (${s.label})` : ""}: ${fmt(v.value)} for ${labelPeriod(period(v.period))}${v.projected ? " (projected)" : ""}`,
          href: routes.kpi(slug),
          id: `value:${slug}/${s.id}/${v.period}`,
          detail: v.projected
            ? "A forecast, not a measured figure."
            : compared
              ? describeCompared(compared, fmt)
              : "The first figure of this series.",
          compared,
        });
      }
      const revisions = v.revisions ?? [];
      revisions.forEach((r, i) => {
        const now = i + 1 < revisions.length ? revisions[i + 1]!.value : v.value;
        const compared: Compared | undefined =
          r.value !== null && now !== null
            ? { previous: r.value, previousPeriod: v.period, movement: movementOf(r.value, now) }
            : undefined;
        out.push({
          about,
          when: r.revised,
          kind: "Correction",
          title: `${name}: ${labelPeriod(period(v.period))} corrected. ${r.reason}`,
          href: routes.kpiSection(slug, "corrections"),
          id: `revision:${slug}/${s.id}/${v.period}/${r.revised}`,
          detail: `Was ${r.value === null ? "not published" : fmt(r.value)}; now ${now === null ? "not published" : fmt(now)}.`,
          compared,
        });
      });
    }
    if (index > 0) return;
    let was: { code: KpiStatusCode; figure: Figure } | undefined;
    for (const f of measured) {
      const code = judgeFigure(kpi, f).code;
      if (was && was.code !== code)
        out.push({
          about,
          when: f.asAt ?? f.period,
          kind: "Status changed",
          title: `${name}: ${KPI_STATUS[code].label} with the figure for ${labelPeriod(period(f.period))}`,
          href: routes.kpiSection(slug, "status"),
          id: `status:${slug}/${f.period}`,
          detail: `Was ${KPI_STATUS[was.code].label.toLowerCase()} with the figure for ${labelPeriod(period(was.figure.period))}.`,
          status: { from: was.code, to: code },
        });
      was = { code, figure: f };
    }
  });
  return out;
}

/**
 * The latest `n` changes other than figures and the status changes they bring (both are dated by the period
 * they describe, not the day they were published), so one report does not flood the list.
 */
export function recentChanges(portal: Portal, n: number): Change[] {
  return allChanges(portal)
    .filter((c) => c.kind !== "New figure" && c.kind !== "Status changed")
    .slice(0, n);
}

interface WindowMeeting {
  readonly slug: string;
  readonly title: string;
  readonly date: string;
}

/** Where a window starts, in words: "Since Improvement Board, March 2024", or "From the start". */
export const windowStart = (since: WindowMeeting | undefined): string =>
  since ? `Since ${since.title}, ${formatWhen(since.date)}` : "From the start";

export interface ChangeWindow {
  readonly meeting: WindowMeeting;
  readonly since?: WindowMeeting | undefined;
  readonly changes: readonly Change[];
}

/** What has been published since the newest meeting in the portal (held or not), newest first. */
export interface OpenWindow {
  readonly since?: WindowMeeting | undefined;
  readonly changes: readonly Change[];
}

const windowsOf = new WeakMap<Portal, { windows: ChangeWindow[]; after: OpenWindow }>();

/**
 * Changes grouped by meeting: everything up to each meeting since the one before, newest meeting first,
 * figures grouped ({@link groupFigures}). A change belongs to the first meeting on or after the day its
 * period ends, except that a report version presented to a meeting within its published period (published
 * "2023-11", presented on 28 November 2023) counts by that meeting: it was published by then. Worked out
 * once per portal.
 */
export function changesByMeeting(portal: Portal): ChangeWindow[] {
  return meetingWindows(portal).windows;
}

/** Everything after the newest meeting (nothing is ever left out of a window), figures grouped. */
export function changesSinceLastMeeting(portal: Portal): OpenWindow {
  return meetingWindows(portal).after;
}

function meetingWindows(portal: Portal): { windows: ChangeWindow[]; after: OpenWindow } {
  let found = windowsOf.get(portal);
  if (!found) windowsOf.set(portal, (found = computeWindows(portal)));
  return found;
}

function computeWindows(portal: Portal): { windows: ChangeWindow[]; after: OpenWindow } {
  const meetings = [...meetingsNewestFirst(portal)].reverse();
  const ends = meetings.map((m) => period(m.data.date).end);
  const index = new Map(meetings.map((m, i) => [m.slug, i]));
  const inWindow: Change[][] = meetings.map(() => []);
  const after: Change[] = [];
  for (const c of allChanges(portal)) {
    const i = windowIndex(c, ends, index);
    (i < meetings.length ? inWindow[i]! : after).push(c);
  }
  const describe = (x: (typeof meetings)[number]): WindowMeeting => ({
    slug: x.slug,
    title: committeeName(portal, x.data.committee),
    date: x.data.date,
  });
  const windows = meetings
    .map((m, i) => {
      const prev = meetings[i - 1];
      return { meeting: describe(m), since: prev ? describe(prev) : undefined, changes: groupFigures(inWindow[i]!) };
    })
    .reverse();
  const last = meetings.at(-1);
  return { windows, after: { since: last && describe(last), changes: groupFigures(after) } };
}

/** The index of the first meeting (oldest first) a change counts by; `ends.length` when after them all. */
function windowIndex(c: Change, ends: readonly string[], index: ReadonlyMap<string, number>): number {
  const when = period(c.when);
  const presented = c.meeting === undefined ? undefined : index.get(c.meeting);
  if (presented !== undefined) {
    const day = ends[presented]!;
    if (when.start <= day && day <= when.end) return presented;
  }
  // The first meeting whose day ends on or after the change's period ends.
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid]! < when.end) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** An open follow-up in the panel of follow-ups still to do. */
export interface OpenFollowUp {
  readonly followUp: FollowUp;
  readonly decision: DecisionEntry;
  /** The day of the meeting that set it. */
  readonly set: string;
  /** Its due date has passed by today (the rule of {@link overdueFollowUps}). */
  readonly overdue: boolean;
  /** Where the papers report on it, when they say. */
  readonly citation?: { readonly href: string; readonly label: string } | undefined;
}

/**
 * Every follow-up still to do on `today` ({@link openFollowUps}): overdue ones first, then by due date
 * (those with none last), then by the meeting that set them, newest first.
 */
export function followUpsToDo(portal: Portal, today: string): OpenFollowUp[] {
  const dayOf = new Map(portal.meetings.map((m) => [m.slug, m.data.date]));
  const out: OpenFollowUp[] = [];
  for (const decision of portal.decisions) {
    const late = new Set(overdueFollowUps(portal, decision, today));
    for (const followUp of openFollowUps(decision))
      out.push({
        followUp,
        decision,
        set: dayOf.get(decision.meeting) ?? "",
        overdue: late.has(followUp),
        citation: followUpCitation(portal, followUp),
      });
  }
  const due = (f: OpenFollowUp) => (f.followUp.due === undefined ? undefined : period(f.followUp.due));
  return out.sort((a, b) => {
    if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
    const da = due(a);
    const db = due(b);
    if (da && db) {
      const byDue = comparePeriods(da, db);
      if (byDue) return byDue;
    } else if (da || db) return da ? -1 : 1;
    return b.set.localeCompare(a.set) || a.decision.id.localeCompare(b.decision.id);
  });
}

/**
 * One line per indicator for its new figures, so a window with years of monthly
 * figures stays readable: "KPI 1/2 …: 3 new figures (newest first: …)".
 */
export function groupFigures(changes: readonly Change[]): Change[] {
  const figures = new Map<string, Change[]>();
  for (const c of changes) {
    if (c.kind !== "New figure") continue;
    pushTo(figures, c.href, c);
  }
  const out: Change[] = [];
  for (const c of changes) {
    if (c.kind !== "New figure") {
      out.push(c);
      continue;
    }
    const group = figures.get(c.href);
    if (!group) continue;
    figures.delete(c.href);
    out.push(
      group.length === 1
        ? c
        : { ...c, title: `${group.length} new figures. Newest: ${c.title}`, id: `${c.id}+${group.length - 1}` },
    );
  }
  return out;
}
