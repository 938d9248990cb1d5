import * as z from "zod";
import { actionRef } from "./report.ts";
import { clockTime, externalUrl, isoDate, periodKey, slug, text, when } from "./common.ts";

/** A committee: `content/committees/{committee}.yml`. */
export const committeeSchema = z.strictObject({
  name: text,
  /** A short name for tight spaces, e.g. "Health and Wellbeing Board". */
  shortName: text.optional(),
  /** What it does, in plain words. */
  purpose: text,
  /** Its page on the council's website. */
  url: externalUrl.optional(),
});

/** A follow-up to a decision: who does what by when. */
export const followUp = z.strictObject({
  text,
  owner: text.optional(),
  due: periodKey.optional(),
  status: z.enum(["open", "in-progress", "done", "dropped"]),
  note: text.optional(),
});

/** What a committee decided. */
export const decision = z.strictObject({
  /** Unique across the portal; the URL is `/decisions/{id}/`. */
  id: slug,
  /** The reference as printed, e.g. "Minute 19 (1)". */
  ref: text,
  /** The agenda item it belongs to (its `number`). */
  item: text.optional(),
  kind: z.enum(["resolved", "recommended", "noted", "deferred"]),
  /** The decision's words, as minuted. */
  text,
  /** What it concerns. */
  actions: z.array(actionRef).default([]),
  kpis: z.array(slug).default([]),
  reports: z.array(slug).default([]),
  followUps: z.array(followUp).default([]),
});

/** A paper on the agenda: a report in the portal, a document elsewhere, or just its title when neither is published. */
export const paper = z.strictObject({
  title: text,
  /** A report slug, optionally with a version (`report-slug` or `report-slug/v2`). */
  report: z
    .string()
    .regex(/^[a-z0-9-]+(?:\/v[1-9]\d*)?$/, { error: "expected report-slug or report-slug/vN" })
    .optional(),
  url: externalUrl.optional(),
});

export const agendaItem = z.strictObject({
  /** The item number as printed, e.g. "19" or "8"; leave it out where the papers print none. */
  number: text.optional(),
  title: text,
  /** What happened or what it is about, in a sentence. */
  summary: text.optional(),
  papers: z.array(paper).default([]),
});

/** A meeting: `content/meetings/{meeting}.md`. The body holds minutes or notes. */
export const meetingSchema = z
  .strictObject({
    committee: slug,
    title: text.optional(),
    /** The date, or as much of it as the papers say. */
    date: when,
    /** Why the date is imprecise. */
    dateNote: text.optional(),
    /** Start time, 24-hour. */
    time: clockTime.optional(),
    venue: text.optional(),
    status: z.enum(["scheduled", "held", "cancelled"]),
    /**
     * Calendar revision: add one each time the date, time or venue changes, so calendars
     * that subscribed update the event. Cancelling adds one by itself. Default 0.
     */
    sequence: z.number().int().min(0).optional(),
    /** Required when cancelled. */
    cancelledReason: text.optional(),
    agenda: z.array(agendaItem).default([]),
    decisions: z.array(decision).default([]),
    /** Where minutes are published, if elsewhere. */
    minutesUrl: externalUrl.optional(),
    /** The day these minutes were approved, if known. */
    minutesApproved: isoDate.optional(),
    sourceNotes: z.array(text).default([]),
  })
  .superRefine((m, ctx) => {
    if (m.status === "cancelled" && !m.cancelledReason)
      ctx.addIssue({ code: "custom", path: ["cancelledReason"], message: "a cancelled meeting needs cancelledReason" });
  });

export type Committee = z.infer<typeof committeeSchema>;
export type Meeting = z.infer<typeof meetingSchema>;
export type Decision = z.infer<typeof decision>;
export type FollowUp = z.infer<typeof followUp>;
