/** The feeds the portal publishes: everything, and one per plan, committee and indicator. */
import type { Portal } from "./content/model.ts";
import type { Change } from "./changes.ts";

export const FEED_SCOPES = ["plans", "committees", "kpis"] as const;
export type FeedScope = (typeof FEED_SCOPES)[number];

export interface FeedRoute {
  readonly slug: string;
  readonly title: string;
  readonly filter: (c: Change) => boolean;
}

export function feedRoutes(portal: Portal, scope: FeedScope): FeedRoute[] {
  const named = {
    plans: portal.plans.map((p) => ({ slug: p.slug, name: p.data.title })),
    committees: portal.committees.map((c) => ({ slug: c.slug, name: c.data.name })),
    kpis: portal.kpis.map((k) => ({ slug: k.slug, name: `${k.data.ref}: ${k.data.title}` })),
  }[scope];
  return named.map(({ slug, name }) => ({
    slug,
    title: `${portal.site.title}: updates on ${name}`,
    filter: (c: Change) => c.about[scope].includes(slug),
  }));
}

export const feedPath = (scope: FeedScope, slug: string) => `/feeds/${scope}/${slug}.xml`;
