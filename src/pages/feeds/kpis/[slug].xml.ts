import type { APIRoute } from "astro";
import { getPortal } from "../../../lib/portal.ts";
import { allChanges } from "../../../lib/changes.ts";
import { atomFeed } from "../../../lib/feed.ts";
import { feedPath, feedRoutes, type FeedRoute } from "../../../lib/feed-routes.ts";

export function getStaticPaths() {
  return feedRoutes(getPortal(), "kpis").map((route) => ({ params: { slug: route.slug }, props: { route } }));
}

export const GET: APIRoute = ({ props, site }) => {
  const route = props["route"] as FeedRoute;
  const portal = getPortal();
  return new Response(
    atomFeed({
      portal,
      changes: allChanges(portal).filter(route.filter),
      base: site!.href,
      path: feedPath("kpis", route.slug),
      title: route.title,
    }),
    { headers: { "Content-Type": "application/atom+xml; charset=utf-8" } },
  );
};
