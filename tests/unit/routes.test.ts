import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPortal } from "../../src/lib/content/load.ts";
import { SCHEMA_FILES } from "../../src/lib/json-schema.ts";
import { isSearchedPage, routes, type KpiSection } from "../../src/lib/routes.ts";
import { actionsByStatus, historyLink } from "../../src/lib/views/home.ts";
import { kpiIndexView } from "../../src/lib/views/kpi-index.ts";

const root = join(import.meta.dirname, "../..");
const result = loadPortal(root);
if (!result.ok) throw new Error("the sample content must load");
const portal = result.portal;
/** The index as `npm test` builds it (PORTAL_TODAY=2023-12-01), when the sample's 2023 figures are current. */
const index = kpiIndexView(portal, { today: "2023-12-01" });
const locked = new Set(readFileSync(join(root, "urls.lock"), "utf8").split("\n").filter(Boolean));

const SECTIONS: KpiSection[] = [
  "status",
  "chart",
  "corrections",
  "about",
  "targets",
  "rebaselining",
  "breaks",
  "commentary",
  "actions",
  "decisions",
];

/** Every address each function of the routes module makes for the sample content, by function name. */
const made: Record<keyof typeof routes, string[]> = {
  home: [routes.home()],
  plans: [routes.plans()],
  plan: portal.plans.map((p) => routes.plan(p.slug)),
  area: portal.plans.flatMap((p) => p.areas.map((a) => routes.area(p.slug, a.id))),
  planSection: [historyLink(portal)?.href ?? "(the sample names no history section)"],
  actionStatusAnchor: [],
  planActionsWithStatus: portal.plans.flatMap((p) =>
    actionsByStatus(portal, p).map((g) => routes.planActionsWithStatus(p.slug, g.code)),
  ),
  kpiTopicAnchor: [],
  kpisTopic: [],
  kpiStatusAnchor: [],
  kpisWithStatus: [],
  action: portal.plans.flatMap((p) => p.actions.map((a) => routes.action(a))),
  kpis: [routes.kpis()],
  kpi: portal.kpis.map((k) => routes.kpi(k.slug)),
  kpiSection: SECTIONS.flatMap((s) => portal.kpis.map((k) => routes.kpiSection(k.slug, s))).filter((u) =>
    locked.has(u),
  ),
  reports: [routes.reports()],
  report: portal.reports.map((r) => routes.report(r.slug)),
  reportVersion: portal.reports.flatMap((r) => r.versions.map((v) => routes.reportVersion(r.slug, v.n))),
  actionAnchor: [],
  actionInVersion: portal.reports.flatMap((r) =>
    r.versions.flatMap((v) => v.data.actions.map((a) => routes.actionInVersion(v, a.action))),
  ),
  meetings: [routes.meetings()],
  meeting: portal.meetings.map((m) => routes.meeting(m.slug)),
  meetingItem: portal.meetings.flatMap((m) =>
    m.data.agenda.flatMap((item) => (item.number ? [routes.meetingItem(m.slug, item.number)] : [])),
  ),
  decisions: [routes.decisions()],
  decisionsYear: [
    ...new Set(portal.meetings.filter((m) => m.data.decisions.length > 0).map((m) => m.data.date.slice(0, 4))),
  ].map((year) => routes.decisionsYear(year)),
  decision: portal.decisions.map((d) => routes.decision(d.id)),
  glossary: [routes.glossary()],
  glossaryTerm: portal.glossary.map((t) => routes.glossaryTerm(t.id)),
  search: [routes.search()],
  data: [routes.data()],
  allKpisCsv: [routes.allKpisCsv()],
  dataPackage: [routes.dataPackage()],
  kpiCsv: portal.kpis.map((k) => routes.kpiCsv(k.slug)),
  kpiJson: portal.kpis.map((k) => routes.kpiJson(k.slug)),
  changes: [routes.changes()],
  changesWindow: portal.meetings.map((m) => routes.changesWindow(m.slug)),
  changesSince: portal.meetings.map((m) => routes.changesSince(m.slug)),
  about: [routes.about()],
  methodology: [routes.methodology()],
  accessibility: [routes.accessibility()],
  feed: [routes.feed()],
  scopedFeed: [
    ...portal.plans.map((p) => routes.scopedFeed("plans", p.slug)),
    ...portal.committees.map((c) => routes.scopedFeed("committees", c.slug)),
    ...portal.kpis.map((k) => routes.scopedFeed("kpis", k.slug)),
  ],
  meetingsCalendar: [routes.meetingsCalendar()],
  committeeCalendar: portal.committees.map((c) => routes.committeeCalendar(c.slug)),
  schema: [routes.schema()],
  schemaFile: SCHEMA_FILES.map((f) => routes.schemaFile(f.name)),
};

/**
 * Ids, and anchors on the indicators index: its ids follow the figures (a status list comes and goes
 * with the day), so the URL lock does not hold them; the index view's ids are checked against them below.
 */
const NOT_LOCKED = new Set([
  "actionAnchor",
  "actionStatusAnchor",
  "kpiTopicAnchor",
  "kpisTopic",
  "kpiStatusAnchor",
  "kpisWithStatus",
]);

describe("routes", () => {
  it.each(Object.entries(made).filter(([name]) => !NOT_LOCKED.has(name)))(
    "%s makes only addresses in urls.lock, for every item of the sample content",
    (_, urls) => {
      expect(urls.length).toBeGreaterThan(0);
      expect(urls.filter((u) => !locked.has(u))).toEqual([]);
    },
  );

  it("makes the sections every indicator page has, and those the sample content happens to fill", () =>
    expect(SECTIONS.filter((s) => portal.kpis.some((k) => locked.has(routes.kpiSection(k.slug, s))))).toEqual([
      "status",
      "chart",
      "about",
      "targets",
      "commentary",
      "actions",
    ]));

  it("searches every page but the search page, the changes digests and a report's numbered versions", () => {
    const searched = [
      routes.home(),
      routes.plan("p"),
      routes.action({ plan: "p", id: "a" }),
      routes.kpi("k"),
      routes.report("r"),
      routes.reports(),
      routes.meeting("m"),
      routes.decisionsYear("2024"),
      routes.decision("d"),
      routes.glossary(),
      routes.data(),
      routes.methodology(),
      routes.accessibility(),
      routes.schema(),
    ];
    const unsearched = [
      routes.search(),
      routes.changes(),
      routes.changesWindow("m"),
      routes.reportVersion("r", 2),
      "/404.html",
    ];
    expect(searched.filter((p) => !isSearchedPage(p))).toEqual([]);
    expect(unsearched.filter(isSearchedPage)).toEqual([]);
  });

  it("anchors an action's status on a report version by its plan and id", () =>
    expect(routes.actionAnchor("send-improvement-plan/1-2")).toBe("action-send-improvement-plan-1-2"));

  it("anchors an agenda item by its printed number made into a slug", () =>
    expect(routes.meetingItem("osc-childrens-2023-09-26", "8A")).toBe("/meetings/osc-childrens-2023-09-26/#item-8a"));

  it("leads each topic and each status count to a group the indicators index has", () => {
    const ids = new Set([
      ...index.current.map((g) => g.id),
      ...index.byStatus.flatMap((s) => [s.id, ...s.parts.map((p) => p.id)]),
    ]);
    const fragment = (url: string) => url.split("#")[1] ?? "";
    expect(portal.site.topics.map((t) => fragment(routes.kpisTopic(t.id))).filter((id) => !ids.has(id))).toEqual([]);
    expect(index.byStatus.map((s) => fragment(routes.kpisWithStatus(s.code))).filter((id) => !ids.has(id))).toEqual([]);
    expect(routes.kpisTopic("waiting-for-therapy")).toBe("/kpis/#topic-waiting-for-therapy");
    expect(routes.kpisWithStatus("untargeted", "outside-any-plan")).toBe(
      "/kpis/#status-untargeted-in-outside-any-plan",
    );
  });
});
