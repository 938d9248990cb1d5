import type { APIRoute } from "astro";
import { getCollection, getEntry } from "astro:content";
import { committeeEntry, inFileOrder, meetingEntry, siteData } from "../lib/entries.ts";
import { meetingsCalendar } from "../lib/calendar.ts";

export const GET: APIRoute = async ({ site }) => {
  const content = {
    site: siteData(await getEntry("site", "site")),
    committees: inFileOrder((await getCollection("committees")).map(committeeEntry)),
    meetings: inFileOrder((await getCollection("meetings")).map(meetingEntry)),
  };
  return new Response(meetingsCalendar(content, site?.href), {
    headers: { "Content-Type": "text/calendar; charset=utf-8" },
  });
};
