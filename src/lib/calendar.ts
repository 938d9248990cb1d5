/**
 * Meetings as iCalendar: UIDs on a domain the publisher owns (never localhost), cancelled meetings
 * kept as cancelled, all-day where no time is printed, an end time only where a paper prints one.
 * A meeting links to its page only when the public address is known, because a calendar has no
 * address of its own to resolve a relative link against.
 */
import ical, { escape, ICalEventStatus } from "ical-generator";
import type { Portal } from "./content/model.ts";
import { withoutControlCharacters } from "./plain-text.ts";
import { committeeName } from "./queries.ts";
import { ownedDomain, siteHref } from "./site-url.ts";
import { routes } from "./routes.ts";

/** Event fields are escaped by ical-generator; these are for the ones it writes as given (NAME, X-WR-CALNAME, PRODID). */
const calendarText = (s: string) => escape(withoutControlCharacters(s), false);
const text = (s: string) => withoutControlCharacters(s);

/** What a calendar is made of: the site, its committees and its meetings, in the order they are listed. */
type CalendarContent = Pick<Portal, "site" | "committees" | "meetings">;

export function meetingsCalendar(portal: CalendarContent, base: string | undefined, committee?: string): string {
  const host = ownedDomain(portal.site);
  const cal = ical({
    name: calendarText(`${portal.site.title}: meetings`),
    prodId: {
      company: calendarText(portal.site.organisation).replace(/\/\//g, "/"),
      product: "send-portal",
      language: "EN",
    },
  });
  for (const m of portal.meetings) {
    if (committee && m.data.committee !== committee) continue;
    // Only meetings with a known day go into a calendar.
    if (!/^\d{4}-\d{2}-\d{2}$/.test(m.data.date)) continue;
    const [h, min] = (m.data.time ?? "00:00").split(":").map(Number) as [number, number];
    const start = new Date(`${m.data.date}T00:00:00Z`);
    start.setUTCHours(h, min);
    cal.createEvent({
      id: `${m.slug}@${host}`,
      start,
      // An end time only where a paper prints one; otherwise the event has a start and no invented end.
      ...(m.data.time
        ? { floating: true, ...(m.data.endTime ? { end: at(m.data.date, m.data.endTime) } : {}) }
        : { allDay: true }),
      summary: text(summaryOf(committeeName(portal, m.data.committee), m.data.title)),
      sequence: (m.data.sequence ?? 0) + (m.data.status === "cancelled" ? 1 : 0),
      location: m.data.venue === undefined ? null : text(m.data.venue),
      ...(base
        ? {
            url: siteHref(routes.meeting(m.slug), base),
            description: `Agenda, papers and decisions: ${siteHref(routes.meeting(m.slug), base)}`,
          }
        : {}),
      status: m.data.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      stamp: start,
    });
  }
  return cal.toString();
}

/** A day and a clock time as a floating date-time (the time as printed, in no particular zone). */
function at(day: string, time: string): Date {
  return new Date(`${day}T${time}:00Z`);
}

/** "Committee: title", without repeating a title the committee's name already says. */
function summaryOf(committee: string, title: string | undefined): string {
  return title && !committee.toLowerCase().includes(title.toLowerCase()) ? `${committee}: ${title}` : committee;
}
