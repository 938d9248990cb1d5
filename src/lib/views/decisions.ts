/**
 * The decisions log, a page per year: `/decisions/` lists the years and the latest decisions,
 * `/decisions/{year}/` one year's decisions with its filters. One page of every decision grew to
 * 2.7 MB at 5,500 decisions, more than a phone should fetch (docs/performance.md).
 */
import type { DecisionEntry, MeetingEntry, Portal } from "../content/model.ts";
import { byWhenDesc, committeeName, meetingOf, openFollowUps } from "../queries.ts";

/** How many of the newest decisions the log's front page shows. */
export const LATEST_DECISIONS = 20;

export const FOLLOW_UP_STATES = ["Follow-up open", "Follow-up done", "No follow-up"] as const;
type FollowUpState = (typeof FOLLOW_UP_STATES)[number];

export interface DecisionRow {
  readonly d: DecisionEntry;
  readonly m: MeetingEntry;
  readonly committee: string;
  /** The year of its meeting, e.g. "2024": the page of the log it is on. */
  readonly year: string;
  readonly follow: FollowUpState;
}

export interface YearOfDecisions {
  readonly year: string;
  /** Newest first. */
  readonly rows: readonly DecisionRow[];
}

export interface DecisionsLog {
  /** Newest year first; only years with decisions. */
  readonly years: readonly YearOfDecisions[];
  /** The newest decisions across all years, newest first. */
  readonly latest: readonly DecisionRow[];
}

const logs = new WeakMap<Portal, DecisionsLog>();

/** Every decision as a row of the log, newest meeting first, grouped by the year of its meeting. Once per portal. */
export function decisionsLog(portal: Portal): DecisionsLog {
  const known = logs.get(portal);
  if (known) return known;
  const rows = portal.decisions
    .map((d): DecisionRow => {
      const m = meetingOf(portal, d);
      const open = openFollowUps(d).length;
      return {
        d,
        m,
        committee: committeeName(portal, m.data.committee),
        year: m.data.date.slice(0, 4),
        follow: d.followUps.length === 0 ? "No follow-up" : open > 0 ? "Follow-up open" : "Follow-up done",
      };
    })
    .sort((a, b) => byWhenDesc(a.m.data.date, b.m.data.date) || a.d.id.localeCompare(b.d.id, "en", { numeric: true }));
  const byYear = new Map<string, DecisionRow[]>();
  for (const r of rows) {
    const list = byYear.get(r.year);
    if (list) list.push(r);
    else byYear.set(r.year, [r]);
  }
  const years = [...byYear].map(([year, list]) => ({ year, rows: list })).sort((a, b) => b.year.localeCompare(a.year));
  const log = { years, latest: rows.slice(0, LATEST_DECISIONS) };
  logs.set(portal, log);
  return log;
}
