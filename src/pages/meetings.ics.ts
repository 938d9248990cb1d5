import type { APIRoute } from "astro";
import { getPortal } from "../lib/portal.ts";
import { meetingsCalendar } from "../lib/calendar.ts";

export const GET: APIRoute = ({ site }) =>
  new Response(meetingsCalendar(getPortal(), site?.href), {
    headers: { "Content-Type": "text/calendar; charset=utf-8" },
  });
