/** The feeds the portal publishes: everything, and one per plan, committee and indicator. */
import type { Portal } from "./content/model.ts";
import { allChanges, type Change } from "./changes.ts";
import type { FeedScope } from "./routes.ts";

export const FEED_SCOPES = ["plans", "committees", "kpis"] as const satisfies readonly FeedScope[];

export interface FeedRoute {
  readonly slug: string;
  readonly title: string;
  /** Its entries, newest first. */
  readonly changes: readonly Change[];
}

export function feedRoutes(portal: Portal, scope: FeedScope): FeedRoute[] {
  const named = {
    plans: portal.plans.map((p) => ({ slug: p.slug, name: p.data.title })),
    committees: portal.committees.map((c) => ({ slug: c.slug, name: c.data.name })),
    kpis: portal.kpis.map((k) => ({ slug: k.slug, name: `${k.data.ref}: ${k.data.title}` })),
  }[scope];
  // One pass over the changes for every feed of the scope, rather than one pass per feed.
  const bySlug = new Map<string, Change[]>();
  for (const c of allChanges(portal))
    for (const slug of c.about[scope]) {
      const list = bySlug.get(slug);
      if (list) list.push(c);
      else bySlug.set(slug, [c]);
    }
  return named.map(({ slug, name }) => ({
    slug,
    title: `${portal.site.title}: updates on ${name}`,
    changes: bySlug.get(slug) ?? [],
  }));
}
