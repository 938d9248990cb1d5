/**
 * Every address the portal publishes: one function per path of the URL contract in
 * `../shared/PRODUCT.md`. Councillors paste these into agendas, so a path is written here and
 * nowhere else (ESLint refuses a hand-built one elsewhere), and `tests/unit/routes.test.ts`
 * checks that every address these make for the sample content is in `urls.lock`.
 */
import { matchesGlob } from "node:path";
import { slugify } from "./slug.ts";

/** The sections of an indicator's page that other pages and papers link to. */
export type KpiSection =
  | "status"
  | "paper-verdicts"
  | "chart"
  | "corrections"
  | "about"
  | "targets"
  | "rebaselining"
  | "breaks"
  | "commentary"
  | "actions"
  | "decisions";

/** The feeds of one plan, committee or indicator live under `/feeds/{scope}/`. */
export type FeedScope = "plans" | "committees" | "kpis";

/** The anchor of an action's status on a report version page, e.g. `action-send-improvement-plan-1-2`. */
const actionAnchor = (key: string): string => `action-${key.replace("/", "-")}`;

const kpiTopicAnchor = (topic: string): string => `topic-${topic}`;
const kpiStatusAnchor = (status: string, group?: string): string => `status-${status}${group ? `-in-${group}` : ""}`;

/** The id of a plan page's list of the actions with one latest status, e.g. `status-at-risk`. */
const actionStatusAnchor = (status: string): string => `status-${status}`;

export const routes = {
  home: () => "/",

  plans: () => "/plans/",
  plan: (plan: string) => `/plans/${plan}/`,
  /** An area's heading on its plan's page. */
  area: (plan: string, area: string) => `/plans/${plan}/#${area}`,
  /** A section of a plan's page by its heading's id (the plan's own Markdown headings). */
  planSection: (plan: string, id: string) => `/plans/${plan}/#${id}`,
  /** The id of a plan page's list of actions with a latest recorded status (an action status code, or `none`). */
  actionStatusAnchor,
  /** A plan's actions whose latest recorded status is `status`. */
  planActionsWithStatus: (plan: string, status: string) => `/plans/${plan}/#${actionStatusAnchor(status)}`,
  action: (action: { readonly plan: string; readonly id: string }) => `/plans/${action.plan}/actions/${action.id}/`,

  kpis: () => "/kpis/",
  /** The id of a topic's group on the indicators index. */
  kpiTopicAnchor,
  /** The indicators index at a topic's measures. */
  kpisTopic: (topic: string) => `/kpis/#${kpiTopicAnchor(topic)}`,
  /** The id of the current figures with a status on the indicators index (see `kpisWithStatus`). */
  kpiStatusAnchor,
  /**
   * The indicators index at the current figures with a status, all of them or, with `group`, one
   * plan's (a plan slug) or those reported to committees outside any plan (`other`).
   */
  kpisWithStatus: (status: string, group?: string) => `/kpis/#${kpiStatusAnchor(status, group)}`,
  kpi: (kpi: string) => `/kpis/${kpi}/`,
  kpiSection: (kpi: string, section: KpiSection) => `/kpis/${kpi}/#${section}`,

  reports: () => "/reports/",
  /** The current version of a report. */
  report: (report: string) => `/reports/${report}/`,
  reportVersion: (report: string, n: number) => `/reports/${report}/v${n}/`,
  /** The id of an action's status on a report version page (`key` is `plan/action`). */
  actionAnchor,
  /** Where a report version records an action's status (`key` is `plan/action`). */
  actionInVersion: (version: { readonly report: string; readonly n: number }, key: string) =>
    `/reports/${version.report}/v${version.n}/#${actionAnchor(key)}`,

  meetings: () => "/meetings/",
  meeting: (meeting: string) => `/meetings/${meeting}/`,
  /** An agenda item on its meeting's page, by the item number as printed ("19", "8a"). */
  meetingItem: (meeting: string, itemNumber: string) => `/meetings/${meeting}/#item-${slugify(itemNumber)}`,

  decisions: () => "/decisions/",
  /** One year's decisions (the year of their meeting), e.g. `/decisions/2024/`. */
  decisionsYear: (year: string) => `/decisions/${year}/`,
  decision: (decision: string) => `/decisions/${decision}/`,

  glossary: () => "/glossary/",
  glossaryTerm: (term: string) => `/glossary/#${term}`,

  search: () => "/search/",

  data: () => "/data/",
  allKpisCsv: () => "/data/kpis.csv",
  dataPackage: () => "/data/datapackage.json",
  kpiCsv: (kpi: string) => `/data/kpis/${kpi}.csv`,
  kpiJson: (kpi: string) => `/data/kpis/${kpi}.json`,

  /** What changed: the latest meeting window, and a list of every window. */
  changes: () => "/changes/",
  /** What changed in the window that ends with a meeting (since the meeting before it). */
  changesWindow: (meeting: string) => `/changes/${meeting}/`,
  /** A window's entry in the list on /changes/ (the anchor the single page of every window published). */
  changesSince: (meeting: string) => `/changes/#since-${meeting}`,

  about: () => "/about/",
  methodology: () => "/about/methodology/",
  accessibility: () => "/accessibility/",

  feed: () => "/feed.xml",
  scopedFeed: (scope: FeedScope, slug: string) => `/feeds/${scope}/${slug}.xml`,
  meetingsCalendar: () => "/meetings.ics",
  committeeCalendar: (committee: string) => `/calendars/${committee}.ics`,

  schema: () => "/schema/",
  schemaFile: (name: string) => `/schema/${name}`,
} as const;

/**
 * The built files that search indexes, as one glob relative to the built site: every page except the
 * search page itself, the changes digests and a report's numbered versions, which repeat what other
 * pages say. Pagefind reads only these files (src/integrations/search.ts); otherwise it would parse
 * every page to find the searchable ones, and a report's earlier versions alone are about half of the
 * HTML of a large site. A new section must be added here: the layout refuses a page whose `search`
 * disagrees with this glob, so no page is left out of search unnoticed.
 */
export const SEARCHED_FILES =
  "{index.html,{about,accessibility,data,decisions,glossary,kpis,meetings,plans,schema}/**/*.html,reports/index.html,reports/*/index.html}";

/** The file a page's address is built to (`/kpis/x/` → `kpis/x/index.html`). */
const builtFile = (pathname: string): string => {
  const path = pathname.replace(/^\/+/, "");
  return path === "" || path.endsWith("/") ? `${path}index.html` : /\.[a-z]+$/.test(path) ? path : `${path}.html`;
};

/** Whether search indexes the page at this address (see `SEARCHED_FILES`). */
export const isSearchedPage = (pathname: string): boolean => matchesGlob(builtFile(pathname), SEARCHED_FILES);
