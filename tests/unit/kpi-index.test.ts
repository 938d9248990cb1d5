/** The indicators index and the home page's ways in, tested without Astro on the sample content and the fixture. */
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadPortal } from "../../src/lib/content/load.ts";
import type { Portal } from "../../src/lib/content/model.ts";
import {
  currentFigureCount,
  endedPlanSentence,
  headlineMeasures,
  kpiIndexView,
  topicCounts,
  type KpiIndexView,
} from "../../src/lib/views/kpi-index.ts";
import { actionsByStatus, historyLink, openingSentences, planPositions } from "../../src/lib/views/home.ts";
import { FIXTURE, replaceIn, withFixture } from "../helpers/content-root.ts";

/** The day `npm test` builds with: the sample's 2023 figures are current. */
const TODAY = "2023-12-01";
let portal: Portal;
let view: KpiIndexView;
beforeAll(() => {
  const result = loadPortal(join(import.meta.dirname, "../.."));
  if (!result.ok) throw new Error("the sample content does not load");
  portal = result.portal;
  view = kpiIndexView(portal, { today: TODAY });
});
const slugs = (cards: readonly { entry: { slug: string } }[]) => cards.map((c) => c.entry.slug);

describe("the indicators index", () => {
  it("lists no measure of the ended 2019 plan among the current measures", () => {
    const current = view.current.flatMap((g) => slugs(g.cards));
    expect(current.filter((s) => s.startsWith("kpi-"))).toEqual([]);
    expect(current).toContain("ehc-assessments-within-20-weeks-2023");
  });

  it("groups current measures by topic in the site's order, the 2023 EHC timeliness figure first under EHC plans", () => {
    expect(view.current.map((g) => g.label).slice(0, 3)).toEqual([
      "Waiting for therapy",
      "EHC plans",
      "School attendance",
    ]);
    const ehc = view.current.find((g) => g.id === "topic-ehc-plans");
    expect(slugs(ehc?.cards ?? [])[0]).toBe("ehc-assessments-within-20-weeks-2023");
  });

  it("gives a topic with only ended measures its place among the current ones, pointing to the ended figures", () => {
    const therapy = view.current.find((g) => g.id === "topic-waiting-for-therapy");
    expect(therapy?.cards).toEqual([]);
    expect(slugs(therapy?.earlier ?? [])).toEqual(["kpi-5-1", "kpi-5-2", "kpi-5-3", "kpi-5-4"]);
    expect(therapy?.actions.map((a) => a.action.key)).toEqual([
      "send-joint-commissioning-2023/5",
      "send-improvement-plan/5-3",
    ]);
  });

  it("puts the ended plan's measures after, marked with the plan and that it has ended", () => {
    expect(view.ended.map((s) => s.plan.slug)).toEqual(["send-improvement-plan"]);
    expect(view.ended[0]?.sentence).toBe("From the SEND Improvement Plan (2019), which has been replaced.");
    expect(view.ended[0]?.groups.flatMap((g) => slugs(g.cards))).toContain("kpi-5-4");
  });

  it("says a completed plan is complete, with the plan's own words for it", () => {
    const plan = view.ended[0]!.plan;
    const complete = { ...plan, data: { ...plan.data, status: "complete" as const, ended: "2021-03" } };
    expect(endedPlanSentence(complete)).toBe("From the SEND Improvement Plan (2019), which is complete (March 2021).");
  });

  it("counts the current figures by status, each count the number of measures its list holds", () => {
    expect(view.byStatus.map((s) => [s.id, s.count])).toEqual([
      ["status-untargeted", 8],
      ["status-context", 5],
    ]);
    for (const s of view.byStatus) expect(s.parts.reduce((n, p) => n + p.cards.length, 0)).toBe(s.count);
    expect(currentFigureCount(view)).toBe(13);
  });

  it("counts nothing as current once every figure is overdue", () => {
    const later = kpiIndexView(portal, { today: "2026-11-30" });
    expect(later.byStatus).toEqual([]);
    expect(headlineMeasures(portal, later, { limit: 6 })).toEqual([]);
  });

  it("puts measures the site's topics leave untagged in an 'Other measures' group, after the topics", () => {
    const groups = withFixture(
      (root) =>
        replaceIn(
          root,
          "content/site.yml",
          "featuredPlan: example-plan",
          "featuredPlan: example-plan\ntopics:\n  - id: school-attendance\n    label: School attendance\n    description: How much school pupils miss.",
        ),
      (root) => {
        const result = loadPortal(root);
        if (!result.ok) throw new Error("the fixture with a topic does not load");
        return kpiIndexView(result.portal, { today: "2020-03-01" }).current.map((g) => [g.id, g.label, g.cards.length]);
      },
    );
    expect(groups).toEqual([["topic-untagged", "Other measures", 1]]);
  });

  it("puts every measure in one 'All measures' group when the site declares no topics", () => {
    const result = loadPortal(FIXTURE);
    if (!result.ok) throw new Error("the fixture does not load");
    const fixture = kpiIndexView(result.portal, { today: "2020-03-01" });
    expect(fixture.current.map((g) => [g.id, g.label])).toEqual([["topic-untagged", "All measures"]]);
    expect(fixture.topics).toEqual([]);
  });
});

describe("the home page's ways in", () => {
  it("takes headline measures a topic at a time: the newest EHC timeliness figure first, no topic twice in six", () => {
    const headline = headlineMeasures(portal, view, { limit: 6 });
    expect(slugs(headline)).toEqual([
      "ehc-assessments-within-20-weeks-2023",
      "absence-rate",
      "permanent-exclusions",
      "ehcp-mainstream-placements",
      "early-years-good-level-of-development",
      "ehcp-neet",
    ]);
    expect(headline.every((k) => k.verdict.currency.code === "current")).toBe(true);
  });

  it("says what each topic leads to, with its counts", () => {
    const therapy = view.topics.find((t) => t.topic.id === "waiting-for-therapy");
    expect(therapy?.href).toBe("/kpis/#topic-waiting-for-therapy");
    expect(therapy && topicCounts(therapy)).toBe("4 from a plan that has ended · 2 actions");
    const ehc = view.topics.find((t) => t.topic.id === "ehc-plans");
    expect(ehc && topicCounts(ehc)).toBe("4 measures · 8 from a plan that has ended · 6 actions");
  });

  it("links each count of actions to the plan page's list of exactly those actions", () => {
    const ended = planPositions(portal, { today: TODAY }).find((p) => p.plan.slug === "send-improvement-plan");
    const atRisk = ended?.actions.counts.find((c) => c.label === "At risk");
    expect(atRisk).toMatchObject({ n: 2, href: "/plans/send-improvement-plan/#status-at-risk" });
    const plan = portal.plans.find((p) => p.slug === "send-improvement-plan")!;
    expect(actionsByStatus(portal, plan).find((g) => g.code === "at-risk")?.actions).toHaveLength(2);
  });

  it("opens in sentences of 25 words or fewer, and links to how the improvement notice began", () => {
    const sentences = openingSentences(portal.site);
    expect(sentences[0]).toBe(
      "Sefton Council and NHS Sefton made plans to improve help for children and young people with special educational needs and disabilities.",
    );
    expect(sentences.map((s) => s.split(/\s+/).length).filter((n) => n > 25)).toEqual([]);
    expect(historyLink(portal)).toEqual({
      label: "How the improvement notice began",
      href: "/plans/send-improvement-plan/#section-the-2019-revisit-and-the-improvement-notice",
    });
  });

  it("links a plan's count of current figures to that plan's part of the status list", () => {
    const result = loadPortal(FIXTURE);
    if (!result.ok) throw new Error("the fixture does not load");
    const today = "2020-02-01";
    const position = planPositions(result.portal, { today })[0];
    const fixtureView = kpiIndexView(result.portal, { today });
    const ids = fixtureView.byStatus.flatMap((s) => s.parts.map((p) => p.id));
    const hrefs = position?.indicators.current.map((c) => c.href) ?? [];
    expect(hrefs).toEqual(["/kpis/#status-missed-in-example-plan"]);
    expect(hrefs.map((h) => h.split("#")[1]).filter((id) => !ids.includes(id ?? ""))).toEqual([]);
  });
});
