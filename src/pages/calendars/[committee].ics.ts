import type { APIRoute } from "astro";
import { getCollection, getEntry, type CollectionEntry } from "astro:content";
import { committeeEntry, inFileOrder, meetingEntry, siteData } from "../../lib/entries.ts";
import { meetingsCalendar } from "../../lib/calendar.ts";

export async function getStaticPaths() {
  const committees = await getCollection("committees");
  // Every committee's calendar is made from the same lists, read once.
  const content = {
    site: siteData(await getEntry("site", "site")),
    committees: inFileOrder(committees.map(committeeEntry)),
    meetings: inFileOrder((await getCollection("meetings")).map(meetingEntry)),
  };
  return committees.map((committee) => ({ params: { committee: committee.id }, props: { committee, content } }));
}

interface Props {
  committee: CollectionEntry<"committees">;
  content: Parameters<typeof meetingsCalendar>[0];
}

/** One committee's meetings, for people who follow only that committee. */
export const GET: APIRoute<Props> = ({ props, site }) =>
  new Response(meetingsCalendar(props.content, site?.href, props.committee.id), {
    headers: { "Content-Type": "text/calendar; charset=utf-8" },
  });
