/**
 * Everything the indicator page shows, worked out once and tested without Astro:
 * the dated verdict, the paper's own judgements beside it, the targets as numbers,
 * corrections, the measure's history, and the record that links to it.
 */
import { routes } from "../routes.ts";
import { closedAs } from "../plans.ts";
import type { ActionEntry, DecisionEntry, Entry, PlanEntry, Portal } from "../content/model.ts";
import type { Kpi, Milestone, Observation, Series } from "../../schemas/index.ts";
import { comparatorAt, formatterFor, headlineSeries, resolveTarget, type ResolvedTarget } from "../kpi-status.ts";
import { comparePaper, kpiVerdict, type KpiVerdict, type PaperComparison } from "../kpi-verdict.ts";
import { measureHistory, newerMeasure } from "../kpi-history.ts";
import { actionsMeasuredBy, decisionsAbout, kpiUpdated, reportLink, findVersion } from "../queries.ts";
import { comparePeriods, period } from "../../schemas/period.ts";
import { siteHref } from "../site-url.ts";

export interface TargetRow {
  readonly milestone: Milestone;
  /** The target for the milestone's own period (comparators looked up for that period). */
  readonly resolved: ResolvedTarget;
}

export interface Correction {
  readonly series: Series;
  readonly value: Observation;
  readonly revision: NonNullable<Observation["revisions"]>[number];
}

export interface PaperView extends PaperComparison {
  readonly report: { href: string; title: string };
}

export interface KpiPageView {
  readonly verdict: KpiVerdict;
  /** The paper's verdicts, newest report first. */
  readonly papers: readonly PaperView[];
  readonly targets: readonly TargetRow[];
  readonly corrections: readonly Correction[];
  /** This measure's indicators across plans, newest first (just this one when it has no history). */
  readonly history: readonly Entry<Kpi>[];
  /** The newest indicator of the measure when it is not this one. */
  readonly newer: Entry<Kpi> | undefined;
  readonly plan: { slug: string; title: string } | undefined;
  readonly actions: readonly ActionEntry[];
  readonly decisions: readonly DecisionEntry[];
  readonly updated: string | undefined;
  /** Who answers for the figure: the leads of the actions it measures, as printed, without repeats. */
  readonly leads: readonly string[];
}

/** The plan an indicator measures: the one it names, else the first whose actions name it. */
function planOf(portal: Portal, entry: Entry<Kpi>): PlanEntry | undefined {
  const named = entry.data.plan;
  return named
    ? portal.plans.find((p) => p.slug === named)
    : portal.plans.find((p) => p.actions.some((a) => a.kpis.includes(entry.slug)));
}

const verdicts = new WeakMap<Portal, Map<string, KpiVerdict>>();

/**
 * An indicator's dated verdict, worked out once per build and day: the home page, the lists, the
 * plan's position and the indicator's own page all show the same one.
 */
export function verdictFor(portal: Portal, entry: Entry<Kpi>, options: { today: string }): KpiVerdict {
  let cache = verdicts.get(portal);
  if (!cache) verdicts.set(portal, (cache = new Map()));
  const key = `${entry.slug}@${options.today}`;
  let verdict = cache.get(key);
  if (!verdict) {
    const plan = planOf(portal, entry);
    const newer = newerMeasure(portal.kpis, entry.slug);
    verdict = kpiVerdict(entry.data, {
      today: options.today,
      planClosed: plan && closedAs(plan.data),
      newer: newer?.data.title,
    });
    cache.set(key, verdict);
  }
  return verdict;
}

/** What each report said of the indicator beside the rule's status for the same figure, newest report first. */
function papersFor(portal: Portal, entry: Entry<Kpi>): KpiPageView["papers"] {
  return entry.data.judgements
    .map((j) => {
      const version = findVersion(portal, j.report);
      const published = version?.data.published ?? "1900";
      return { ...comparePaper(entry.data, j, { published }), report: reportLink(portal, j.report), published };
    })
    .sort((a, b) => comparePeriods(period(b.published), period(a.published)));
}

/**
 * The newest report's own verdict when it differs from the rule's, for a list's card: a family must
 * never read "Target met" without the paper's "not on track" beside it.
 */
export function paperDiffers(portal: Portal, entry: Entry<Kpi>): KpiPageView["papers"][number] | undefined {
  const newest = papersFor(portal, entry)[0];
  return newest?.agrees === false ? newest : undefined;
}

export function kpiPageView(portal: Portal, entry: Entry<Kpi>, options: { today: string }): KpiPageView {
  const kpi = entry.data;
  const plan = planOf(portal, entry);
  const history = measureHistory(portal.kpis, entry.slug);
  const papers = papersFor(portal, entry);
  return {
    verdict: verdictFor(portal, entry, options),
    papers,
    targets: targetRows(kpi),
    corrections: kpi.series.flatMap((s) =>
      s.values.flatMap((v) => (v.revisions ?? []).map((revision) => ({ series: s, value: v, revision }))),
    ),
    history,
    newer: history[0] && history[0].slug !== entry.slug ? history[0] : undefined,
    plan: plan && { slug: plan.slug, title: plan.data.title },
    actions: actionsMeasuredBy(portal, entry.slug),
    decisions: decisionsAbout(portal, { kpi: entry.slug }),
    updated: kpiUpdated(kpi),
    leads: [...new Set(actionsMeasuredBy(portal, entry.slug).flatMap((a) => (a.lead ? [a.lead] : [])))],
  };
}

/** Each milestone's target as a number for its own period, by the same rule the status uses. */
function targetRows(kpi: Kpi): TargetRow[] {
  const seriesId = headlineSeries(kpi).id;
  const format = formatterFor(kpi);
  return kpi.targets.map((milestone) => {
    const at = milestone.period === undefined ? undefined : period(milestone.period);
    return {
      milestone,
      resolved: resolveTarget(milestone.target, {
        baseline: kpi.baseline?.value,
        comparator: (id) => (at ? comparatorAt(kpi, id, at, seriesId) : latestComparator(kpi, id, seriesId)),
        format,
      }),
    };
  });
}

/** An undated target's comparator: the latest published figure. */
function latestComparator(kpi: Kpi, id: string, seriesId: string) {
  const far = period("9999");
  return comparatorAt(kpi, id, far, seriesId);
}

/** schema.org Dataset data for an indicator's page: its figures as downloads, under the site's licence. */
export function kpiJsonLd(
  portal: Portal,
  entry: Entry<Kpi>,
  options: { site: URL | undefined; updated: string | undefined },
): Record<string, unknown> {
  const { site, updated } = options;
  return {
    "@type": "Dataset",
    name: `${entry.data.ref}: ${entry.data.title}`,
    description: entry.data.meaning,
    url: siteHref(routes.kpi(entry.slug), site),
    license: portal.site.licence.url,
    creator: { "@type": "Organization", name: portal.site.organisation },
    isAccessibleForFree: true,
    ...(updated ? { dateModified: updated } : {}),
    distribution: [
      {
        "@type": "DataDownload",
        encodingFormat: "text/csv",
        contentUrl: siteHref(routes.kpiCsv(entry.slug), site),
      },
      {
        "@type": "DataDownload",
        encodingFormat: "application/json",
        contentUrl: siteHref(routes.kpiJson(entry.slug), site),
      },
    ],
  };
}
