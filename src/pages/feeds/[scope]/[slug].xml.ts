import type { APIRoute } from "astro";
import { getPortal } from "../../../lib/portal.ts";
import { atomFeed } from "../../../lib/feed.ts";
import { FEED_SCOPES, feedRoutes, type FeedRoute } from "../../../lib/feed-routes.ts";
import { routes, type FeedScope } from "../../../lib/routes.ts";

/** One feed per plan, committee and indicator: /feeds/{plans|committees|kpis}/{slug}.xml */
export function getStaticPaths() {
  const portal = getPortal();
  return FEED_SCOPES.flatMap((scope) =>
    feedRoutes(portal, scope).map((route) => ({ params: { scope, slug: route.slug }, props: { route } })),
  );
}

export const GET: APIRoute = ({ params, props, site }) => {
  const route = props["route"] as FeedRoute;
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
