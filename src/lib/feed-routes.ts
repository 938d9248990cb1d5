/** The feeds the portal publishes: everything, and one per plan, committee and indicator. */
import type { Portal } from "./content/model.ts";
import { allChanges, type Change } from "./changes.ts";
import type { FeedScope } from "./routes.ts";
import { cached, pushTo } from "./maps.ts";

export const FEED_SCOPES = ["plans", "committees", "kpis"] as const satisfies readonly FeedScope[];

export interface FeedRoute {
  readonly slug: string;
  readonly title: string;
  /** Its entries, newest first. */
  readonly changes: readonly Change[];
}

/** The plans, committees and indicators that have a feed each (the portal's, or as read from the collections). */
type FeedSubjects = Pick<Portal, "plans" | "committees" | "kpis">;

/** The feeds of one scope, one per subject, with the changes `portal` has about each. */
export function feedRoutes(portal: Portal, scope: FeedScope, subjects: FeedSubjects = portal): FeedRoute[] {
  const named = {
    plans: () => subjects.plans.map((p) => ({ slug: p.slug, name: p.data.title })),
    committees: () => subjects.committees.map((c) => ({ slug: c.slug, name: c.data.name })),
    kpis: () => subjects.kpis.map((k) => ({ slug: k.slug, name: `${k.data.ref}: ${k.data.title}` })),
  }[scope]();
  const bySlug = changesBy(portal)[scope];
  return named.map(({ slug, name }) => ({
    slug,
    title: `${portal.site.title}: updates on ${name}`,
    changes: bySlug.get(slug) ?? [],
  }));
}

type ChangesBy = Record<FeedScope, Map<string, Change[]>>;
const grouped = new WeakMap<Portal, ChangesBy>();

/**
 * Every change by the plans, committees and indicators it concerns, newest first: one pass over the
 * changes per portal, which every feed then looks its own list up in.
 */
function changesBy(portal: Portal): ChangesBy {
  return cached(grouped, portal, () => {
    const by: ChangesBy = { plans: new Map(), committees: new Map(), kpis: new Map() };
    for (const c of allChanges(portal))
      for (const scope of FEED_SCOPES) for (const slug of c.about[scope]) pushTo(by[scope], slug, c);
    return by;
  });
}
