import type { APIRoute } from "astro";
import { getPortal } from "../lib/portal.ts";
import { allChanges } from "../lib/changes.ts";
import { atomFeed } from "../lib/feed.ts";
import { routes } from "../lib/routes.ts";

/** Updates as an Atom feed: reports, versions, decisions, meetings, figures and corrections. */
export const GET: APIRoute = ({ site }) => {
  const portal = getPortal();
  return new Response(
    atomFeed({ portal, changes: allChanges(portal), base: site?.href, path: routes.feed(), title: portal.site.title }),
    {
      headers: { "Content-Type": "application/atom+xml; charset=utf-8" },
    },
  );
};
