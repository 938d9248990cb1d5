import * as z from "zod";
import { actionRef } from "./report.ts";
import { clockTime, externalUrl, isoDate, periodKey, slug, longText, text, when } from "./common.ts";

/** A committee: `content/committees/{committee}.yml`. */
export const committeeSchema = z.strictObject({
  name: text,
  shortName: text.optional().describe('A short name for tight spaces, e.g. "Health and Wellbeing Board".'),
  purpose: longText.describe("What it does, in plain words."),
  url: externalUrl.optional().describe("Its page on the council's website."),
});

/** A follow-up to a decision: who does what by when. */
const followUp = z.strictObject({
  text: longText,
  owner: text.optional(),
  due: periodKey.optional(),
  status: z
    .enum(["open", "in-progress", "done", "dropped", "unknown"])
    .describe("`unknown` where the papers do not say whether it was done."),
  note: longText.optional(),
  cites: z
    .strictObject({
      meeting: slug.describe("The meeting (its slug) whose papers report on it."),
      item: text.optional().describe('The agenda item number there, as printed (e.g. "12").'),
    })
    .optional()
    .describe("Where the papers report progress on it: a later meeting and, where printed, its agenda item."),
});

/** What a committee decided. */
const decision = z.strictObject({
  id: slug.describe("Unique across the portal; the URL is `/decisions/{id}/`."),
  ref: text.describe('The reference as printed, e.g. "Minute 19 (1)".'),
  item: text.optional().describe("The agenda item it belongs to (its `number`)."),
  kind: z.enum(["resolved", "recommended", "noted", "deferred"]),
  /** The decision's words, as minuted. */
  text: longText,
  actions: z.array(actionRef).default([]).describe("What it concerns."),
  kpis: z.array(slug).default([]),
  reports: z.array(slug).default([]),
  followUps: z.array(followUp).default([]),
});

/** A paper on the agenda: a report in the portal, a document elsewhere, or just its title when neither is published. */
const paper = z.strictObject({
  title: text,
  /** A report slug, optionally with a version (`report-slug` or `report-slug/v2`). */
  report: z
    .string()
    .regex(/^[a-z0-9-]+(?:\/v[1-9]\d*)?$/, { error: "expected report-slug or report-slug/vN" })
    .optional(),
  url: externalUrl.optional(),
});

const agendaItem = z.strictObject({
  number: text
    .optional()
    .describe('The item number as printed, e.g. "19" or "8"; leave it out where the papers print none.'),
  title: text,
  summary: longText.optional().describe("What happened or what it is about, in a sentence."),
  papers: z.array(paper).default([]),
});

/** A meeting: `content/meetings/{meeting}.md`. The body holds minutes or notes. */
export const meetingSchema = z
  .strictObject({
    committee: slug,
    title: text.optional(),
    date: when.describe("The date, or as much of it as the papers say."),
    dateNote: text.optional().describe("Why the date is imprecise."),
    time: clockTime.optional().describe("Start time, 24-hour."),
    endTime: clockTime.optional().describe("End time, 24-hour, only where a paper prints one."),
    venue: text.optional(),
    status: z.enum(["scheduled", "held", "cancelled"]),
    sequence: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe(
        "Calendar revision: add one each time the date, time or venue changes, so calendars that subscribed update the event. Cancelling adds one by itself. Default 0.",
      ),
    cancelledReason: longText.optional().describe("Required when cancelled."),
    agenda: z.array(agendaItem).default([]),
    decisions: z.array(decision).default([]),
    minutesUrl: externalUrl.optional().describe("Where minutes are published, if elsewhere."),
    minutesApproved: isoDate.optional().describe("The day these minutes were approved, if known."),
    sourceNotes: z.array(longText).default([]),
  })
  .superRefine((m, ctx) => {
    if (m.status === "cancelled" && !m.cancelledReason)
      ctx.addIssue({ code: "custom", path: ["cancelledReason"], message: "a cancelled meeting needs cancelledReason" });
  });

export type Committee = z.infer<typeof committeeSchema>;
export type Meeting = z.infer<typeof meetingSchema>;
export type Decision = z.infer<typeof decision>;
export type FollowUp = z.infer<typeof followUp>;

/** One decision, as the `decisions` content collection holds it (src/content.config.ts). */
export const decisionSchema = decision;
