/** Meetings as iCalendar: stable UIDs, cancelled meetings kept as cancelled, all-day where no time is printed. */
import ical, { ICalEventStatus } from "ical-generator";
import type { Portal } from "./content/model.ts";
import { committeeName } from "./queries.ts";
import { routes } from "./routes.ts";

export function meetingsCalendar(portal: Portal, base: string, committee?: string): string {
  const host = new URL(base).hostname;
  const cal = ical({
    name: `${portal.site.title}: meetings`,
    prodId: { company: portal.site.organisation, product: "send-portal", language: "EN" },
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
      ...(m.data.time ? { end: new Date(start.getTime() + 2 * 3600_000), floating: true } : { allDay: true }),
      summary: summaryOf(committeeName(portal, m.data.committee), m.data.title),
      sequence: (m.data.sequence ?? 0) + (m.data.status === "cancelled" ? 1 : 0),
      location: m.data.venue ?? null,
      url: new URL(routes.meeting(m.slug), base).href,
      description: `Agenda, papers and decisions: ${new URL(routes.meeting(m.slug), base).href}`,
      status: m.data.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      stamp: start,
    });
  }
  return cal.toString();
}

/** "Committee: title", without repeating a title the committee's name already says. */
function summaryOf(committee: string, title: string | undefined): string {
  return title && !committee.toLowerCase().includes(title.toLowerCase()) ? `${committee}: ${title}` : committee;
}
