/**
 * The indicators index and the topic entry points, worked out once and tested without Astro:
 * measures not from an ended plan first, grouped by topic in the order the site settings list them
 * (untagged ones last, as "Other measures"); ended plans' measures after them, each plan marked as
 * ended; and the current figures by status, so a count on the home page can link to exactly the
 * measures it counts.
 */
import { CLOSED_WORDS, closedAs, hasEnded } from "../plans.ts";
import type { ActionEntry, Entry, PlanEntry, Portal } from "../content/model.ts";
import type { Kpi, Topic } from "../../schemas/index.ts";
import { KPI_STATUS, type KpiStatusCode } from "../kpi-status.ts";
import { formatWhen, plural } from "../format.ts";
import { routes } from "../routes.ts";
import { period } from "../../schemas/period.ts";
import { newerMeasure } from "../kpi-history.ts";
import { verdictFor } from "./kpi.ts";
import { planIndicators, type IndicatorOnHome } from "./home.ts";

/** A measure in a group of the index; `plan` is the plan it belongs to, if any. */
export interface IndexCard extends IndicatorOnHome {
  readonly plan: PlanEntry | undefined;
}

/** One topic's measures (or, with `topic` undefined, the untagged ones). */
interface TopicGroup {
  /** The group's id on the index page. */
  readonly id: string;
  readonly topic: Topic | undefined;
  readonly label: string;
  readonly cards: readonly IndexCard[];
}

/** A topic's group among the measures not from an ended plan, with what else the record holds on it. */
interface CurrentTopicGroup extends TopicGroup {
  /** The same topic's measures from ended plans, for a short list pointing at their cards further down. */
  readonly earlier: readonly IndexCard[];
  /** Actions on this topic: those of plans not ended first. */
  readonly actions: readonly { readonly action: ActionEntry; readonly plan: PlanEntry }[];
}

interface EndedPlanSection {
  readonly plan: PlanEntry;
  readonly id: string;
  /** "From the SEND Improvement Plan (2019), which has been replaced." */
  readonly sentence: string;
  readonly groups: readonly TopicGroup[];
}

/** The current figures with one status, split by the plan they belong to. */
interface StatusGroup {
  readonly code: KpiStatusCode;
  readonly label: string;
  readonly id: string;
  readonly count: number;
  readonly parts: readonly { readonly id: string; readonly label: string; readonly cards: readonly IndexCard[] }[];
}

/** A topic on the home page: where it leads and what is there. */
export interface TopicSummary {
  readonly topic: Topic;
  readonly href: string;
  /** Measures not from an ended plan. */
  readonly measures: number;
  /** Measures from ended plans. */
  readonly ended: number;
  /** How many ended plans those are from. */
  readonly endedPlans: number;
  readonly actions: number;
}

export interface KpiIndexView {
  readonly current: readonly CurrentTopicGroup[];
  readonly ended: readonly EndedPlanSection[];
  readonly byStatus: readonly StatusGroup[];
  readonly topics: readonly TopicSummary[];
}

/** The group of measures outside any plan in the status lists (`#status-untargeted-in-outside-any-plan`). */
const NO_PLAN = "outside-any-plan";
/** The group of measures with no topic (`#topic-untagged`). */
const UNTAGGED = "untagged";

/** "From the SEND Improvement Plan (2019), which has been replaced." or "…, which is complete (March 2021)." */
export function endedPlanSentence(plan: PlanEntry): string {
  const closed = closedAs(plan.data);
  const how = closed ? CLOSED_WORDS[closed] : "has ended";
  const when = plan.data.ended ? ` (${formatWhen(plan.data.ended)})` : "";
  return `From the ${plan.data.title}, which ${how}${when}.`;
}

const isCurrent = (c: IndicatorOnHome) => c.verdict.currency.code === "current";
const latestEnd = (c: IndicatorOnHome) =>
  c.verdict.judgement.latest ? period(c.verdict.judgement.latest.period).end : "";

/** Plans' measures before those reported outside any plan, current figures first, then newest, then by file. */
function byStanding(a: IndexCard, b: IndexCard): number {
  return (
    Number(b.plan !== undefined) - Number(a.plan !== undefined) ||
    Number(isCurrent(b)) - Number(isCurrent(a)) ||
    latestEnd(b).localeCompare(latestEnd(a)) ||
    a.entry.slug.localeCompare(b.entry.slug)
  );
}

/** Groups cards by the site's topics, in the site's order, untagged last; empty groups left out. */
function groupByTopic(
  topics: readonly Topic[],
  cards: readonly IndexCard[],
  idOf: (topic: string) => string,
): TopicGroup[] {
  const groups: TopicGroup[] = topics.map((topic) => ({
    id: idOf(topic.id),
    topic,
    label: topic.label,
    cards: cards.filter((c) => c.entry.data.topics.includes(topic.id)),
  }));
  const known = new Set(topics.map((t) => t.id));
  groups.push({
    id: idOf(UNTAGGED),
    topic: undefined,
    label: topics.length > 0 ? "Other measures" : "All measures",
    cards: cards.filter((c) => !c.entry.data.topics.some((t) => known.has(t))),
  });
  return groups.filter((g) => g.cards.length > 0);
}

export function kpiIndexView(portal: Portal, options: { today: string }): KpiIndexView {
  const topics = portal.site.topics;
  const planOf = new Map<string, PlanEntry>();
  for (const plan of portal.plans)
    for (const k of planIndicators(portal, plan)) if (!planOf.has(k.slug)) planOf.set(k.slug, plan);
  const card = (entry: Entry<Kpi>): IndexCard => ({
    entry,
    verdict: verdictFor(portal, entry, options),
    plan: planOf.get(entry.slug),
  });
  const all = portal.kpis.map(card);
  const endedCards = all.filter((c) => c.plan && hasEnded(c.plan.data));
  const currentCards = all.filter((c) => !endedCards.includes(c)).sort(byStanding);

  const actions = portal.plans
    .flatMap((plan) => plan.actions.map((action) => ({ action, plan })))
    .sort((a, b) => Number(hasEnded(a.plan.data)) - Number(hasEnded(b.plan.data)));
  const onTopic = <T extends { entry: Entry<Kpi> }>(list: readonly T[], id: string) =>
    list.filter((c) => c.entry.data.topics.includes(id));

  const grouped = groupByTopic(topics, currentCards, routes.kpiTopicAnchor);
  const current: CurrentTopicGroup[] = [
    // Every topic with anything on it has its place here, so /kpis/#topic-{id} always leads somewhere.
    ...topics.flatMap((topic) => {
      const group = grouped.find((g) => g.topic?.id === topic.id);
      const earlier = onTopic(endedCards, topic.id);
      const topicActions = actions.filter((a) => a.action.topics.includes(topic.id));
      if (!group && earlier.length === 0 && topicActions.length === 0) return [];
      return [
        {
          id: routes.kpiTopicAnchor(topic.id),
          topic,
          label: topic.label,
          cards: group?.cards ?? [],
          earlier,
          actions: topicActions,
        },
      ];
    }),
    ...grouped.filter((g) => g.topic === undefined).map((g) => ({ ...g, earlier: [], actions: [] })),
  ];

  const ended = portal.plans
    .filter((plan) => hasEnded(plan.data))
    .map((plan) => {
      const cards = endedCards.filter((c) => c.plan === plan);
      return {
        plan,
        id: `plan-${plan.slug}`,
        sentence: endedPlanSentence(plan),
        groups: groupByTopic(topics, cards, (t) => `plan-${plan.slug}-topic-${t}`),
      };
    })
    .filter((s) => s.groups.length > 0);

  const currentFigures = currentCards.filter(isCurrent);
  const byStatus = (Object.keys(KPI_STATUS) as KpiStatusCode[]).flatMap((code) => {
    const cards = currentFigures.filter((c) => c.verdict.judgement.code === code);
    if (cards.length === 0) return [];
    const plans = [...new Set(cards.map((c) => c.plan))];
    return [
      {
        code,
        label: KPI_STATUS[code].label,
        id: routes.kpiStatusAnchor(code),
        count: cards.length,
        parts: plans.map((plan) => ({
          id: routes.kpiStatusAnchor(code, plan?.slug ?? NO_PLAN),
          label: plan ? plan.data.title : "Reported to committees, outside any plan",
          cards: cards.filter((c) => c.plan === plan),
        })),
      },
    ];
  });

  const summaries = current.flatMap((g) =>
    g.topic
      ? [
          {
            topic: g.topic,
            href: routes.kpisTopic(g.topic.id),
            measures: g.cards.length,
            ended: g.earlier.length,
            endedPlans: new Set(g.earlier.map((c) => c.plan)).size,
            actions: g.actions.length,
          },
        ]
      : [],
  );
  return { current, ended, byStatus, topics: summaries };
}

/** "2 measures · 8 from a plan that has ended · 5 actions", leaving out what is none. */
export function topicCounts(t: TopicSummary): string {
  const parts = [
    t.measures > 0 && plural(t.measures, "measure"),
    t.ended > 0 && `${t.ended} from ${t.endedPlans === 1 ? "a plan that has ended" : "plans that have ended"}`,
    t.actions > 0 && plural(t.actions, "action"),
  ].filter((p): p is string => typeof p === "string");
  return parts.join(" · ");
}

/**
 * The home page's headline measures: current figures not from an ended plan, newest of each
 * measure, taken a topic at a time in the site's order (a plan's own measures before those reported
 * outside it), so the first screen spans the topics rather than filling with one.
 */
export function headlineMeasures(portal: Portal, view: KpiIndexView, options: { limit: number }): IndexCard[] {
  const queues = view.current.map((g) =>
    g.cards.filter((c) => isCurrent(c) && !newerMeasure(portal.kpis, c.entry.slug)),
  );
  const out: IndexCard[] = [];
  for (let round = 0; out.length < options.limit && queues.some((q) => q.length > round); round++)
    for (const q of queues) {
      const c = q[round];
      if (c && !out.includes(c) && out.length < options.limit) out.push(c);
    }
  return out;
}

/** How many measures not from an ended plan have a current figure. */
export function currentFigureCount(view: KpiIndexView): number {
  return view.byStatus.reduce((n, s) => n + s.count, 0);
}
