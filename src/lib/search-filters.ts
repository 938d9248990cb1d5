/**
 * The search filters each page carries (Pagefind's type, plan, committee and year), in
 * one place, so the search page can offer exactly the values the pages use.
 */
import type { Kpi } from "../schemas/index.ts";
import type {
  ActionEntry,
  DecisionEntry,
  Entry,
  MeetingEntry,
  PlanEntry,
  Portal,
  VersionEntry,
} from "./content/model.ts";
import { formatWhen } from "./format.ts";
import { formatterFor, judgeKpi } from "./kpi-status.ts";
import { committeeName, meetingOf, visibleReports } from "./queries.ts";

export type SearchFilters = {
  type: string;
  plan?: string | undefined;
  committee?: string | undefined;
  year?: string | undefined;
};

export const FILTER_LABELS = { type: "Type", plan: "Plan", committee: "Committee", year: "Year" } as const;

const planTitle = (portal: Portal, slug: string | undefined) => portal.plans.find((p) => p.slug === slug)?.data.title;

export const searchFilters = {
  page: (): SearchFilters => ({ type: "Page" }),
  plan: (plan: PlanEntry): SearchFilters => ({ type: "Plan", plan: plan.data.title }),
  action: (portal: Portal, action: ActionEntry): SearchFilters => ({
    type: "Action",
    plan: planTitle(portal, action.plan),
  }),
  kpi: (portal: Portal, kpi: Kpi): SearchFilters => ({ type: "Indicator", plan: planTitle(portal, kpi.plan) }),
  report: (portal: Portal, version: VersionEntry): SearchFilters => ({
    type: "Report",
    plan: planTitle(portal, version.data.plan),
    year: version.data.published.slice(0, 4),
  }),
  meeting: (portal: Portal, meeting: MeetingEntry): SearchFilters => ({
    type: "Meeting",
    committee: committeeName(portal, meeting.data.committee),
    year: meeting.data.date.slice(0, 4),
  }),
  decision: (portal: Portal, decision: DecisionEntry): SearchFilters => {
    const meeting = meetingOf(portal, decision);
    return {
      type: "Decision",
      committee: committeeName(portal, meeting.data.committee),
      year: meeting.data.date.slice(0, 4),
    };
  },
};

/** Every value each filter takes across the site, sorted (years newest first). */
export function filterOptions(portal: Portal): Record<keyof typeof FILTER_LABELS, string[]> {
  const all: SearchFilters[] = [
    searchFilters.page(),
    ...portal.plans.map(searchFilters.plan),
    ...portal.plans.flatMap((p) => p.actions.map((a) => searchFilters.action(portal, a))),
    ...portal.kpis.map((k: Entry<Kpi>) => searchFilters.kpi(portal, k.data)),
    ...visibleReports(portal).map(({ current }) => searchFilters.report(portal, current)),
    ...portal.meetings.map((m) => searchFilters.meeting(portal, m)),
    ...portal.decisions.map((d) => searchFilters.decision(portal, d)),
  ];
  const values = (key: keyof SearchFilters) =>
    [...new Set(all.map((f) => f[key]).filter((v): v is string => Boolean(v)))].sort();
  return { type: values("type"), plan: values("plan"), committee: values("committee"), year: values("year").reverse() };
}

/**
 * The date a search result shows (Pagefind meta `date`): the page's own date (a meeting's,
 * a decision's) when it has no later update, otherwise when it was last updated.
 */
export function searchDate(page: { published?: string | undefined; updated?: string | undefined }): string | undefined {
  if (page.updated) return `Updated ${formatWhen(page.updated)}`;
  return page.published ? formatWhen(page.published) : undefined;
}

/** An indicator's latest measured figure with its period, for its search result: "25 weeks, November 2019". */
export function latestFigureMeta(kpi: Kpi): string | undefined {
  const latest = judgeKpi(kpi).latest;
  return latest ? `${formatterFor(kpi)(latest.value)}, ${formatWhen(latest.period)}` : undefined;
}
