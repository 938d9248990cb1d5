import * as z from "zod";
import { periodKey, slug, longText, text, when } from "./common.ts";
import { topicTags } from "./topic.ts";

/** One promise in a plan. Its URL is `/plans/{plan}/actions/{id}/`. */
const action = z.strictObject({
  id: slug.describe("URL slug within the plan, e.g. `1-1`."),
  ref: text.describe('The reference as printed, e.g. "1.1".'),
  title: text.describe("What was promised, in a line."),
  description: longText.optional().describe("The promise in more detail, as the plan words it (Markdown allowed)."),
  outcome: longText.optional().describe("Why it matters / the outcome sought, where the plan says."),
  impact: longText.optional().describe("The impact the plan expects, where it says."),
  lead: text.optional().describe("Who is responsible, as printed (a role, not a person's private details)."),
  due: periodKey.optional().describe("When it is due, as precisely as printed (a date, month, quarter …)."),
  dueAsPrinted: text.optional().describe('The due date as printed when it is not a period, e.g. "Ongoing".'),
  kpis: z.array(slug).default([]).describe("The indicators (KPI slugs) that measure it."),
  topics: topicTags,
});

/** A group of actions, e.g. one of the five areas of weakness. */
const area = z
  .strictObject({
    id: slug.describe("URL anchor within the plan page, e.g. `area-1`."),
    ref: text.describe('The reference as printed, e.g. "Area of weakness 1" or "Priority 2".'),
    title: text,
    summary: longText.optional(),
    actions: z.array(action),
    actionsNote: longText
      .optional()
      .describe(
        'Required when `actions` is empty: why, e.g. "The action plan for this priority has not been published yet."',
      ),
  })
  .superRefine((a, ctx) => {
    if (a.actions.length === 0 && !a.actionsNote)
      ctx.addIssue({
        code: "custom",
        path: ["actionsNote"],
        message:
          'an area with no actions needs actionsNote saying why (e.g. "Its actions have not been published yet.")',
      });
  });

/** A plan: `content/plans/{plan}.md`; front matter as below, the body describes the plan. */
export const planSchema = z.strictObject({
  title: text,
  summary: longText.describe("Two plain sentences: what the plan is and why it exists."),
  owner: text.describe('Who owns it, e.g. "Sefton Council and NHS Sefton".'),
  agreed: when.optional().describe("When it was agreed, as precisely as the papers say."),
  covers: text.optional().describe('The years it covers, e.g. "2023 to 2026".'),
  status: z
    .enum(["proposed", "active", "complete", "replaced"])
    .describe(
      "`proposed` while the papers show it awaiting approval (a draft put to a committee), `active` once adopted, `complete` or `replaced` once it has ended.",
    ),
  ended: when.optional().describe("When the plan ended or was replaced, as precisely as the papers say."),
  replacedBy: text
    .optional()
    .describe(
      'What replaced it, as the papers name it, e.g. "a revised SEND Improvement Plan (2023/24), which the papers mention but do not publish". Shown after "This plan has been replaced by".',
    ),
  order: z.number().int().default(100).describe("Where it is ordered on lists; lower first."),
  areas: z.array(area).min(1, { error: "a plan needs at least one area" }),
  sourceNotes: z.array(longText).default([]).describe("Where the transcription is uncertain."),
});

export type Plan = z.infer<typeof planSchema>;
export type Area = z.infer<typeof area>;
export type Action = z.infer<typeof action>;

/** One action, as the `actions` content collection holds it (src/content.config.ts). */
export const actionSchema = action;
