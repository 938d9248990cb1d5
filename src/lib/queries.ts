/** Questions pages ask of the portal; pure functions over the loaded content. */
import type { Committee, FollowUp, Kpi, ReportVersion } from "../schemas/index.ts";
import type {
  ActionEntry,
  DecisionEntry,
  Entry,
  MeetingEntry,
  PlanEntry,
  Portal,
  ReportEntry,
  VersionEntry,
} from "./content/model.ts";
import { comparePeriods, period } from "../schemas/period.ts";
import { routes } from "./routes.ts";
import { parseReportRef } from "./slug.ts";
import { formatWhen } from "./format.ts";
import { cached, pushTo } from "./maps.ts";

/**
 * Drafts appear only in `astro dev`; a build never publishes them. The content
 * integration records which command is running (not NODE_ENV, which a CI job may set to anything).
 */
const showDrafts = (): boolean => process.env[DRAFTS_ENV] === "show";

/** Set by the content integration: "show" under `astro dev`, "hide" otherwise. */
export const DRAFTS_ENV = "PORTAL_DRAFTS";

/** Whether readers can see a version: a draft only in the preview. Withdrawn versions stay visible, marked. */
const isVisibleVersion = (version: Pick<ReportVersion, "status">, drafts = showDrafts()): boolean =>
  drafts || version.status !== "draft";

/** The versions readers can see, v1 first. */
export function visibleVersions(report: ReportEntry, drafts = showDrafts()): VersionEntry[] {
  return report.versions.filter((v) => isVisibleVersion(v.data, drafts));
}

/** The current version: the latest visible one that is not withdrawn, else the latest visible. */
export function currentVersion(report: ReportEntry, drafts = showDrafts()): VersionEntry | undefined {
  const visible = visibleVersions(report, drafts);
  return visible.filter((v) => v.data.status !== "withdrawn").at(-1) ?? visible.at(-1);
}

const memos = new WeakMap<Portal, Map<string, unknown>>();

/**
 * Works something out once per loaded portal rather than once per page: a build renders
 * thousands of pages from one portal, and these answers do not change between them.
 */
function memo<T>(portal: Portal, key: string, compute: () => T): T {
  return cached(
    cached(memos, portal, () => new Map()),
    key,
    compute,
  ) as T;
}

/** Reports with at least one visible version, newest first. */
export function visibleReports(
  portal: Portal,
  drafts = showDrafts(),
): readonly { report: ReportEntry; current: VersionEntry }[] {
  return memo(portal, `visibleReports:${drafts}`, () => sortedVisibleReports(portal, drafts));
}

function sortedVisibleReports(portal: Portal, drafts: boolean): { report: ReportEntry; current: VersionEntry }[] {
  return portal.reports
    .flatMap((report) => {
      const current = currentVersion(report, drafts);
      return current ? [{ report, current }] : [];
    })
    .sort(
      (a, b) =>
        byWhenDesc(a.current.data.published, b.current.data.published) || a.report.slug.localeCompare(b.report.slug),
    );
}

/** Newest first for period strings. */
export function byWhenDesc(a: string, b: string): number {
  return comparePeriods(period(b), period(a));
}

function allActions(portal: Portal): readonly ActionEntry[] {
  return memo(portal, "allActions", () => portal.plans.flatMap((p) => p.actions));
}

export function findAction(portal: Portal, key: string): ActionEntry | undefined {
  return memo(portal, "actionsByKey", () => new Map(allActions(portal).map((a) => [a.key, a]))).get(key);
}

export interface StatusRecord {
  readonly version: VersionEntry;
  readonly status: VersionEntry["data"]["actions"][number]["status"];
  readonly commentary: string;
}

/** An action's status as each report recorded it (the current version of each), oldest first. */
export function actionHistory(portal: Portal, key: string): readonly StatusRecord[] {
  const drafts = showDrafts();
  const byAction = memo(portal, `actionHistory:${drafts}`, () => {
    const index = new Map<string, StatusRecord[]>();
    for (const { current } of [...visibleReports(portal, drafts)].reverse())
      for (const a of current.data.actions)
        index.set(a.action, [
          ...(index.get(a.action) ?? []),
          { version: current, status: a.status, commentary: a.commentary },
        ]);
    return index;
  });
  return byAction.get(key) ?? [];
}

/** The decisions about an action or an indicator, in the portal's order (indexed once per portal). */
export function decisionsAbout(portal: Portal, about: { action: string } | { kpi: string }): readonly DecisionEntry[] {
  const index = memo(portal, "decisionsAbout", () => {
    const byAction = new Map<string, DecisionEntry[]>();
    const byKpi = new Map<string, DecisionEntry[]>();
    for (const d of portal.decisions) {
      for (const a of new Set(d.actions)) pushTo(byAction, a, d);
      for (const k of new Set(d.kpis)) pushTo(byKpi, k, d);
    }
    return { byAction, byKpi };
  });
  return ("action" in about ? index.byAction.get(about.action) : index.byKpi.get(about.kpi)) ?? [];
}

/**
 * A reference the content check has already resolved: the thing it names. Throws only if that
 * guarantee is broken, naming what was missing, rather than letting a page render `undefined`.
 */
function resolved<T>(found: T | undefined, what: string): T {
  if (found === undefined) throw new Error(`${what} does not exist, though the content check should have refused it`);
  return found;
}

/** The KPI a checked reference names. */
export function kpiBySlug(portal: Portal, slug: string): Entry<Kpi> {
  const bySlug = memo(portal, "kpisBySlug", () => new Map(portal.kpis.map((k) => [k.slug, k])));
  return resolved(bySlug.get(slug), `KPI "${slug}"`);
}

/** The committee a checked reference names. */
export function committeeBySlug(portal: Portal, slug: string): Entry<Committee> {
  return resolved(
    portal.committees.find((c) => c.slug === slug),
    `committee "${slug}"`,
  );
}

export function kpisFor(portal: Portal, action: ActionEntry): Entry<Kpi>[] {
  return action.kpis.map((slug) => kpiBySlug(portal, slug));
}

export function actionsMeasuredBy(portal: Portal, kpi: string): ActionEntry[] {
  return allActions(portal).filter((a) => a.kpis.includes(kpi));
}

export function meetingOf(portal: Portal, decision: DecisionEntry): MeetingEntry {
  const bySlug = memo(portal, "meetingsBySlug", () => new Map(portal.meetings.map((m) => [m.slug, m])));
  return resolved(bySlug.get(decision.meeting), `meeting "${decision.meeting}"`);
}

/** The area of its plan an action belongs to. */
export function areaOf(plan: PlanEntry, action: ActionEntry): PlanEntry["areas"][number] {
  return resolved(
    plan.areas.find((a) => a.id === action.area),
    `area "${action.area}" of ${plan.slug}`,
  );
}

export function committeeName(portal: Pick<Portal, "committees">, slug: string): string {
  return portal.committees.find((c) => c.slug === slug)?.data.name ?? slug;
}

/** The committee's short name where it has one, for titles and tight spaces. */
export function committeeShortName(portal: Portal, slug: string): string {
  const c = portal.committees.find((x) => x.slug === slug);
  return c?.data.shortName ?? c?.data.name ?? slug;
}

/** Meetings newest first, in whatever order they are given (the portal's, or read from the collection). */
export function meetingsNewestFirst(portal: Pick<Portal, "meetings">): MeetingEntry[] {
  return [...portal.meetings].sort((a, b) => byWhenDesc(a.data.date, b.data.date) || a.slug.localeCompare(b.slug));
}

/** Whether a meeting is still to come on `today` (ISO date): scheduled, and not over by then. */
export const isUpcoming = (meeting: MeetingEntry, today: string): boolean =>
  meeting.data.status === "scheduled" && period(meeting.data.date).end >= today;

/** Whether a meeting's day has passed by `today` with no record that it was held or cancelled. */
export const isOverdue = (meeting: MeetingEntry, today: string): boolean =>
  meeting.data.status === "scheduled" && period(meeting.data.date).end < today;

/** The next scheduled meeting on or after `today` (ISO date). */
export function nextMeeting(portal: Pick<Portal, "meetings">, today: string): MeetingEntry | undefined {
  return meetingsNewestFirst(portal)
    .filter((m) => isUpcoming(m, today))
    .at(-1);
}

/** A follow-up still to be done: open or in progress. */
export const isOpenFollowUp = (followUp: FollowUp): boolean =>
  followUp.status === "open" || followUp.status === "in-progress";

/** The follow-ups of a decision still to be done. */
export const openFollowUps = (decision: DecisionEntry): FollowUp[] => decision.followUps.filter(isOpenFollowUp);

/**
 * Open follow-ups whose due date (or the end of their due period) has passed by `today`. A follow-up
 * whose work the papers show on the agenda of a later meeting held by its due date (`cites`) is not
 * overdue: the report was tabled in time, though no paper yet records it as received.
 */
export const overdueFollowUps = (portal: Portal, decision: DecisionEntry, today: string): FollowUp[] =>
  openFollowUps(decision).filter((f) => {
    if (f.due === undefined) return false;
    const due = period(f.due).end;
    if (due >= today) return false;
    const dateOf = (slug: string | undefined) => portal.meetings.find((m) => m.slug === slug)?.data.date;
    const tabled = dateOf(f.cites?.meeting);
    const set = dateOf(decision.meeting);
    return !(tabled && set && period(tabled).start > period(set).end && period(tabled).start <= due);
  });

/** How a decision's follow-ups stand, counted by what a councillor needs to know. */
export interface FollowUpCounts {
  readonly total: number;
  readonly open: number;
  readonly overdue: number;
  readonly unknown: number;
  readonly done: number;
  readonly dropped: number;
}

export function followUpCounts(portal: Portal, decision: DecisionEntry, today: string): FollowUpCounts {
  const count = (status: FollowUp["status"]) => decision.followUps.filter((f) => f.status === status).length;
  return {
    total: decision.followUps.length,
    open: openFollowUps(decision).length,
    overdue: overdueFollowUps(portal, decision, today).length,
    unknown: count("unknown"),
    done: count("done"),
    dropped: count("dropped"),
  };
}

/**
 * The follow-ups in a few words: "1 follow-up open, 1 past its due date", "Follow-up not known (the papers
 * do not say)", "Follow-ups done". Done only when every one is done; one the papers say nothing of is never done.
 */
export function followUpSummary(c: FollowUpCounts): string | undefined {
  if (c.total === 0) return undefined;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  if (c.done === c.total) return c.total === 1 ? "Follow-up done" : "Follow-ups done";
  if (c.done + c.dropped === c.total) return c.total === 1 ? "Follow-up dropped" : "Follow-ups done or dropped";
  if (c.unknown === c.total)
    return c.total === 1
      ? "Follow-up not known (the papers do not say)"
      : "Follow-ups not known (the papers do not say)";
  const parts: string[] = [];
  if (c.open > 0) parts.push(`${plural(c.open, "follow-up")} open`);
  if (c.overdue > 0) parts.push(`${c.overdue} past ${c.overdue === 1 ? "its" : "their"} due date`);
  if (c.unknown > 0) parts.push(`${c.unknown} not known (the papers do not say)`);
  if (c.done > 0) parts.push(`${c.done} done`);
  if (c.dropped > 0) parts.push(`${c.dropped} dropped`);
  return parts.join(", ");
}

/** A decision's follow-ups in one word, for filtering lists: open while any is open, else unknown while any is not known. */
export function followUpState(c: FollowUpCounts): "open" | "unknown" | "done" | undefined {
  if (c.total === 0) return undefined;
  return c.open > 0 ? "open" : c.unknown > 0 ? "unknown" : "done";
}

/** Report versions presented to a meeting. */
export function reportsAtMeeting(portal: Portal, meeting: string): VersionEntry[] {
  return visibleReports(portal).flatMap(({ report }) =>
    visibleVersions(report).filter((v) => v.data.meeting === meeting),
  );
}

/** The latest value's period across a KPI's series, for "last updated". */
export function kpiUpdated(kpi: Kpi): string | undefined {
  const periods = kpi.series.flatMap((s) => s.values.filter((v) => v.value !== null).map((v) => period(v.period)));
  const revised = kpi.series.flatMap((s) => s.values.flatMap((v) => v.revisions ?? []).map((r) => period(r.revised)));
  return [...periods, ...revised].sort(comparePeriods).at(-1)?.key;
}

/** When the portal's documents last changed: the latest report version or meeting. Figures are dated by the period they describe, so they do not count. */
export function siteUpdated(portal: Portal): string | undefined {
  return memo(portal, "siteUpdated", () => latestDocumentDate(portal));
}

function latestDocumentDate(portal: Portal): string | undefined {
  const dates = [
    ...portal.reports.flatMap((r) => visibleVersions(r).map((v) => v.data.published)),
    ...portal.meetings.filter((m) => m.data.status === "held").map((m) => m.data.date),
  ].map(period);
  return dates.sort(comparePeriods).at(-1)?.key;
}

/** A link to a report, or to one version of it (`slug` or `slug/vN`), titled as readers see it now. */
export function reportLink(portal: Portal, ref: string): { href: string; title: string } {
  const { slug, n } = parseReportRef(ref);
  const report = reportBySlug(portal, slug);
  const title = (report && currentVersion(report))?.data.title ?? slug;
  return n === undefined
    ? { href: routes.report(slug), title }
    : { href: routes.reportVersion(slug, n), title: `${title} (version ${n})` };
}

/** A report by its slug (from a map made once per portal: every version page looks its report up). */
function reportBySlug(portal: Portal, slug: string): ReportEntry | undefined {
  return memo(portal, "reportsBySlug", () => new Map(portal.reports.map((r) => [r.slug, r]))).get(slug);
}

/** A report version by its reference (`report-slug/vN`), or the current version for a bare slug. */
export function findVersion(portal: Portal, ref: string): VersionEntry | undefined {
  const { slug, n } = parseReportRef(ref);
  const report = reportBySlug(portal, slug);
  if (!report) return undefined;
  return n === undefined ? currentVersion(report) : report.versions.find((v) => v.n === n);
}

/** Where the papers report on a follow-up, as a link: "Agenda item 12 of Overview and Scrutiny, 28 November 2023". */
export function followUpCitation(portal: Portal, f: FollowUp): { href: string; label: string } | undefined {
  if (!f.cites) return undefined;
  const meeting = portal.meetings.find((m) => m.slug === f.cites?.meeting);
  if (!meeting) return undefined;
  const where = `${committeeShortName(portal, meeting.data.committee)}, ${formatWhen(meeting.data.date)}`;
  return f.cites.item
    ? { href: routes.meetingItem(meeting.slug, f.cites.item), label: `Agenda item ${f.cites.item} of ${where}` }
    : { href: routes.meeting(meeting.slug), label: where };
}
