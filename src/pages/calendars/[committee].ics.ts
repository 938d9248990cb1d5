import type { APIRoute } from "astro";
import { getPortal } from "../../lib/portal.ts";
import { meetingsCalendar } from "../../lib/calendar.ts";

export function getStaticPaths() {
  return getPortal().committees.map((c) => ({ params: { committee: c.slug } }));
}

/** One committee's meetings, for people who follow only that committee. */
export const GET: APIRoute = ({ params, site }) =>
  new Response(meetingsCalendar(getPortal(), site?.href, params["committee"]), {
    headers: { "Content-Type": "text/calendar; charset=utf-8" },
  });
