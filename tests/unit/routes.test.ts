import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPortal } from "../../src/lib/content/load.ts";
import { SCHEMA_FILES } from "../../src/lib/json-schema.ts";
import { routes, type KpiSection } from "../../src/lib/routes.ts";

const root = join(import.meta.dirname, "../..");
const result = loadPortal(root);
if (!result.ok) throw new Error("the sample content must load");
const portal = result.portal;
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

describe("routes", () => {
  it.each(Object.entries(made).filter(([name]) => name !== "actionAnchor"))(
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

  it("anchors an action's status on a report version by its plan and id", () =>
    expect(routes.actionAnchor("send-improvement-plan/1-2")).toBe("action-send-improvement-plan-1-2"));

  it("anchors an agenda item by its printed number made into a slug", () =>
    expect(routes.meetingItem("osc-childrens-2023-09-26", "8A")).toBe("/meetings/osc-childrens-2023-09-26/#item-8a"));
});
