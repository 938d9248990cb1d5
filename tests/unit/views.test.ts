/** The page views, tested without Astro: what the indicator and home pages show, from the sample content. */
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadPortal } from "../../src/lib/content/load.ts";
import type { Portal } from "../../src/lib/content/model.ts";
import { kpiJsonLd, kpiPageView, paperDiffers } from "../../src/lib/views/kpi.ts";
import { newestFigures, notCurrentSentence, planPositions } from "../../src/lib/views/home.ts";
import { followUpCitation } from "../../src/lib/queries.ts";

let portal: Portal;
beforeAll(() => {
  const result = loadPortal(join(import.meta.dirname, "../.."));
  if (!result.ok) throw new Error("the sample content does not load");
  portal = result.portal;
});
const kpi = (slug: string) => {
  const entry = portal.kpis.find((k) => k.slug === slug);
  if (!entry) throw new Error(`no KPI ${slug}`);
  return entry;
};

describe("an indicator's card in a list", () => {
  it("carries the report's own verdict where it differs from the rule's, so 'Target met' never stands alone", () => {
    expect(paperDiffers(portal, kpi("kpi-5-4"))?.said).toBe(
      "The report said: not on track (about the December 2019 trajectory of 20 weeks).",
    );
    expect(paperDiffers(portal, kpi("kpi-5-1"))?.said).toMatch(/^The report said: target met/);
  });

  it("says nothing more where the report agrees with the rule or gave no verdict", () => {
    for (const entry of portal.kpis) {
      const differs = paperDiffers(portal, entry);
      if (differs) expect(differs.agrees).toBe(false);
    }
    expect(portal.kpis.filter((k) => k.data.judgements.length === 0).map((k) => paperDiffers(portal, k))).toEqual(
      portal.kpis.filter((k) => k.data.judgements.length === 0).map(() => undefined),
    );
  });
});

describe("the indicator page", () => {
  it("shows the speech and language wait as met against October 2019, dated, ended, and the report's 'not on track' beside it", () => {
    const view = kpiPageView(portal, kpi("kpi-5-4"), { today: "2026-11-30" });
    expect(view.verdict.judgement.code).toBe("met");
    expect(view.verdict.currencySentence).toBe(
      "Last reported for November 2019; the plan it measured has been replaced, and no newer figure is in the papers published here.",
    );
    expect(view.papers.map((p) => p.agrees)).toContain(false);
    expect(view.papers.find((p) => p.agrees === false)?.sentence).toMatch(
      /^The report said: not on track.* By the published rule: target met for November 2019, because 25 weeks is at or below the target of 25 weeks\.$/,
    );
  });

  it("works out a national-average target from the comparator the data holds, never 'not published'", () => {
    const rows = kpiPageView(portal, kpi("kpi-1-1"), { today: "2026-11-30" }).targets.filter(
      (r) => r.milestone.target.kind === "comparator",
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.resolved.value)).toEqual(rows.map(() => 9));
    expect(rows.map((r) => r.resolved.working).join(" ")).not.toContain("not in the papers");
  });

  it("points the 2019 twenty-week indicator to the newest figures of the same measure", () => {
    const view = kpiPageView(portal, kpi("kpi-1-2"), { today: "2026-11-30" });
    expect(view.newer?.slug).toBe("ehc-assessments-within-20-weeks-2023");
    expect(view.history.map((k) => k.slug)).toEqual(["ehc-assessments-within-20-weeks-2023", "kpi-1-2a", "kpi-1-2"]);
  });

  it("gives structured data with no invented address when the public address is unknown", () => {
    const data = kpiJsonLd(portal, kpi("kpi-5-4"), { site: undefined, updated: "2019-11" });
    expect(data["url"]).toBe("/kpis/kpi-5-4/");
    expect(JSON.stringify(data)).not.toContain("localhost");
  });
});

describe("the home page", () => {
  it("puts plans in force or proposed before an ended plan", () => {
    expect(planPositions(portal, { today: "2026-11-30" }).map((p) => [p.plan.slug, p.ended])).toEqual([
      ["send-joint-commissioning-2023", false],
      ["send-improvement-plan", true],
    ]);
  });

  it("counts none of the ended plan's indicators as current, and says when they were last reported", () => {
    const ended = planPositions(portal, { today: "2026-11-30" }).find((p) => p.ended);
    expect(ended?.indicators.currentCount).toBe(0);
    expect(notCurrentSentence(ended!)).toBe(
      `${ended!.indicators.notCurrent === ended!.indicators.all.length ? "None of its" : `${ended!.indicators.notCurrent} of its`} ${ended!.indicators.all.length} indicators ${ended!.indicators.notCurrent === ended!.indicators.all.length ? "has a current figure" : "have no current figure"}: the newest was for February 2020; no newer figure has been published.`,
    );
  });

  it("shows the newest figures first, one per measure, current ones only while they are current", () => {
    const late2023 = newestFigures(portal, { today: "2023-12-01", limit: 50 });
    expect(late2023[0]?.verdict.currency.code).toBe("current");
    expect(late2023.map((f) => f.entry.slug)).not.toContain("kpi-1-2");
    expect(late2023.map((f) => f.entry.slug)).toContain("ehc-assessments-within-20-weeks-2023");
    const now = newestFigures(portal, { today: "2026-11-30", limit: 50 });
    expect(now.filter((f) => f.verdict.currency.code === "current")).toEqual([]);
  });
});

describe("a follow-up links to where the papers report on it", () => {
  it("links the September 2023 follow-up on young people's views to agenda item 12 of 28 November", () => {
    const decision = portal.decisions.find((d) => d.id === "osc-childrens-2023-09-26-26-5-j");
    const f = decision?.followUps[0];
    expect(f && followUpCitation(portal, f)).toEqual({
      href: "/meetings/osc-childrens-2023-11-28/#item-12",
      label: expect.stringMatching(/^Agenda item 12 of .+, 28 November 2023$/),
    });
  });
});
