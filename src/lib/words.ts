/** Words the portal shows readers, in one place, in plain English. */
import type { ActionStatus } from "../schemas/index.ts";

export const ACTION_STATUS: Record<
  ActionStatus,
  { label: string; tone: "good" | "warn" | "bad" | "neutral" | "done"; meaning: string }
> = {
  complete: { label: "Complete", tone: "done", meaning: "The action has been finished." },
  "on-track": { label: "On track", tone: "good", meaning: "Progress is as planned." },
  "at-risk": {
    label: "At risk",
    tone: "warn",
    meaning: "Progress is behind plan and could miss its date without more work.",
  },
  "off-track": {
    label: "Off track",
    tone: "bad",
    meaning: "Progress is behind plan and will miss its date as things stand.",
  },
  "not-started": { label: "Not started", tone: "neutral", meaning: "Work has not begun." },
  "not-rated": {
    label: "Progress described, no rating",
    tone: "neutral",
    meaning: "The report describes progress but gives no rating.",
  },
};

export const NO_STATUS = {
  label: "Not yet reported",
  tone: "neutral" as const,
  meaning: "No report has recorded this action's progress yet.",
};

export const MEETING_STATUS = { scheduled: "Upcoming", held: "Held", cancelled: "Cancelled" } as const;
export const DECISION_KIND = {
  resolved: "Resolved",
  recommended: "Recommended",
  noted: "Noted",
  deferred: "Deferred",
} as const;
export const FOLLOW_UP_STATUS = {
  open: "Open",
  "in-progress": "In progress",
  done: "Done",
  dropped: "Dropped",
  unknown: "Not known (the papers do not say)",
} as const;
export const REPORT_STATUS = {
  draft: "Draft — not published",
  published: "Published",
  withdrawn: "Withdrawn",
} as const;

export const FREQUENCY_WORDS = {
  monthly: "monthly",
  quarterly: "quarterly",
  "four-monthly": "every four months",
  "half-yearly": "twice a year",
  "half-termly": "each half term",
  termly: "each term",
  annual: "yearly",
  "financial-year": "each financial year",
  "academic-year": "each academic year",
  snapshot: "on given dates",
} as const;

export const UNIT_WORDS = {
  percent: "Percentage",
  count: "Number",
  weeks: "Weeks",
  days: "Days",
  gbp: "Pounds (£)",
  rate: "Rate",
  score: "Score",
} as const;

export const BETTER_WORDS = {
  higher: "Higher is better",
  lower: "Lower is better",
  neither: "Neither higher nor lower is better in itself: it gives context",
  unstated: "The papers do not say whether higher or lower is better",
} as const;

/** What each figure of a series covers. */
export const BASIS_WORDS = {
  period: "the period alone",
  "year-to-date": "the year to date",
  cumulative: "the running total since the series began",
} as const;

export const PLAN_STATUS = {
  proposed: "Proposed: awaiting approval",
  active: "In force",
  complete: "Complete",
  replaced: "Replaced",
} as const;
