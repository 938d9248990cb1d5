/**
 * Every address the portal publishes: one function per path of the URL contract in
 * `../shared/PRODUCT.md`. Councillors paste these into agendas, so a path is written here and
 * nowhere else (ESLint refuses a hand-built one elsewhere), and `tests/unit/routes.test.ts`
 * checks that every address these make for the sample content is in `urls.lock`.
 */
import { slugify } from "./slug.ts";

/** The sections of an indicator's page that other pages and papers link to. */
export type KpiSection =
  | "status"
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

export const routes = {
  home: () => "/",

  plans: () => "/plans/",
  plan: (plan: string) => `/plans/${plan}/`,
  /** An area's heading on its plan's page. */
  area: (plan: string, area: string) => `/plans/${plan}/#${area}`,
  action: (action: { readonly plan: string; readonly id: string }) => `/plans/${action.plan}/actions/${action.id}/`,

  kpis: () => "/kpis/",
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

  changes: () => "/changes/",

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
