/**
 * The decisions log, a page per year: `/decisions/` lists the years and the latest decisions,
 * `/decisions/{year}/` one year's decisions with its filters. One page of every decision grew to
 * 2.7 MB at 5,500 decisions, more than a phone should fetch (docs/performance.md).
 */
import type { DecisionEntry, MeetingEntry, Portal } from "../content/model.ts";
import { byWhenDesc, committeeName, followUpCounts, followUpState, meetingOf } from "../queries.ts";
import { pushTo } from "../maps.ts";

/** How many of the newest decisions the log's front page shows. */
export const LATEST_DECISIONS = 20;

/** A decision's follow-ups in the log's filter: one the papers say nothing of is "not known", never "done". */
const FOLLOW_LABEL = {
  open: "Follow-up open",
  unknown: "Follow-up not known",
  done: "Follow-up done",
  none: "No follow-up",
} as const;
export const FOLLOW_UP_STATES = Object.values(FOLLOW_LABEL);
type FollowUpState = (typeof FOLLOW_LABEL)[keyof typeof FOLLOW_LABEL];

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

const logs = new WeakMap<Portal, Map<string, DecisionsLog>>();

/** Every decision as a row of the log, newest meeting first, grouped by the year of its meeting. Once per portal and day. */
export function decisionsLog(portal: Portal, today: string): DecisionsLog {
  let byDay = logs.get(portal);
  if (!byDay) logs.set(portal, (byDay = new Map()));
  const known = byDay.get(today);
  if (known) return known;
  const rows = portal.decisions
    .map((d): DecisionRow => {
      const m = meetingOf(portal, d);
      return {
        d,
        m,
        committee: committeeName(portal, m.data.committee),
        year: m.data.date.slice(0, 4),
        follow: FOLLOW_LABEL[followUpState(followUpCounts(portal, d, today)) ?? "none"],
      };
    })
    .sort((a, b) => byWhenDesc(a.m.data.date, b.m.data.date) || a.d.id.localeCompare(b.d.id, "en", { numeric: true }));
  const byYear = new Map<string, DecisionRow[]>();
  for (const r of rows) pushTo(byYear, r.year, r);
  const years = [...byYear].map(([year, list]) => ({ year, rows: list })).sort((a, b) => b.year.localeCompare(a.year));
  const log = { years, latest: rows.slice(0, LATEST_DECISIONS) };
  byDay.set(today, log);
  return log;
}
