/**
 * The home page's answer to "is it getting better now?": each plan's position (current plans
 * first, ended plans' final position as such), counted only from current figures and dated,
 * and the newest figures published.
 */
import { hasEnded, STATUS_ORDER } from "../plans.ts";
import type { ActionEntry, Entry, PlanEntry, Portal } from "../content/model.ts";
import type { Kpi } from "../../schemas/index.ts";
import { KPI_STATUS, type KpiStatusCode } from "../kpi-status.ts";
import type { KpiVerdict } from "../kpi-verdict.ts";
import { verdictFor } from "./kpi.ts";
import { ACTION_STATUS, NO_STATUS } from "../words.ts";
import { actionHistory, byWhenDesc } from "../queries.ts";
import { comparePeriods, labelPeriod, period } from "../../schemas/period.ts";
import { newerMeasure } from "../kpi-history.ts";
import { routes } from "../routes.ts";
import { headingId } from "../html-headings.ts";

interface Count {
  readonly label: string;
  readonly tone: string;
  readonly n: number;
  /** The list of exactly what is counted. */
  readonly href: string;
}

export interface IndicatorOnHome {
  readonly entry: Entry<Kpi>;
  readonly verdict: KpiVerdict;
}

export interface PlanPosition {
  readonly plan: PlanEntry;
  readonly ended: boolean;
  readonly actions: {
    readonly total: number;
    readonly counts: readonly Count[];
    /** When the newest report recording any of these actions was published. */
    readonly asAt: string | undefined;
  };
  readonly indicators: {
    readonly all: readonly IndicatorOnHome[];
    /** Status counts over current figures only. */
    readonly current: readonly Count[];
    readonly currentCount: number;
    /** The periods the current figures are for, earliest and latest, in words. */
    readonly currentSpan: string | undefined;
    /** Indicators whose latest figure is overdue or whose plan has ended. */
    readonly notCurrent: number;
    /** The newest period any not-current figure is for, in words. */
    readonly lastReported: string | undefined;
    readonly noFigure: number;
  };
}

/** The indicators that measure a plan: named by one of its actions, or linked to the plan itself. */
export function planIndicators(portal: Portal, plan: PlanEntry): Entry<Kpi>[] {
  const named = new Set(plan.actions.flatMap((a) => a.kpis));
  return portal.kpis.filter((k) => named.has(k.slug) || k.data.plan === plan.slug);
}

/** The status code of an action no report has recorded yet, in addresses (`#status-none`). */
const NO_STATUS_CODE = "none";

/**
 * A plan's actions by their latest recorded status, in the order of ACTION_STATUS, unrecorded last.
 * Every status is there, empty or not: the plan page gives each an anchor (`#status-at-risk`) that
 * must not vanish when no action has that status any more.
 */
export function actionsByStatus(
  portal: Portal,
  plan: PlanEntry,
): { code: string; label: string; tone: string; actions: ActionEntry[] }[] {
  const latest = new Map(plan.actions.map((a) => [a.key, actionHistory(portal, a.key).at(-1)?.status]));
  return [
    ...Object.entries(ACTION_STATUS).map(([code, s]) => ({
      code,
      label: s.label,
      tone: s.tone,
      actions: plan.actions.filter((a) => latest.get(a.key) === code),
    })),
    {
      code: NO_STATUS_CODE,
      label: NO_STATUS.label,
      tone: NO_STATUS.tone,
      actions: plan.actions.filter((a) => latest.get(a.key) === undefined),
    },
  ];
}

function planPosition(portal: Portal, plan: PlanEntry, options: { today: string }): PlanPosition {
  const ended = hasEnded(plan.data);
  const records = plan.actions.map((a) => actionHistory(portal, a.key).at(-1));
  const actionCounts = actionsByStatus(portal, plan)
    .filter((g) => g.actions.length > 0)
    .map((g) => ({
      label: g.label,
      tone: g.tone,
      n: g.actions.length,
      href: routes.planActionsWithStatus(plan.slug, g.code),
    }));
  const asAt = records
    .flatMap((r) => (r ? [r.version.data.published] : []))
    .sort(byWhenDesc)
    .at(0);

  const all = planIndicators(portal, plan).map((entry) => ({ entry, verdict: verdictFor(portal, entry, options) }));
  const current = all.filter((k) => k.verdict.currency.code === "current");
  const notCurrent = all.filter((k) => k.verdict.currency.code === "overdue" || k.verdict.currency.code === "ended");
  const periodsOf = (list: readonly IndicatorOnHome[]) =>
    list
      .flatMap((k) => (k.verdict.judgement.latest ? [period(k.verdict.judgement.latest.period)] : []))
      .sort(comparePeriods);
  const span = periodsOf(current);
  const first = span[0];
  const last = span.at(-1);
  return {
    plan,
    ended,
    actions: { total: plan.actions.length, counts: actionCounts, asAt },
    indicators: {
      all,
      current: statusCounts(
        current.map((k) => k.verdict.judgement.code),
        (code) => routes.kpisWithStatus(code, plan.slug),
      ),
      currentCount: current.length,
      currentSpan:
        first && last
          ? first.key === last.key
            ? labelPeriod(first)
            : `${labelPeriod(first)} to ${labelPeriod(last)}`
          : undefined,
      notCurrent: notCurrent.length,
      lastReported: ((p) => p && labelPeriod(p))(periodsOf(notCurrent).at(-1)),
      noFigure: all.filter((k) => k.verdict.currency.code === "no-data").length,
    },
  };
}

function statusCounts(codes: readonly KpiStatusCode[], href: (code: KpiStatusCode) => string): Count[] {
  return (Object.keys(KPI_STATUS) as KpiStatusCode[])
    .map((code) => ({ ...KPI_STATUS[code], n: codes.filter((c) => c === code).length, href: href(code) }))
    .filter((c) => c.n > 0);
}

/** Every plan's position: current plans first (the featured one leading), then ended ones. */
export function planPositions(portal: Portal, options: { today: string }): PlanPosition[] {
  const featured = portal.site.featuredPlan;
  return [...portal.plans]
    .sort(
      (a, b) =>
        STATUS_ORDER[a.data.status] - STATUS_ORDER[b.data.status] ||
        Number(b.slug === featured) - Number(a.slug === featured) ||
        a.data.order - b.data.order,
    )
    .map((plan) => planPosition(portal, plan, options));
}

/**
 * The newest figures published, whatever plan they belong to: current ones first, then the most
 * recently reported, each with its dated verdict; one indicator per measure (its newest).
 * `limit` keeps the home page short.
 */
export function newestFigures(portal: Portal, options: { today: string; limit: number }): IndicatorOnHome[] {
  return portal.kpis
    .map((entry) => ({ entry, verdict: verdictFor(portal, entry, options) }))
    .filter((k) => k.verdict.judgement.latest && !newerMeasure(portal.kpis, k.entry.slug))
    .sort((a, b) => {
      const current = (k: IndicatorOnHome) => Number(k.verdict.currency.code === "current");
      const end = (k: IndicatorOnHome) =>
        k.verdict.judgement.latest ? period(k.verdict.judgement.latest.period).end : "";
      return current(b) - current(a) || end(b).localeCompare(end(a)) || a.entry.slug.localeCompare(b.entry.slug);
    })
    .slice(0, options.limit);
}

/** "None of its 26 indicators has a current figure: the newest was for February 2020; no newer figure has been published." */
export function notCurrentSentence(pos: PlanPosition): string {
  const { notCurrent, all, lastReported } = pos.indicators;
  const who =
    notCurrent === all.length
      ? `None of its ${all.length} indicators has a current figure`
      : `${notCurrent} of its ${all.length} indicators have no current figure`;
  return `${who}: the newest was for ${lastReported ?? "an earlier period"}; no newer figure has been published.`;
}

/** The home page's link to how the improvement work began, from the site settings; the plan's page when no heading is named. */
export function historyLink(portal: Portal): { label: string; href: string } | undefined {
  const history = portal.site.history;
  const plan = history && portal.plans.find((p) => p.slug === history.plan);
  if (!history || !plan) return undefined;
  const id = history.heading ? headingId(plan.html, history.heading) : undefined;
  return { label: history.label, href: id ? routes.planSection(plan.slug, id) : routes.plan(plan.slug) };
}

/**
 * The home page's opening, in the site's own words: short sentences (25 words or fewer with the
 * sample's names), saying who made the plans, what the site shows, and that every figure is dated.
 */
export function openingSentences(site: Portal["site"]): string[] {
  const names = [site.organisation, ...site.partners];
  const who = names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : site.organisation;
  return [
    `${who} made plans to improve help for children and young people with special educational needs and disabilities.`,
    "This site shows how each promise is going, and what the committees checking on it decided.",
    "Every figure says which period it is for.",
  ];
}
