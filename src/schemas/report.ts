import * as z from "zod";
import { slug, longText, text, when } from "./common.ts";

/** An officer's judgement of an action's progress, as a report records it. */
const actionStatus = z.enum(["not-started", "on-track", "at-risk", "off-track", "complete", "not-rated"]);

/** A reference to an action: `{plan}/{action}`, e.g. `send-improvement-plan/1-1`. */
export const actionRef = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/, {
  error: "expected plan-slug/action-id, e.g. send-improvement-plan/1-1",
});

/** One version of a report: `content/reports/{report}/v{n}.md`. The body is the report. */
export const reportVersionSchema = z
  .strictObject({
    title: text,
    summary: longText.describe("A plain-language summary of the report in a sentence or two."),
    published: when.describe("When this version was published, as precisely as known."),
    publishedNote: text
      .optional()
      .describe('Why the date is imprecise, e.g. "The meeting date is not printed on the paper."'),
    status: z.enum(["draft", "published", "withdrawn"]),
    withdrawnReason: longText.optional().describe("Required when withdrawn: why, in plain words."),
    changes: longText.optional().describe("What changed from the previous version (required from v2 on)."),
    meeting: slug.optional().describe("The meeting it was presented to (meeting slug)."),
    plan: slug.optional().describe("The plan it reports on (plan slug)."),
    authors: z.array(text).default([]).describe("Who wrote or presented it, as printed (roles)."),
    recommendations: z.array(longText).default([]).describe("What the report asks the meeting to do, as printed."),
    /** The status of each action as at this version, with commentary. */
    actions: z
      .array(
        z.strictObject({
          action: actionRef,
          status: actionStatus,
          commentary: longText.describe("The officer's commentary on progress."),
        }),
      )
      .default([]),
    kpis: z
      .array(z.strictObject({ kpi: slug, commentary: longText.optional() }))
      .default([])
      .describe("The indicators this version reports, optionally with its commentary."),
    sourceNotes: z.array(longText).default([]),
  })
  .superRefine((r, ctx) => {
    if (r.status === "withdrawn" && !r.withdrawnReason)
      ctx.addIssue({
        code: "custom",
        path: ["withdrawnReason"],
        message: "a withdrawn version needs withdrawnReason: say why it was withdrawn",
      });
  });

export type ReportVersion = z.infer<typeof reportVersionSchema>;
export type ActionStatus = z.infer<typeof actionStatus>;
