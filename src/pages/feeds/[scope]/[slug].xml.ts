import type { APIRoute } from "astro";
import { getCollection } from "astro:content";
import { getPortal } from "../../../lib/portal.ts";
import { committeeEntry, kpiEntry, planEntry } from "../../../lib/entries.ts";
import { atomFeed } from "../../../lib/feed.ts";
import { FEED_SCOPES, feedRoutes, type FeedRoute } from "../../../lib/feed-routes.ts";
import { routes, type FeedScope } from "../../../lib/routes.ts";

/**
 * One feed per plan, committee and indicator (entries of their collections): /feeds/{plans|committees|kpis}/{slug}.xml.
 * What changed about each is worked out over the whole portal.
 */
export async function getStaticPaths() {
  const portal = getPortal();
  const subjects = {
    plans: (await getCollection("plans")).map(planEntry),
    committees: (await getCollection("committees")).map(committeeEntry),
    kpis: (await getCollection("kpis")).map(kpiEntry),
  };
  return FEED_SCOPES.flatMap((scope) =>
    feedRoutes(portal, scope, subjects).map((route) => ({ params: { scope, slug: route.slug }, props: { route } })),
  );
}

interface Props {
  route: FeedRoute;
}

export const GET: APIRoute<Props> = ({ params, props: { route }, site }) => {
  const portal = getPortal();
  return new Response(
    atomFeed({
      portal,
      changes: route.changes,
      base: site?.href,
      path: routes.scopedFeed(params["scope"] as FeedScope, route.slug),
      title: route.title,
    }),
    { headers: { "Content-Type": "application/atom+xml; charset=utf-8" } },
  );
};
