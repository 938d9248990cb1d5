import * as z from "zod";
import { periodKey, slug, text, when } from "./common.ts";

/** One promise in a plan. Its URL is `/plans/{plan}/actions/{id}/`. */
const action = z.strictObject({
  id: slug.describe("URL slug within the plan, e.g. `1-1`."),
  ref: text.describe('The reference as printed, e.g. "1.1".'),
  title: text.describe("What was promised, in a line."),
  description: text.optional().describe("The promise in more detail, as the plan words it (Markdown allowed)."),
  outcome: text.optional().describe("Why it matters / the outcome sought, where the plan says."),
  impact: text.optional().describe("The impact the plan expects, where it says."),
  lead: text.optional().describe("Who is responsible, as printed (a role, not a person's private details)."),
  due: periodKey.optional().describe("When it is due, as precisely as printed (a date, month, quarter …)."),
  dueAsPrinted: text.optional().describe('The due date as printed when it is not a period, e.g. "Ongoing".'),
  kpis: z.array(slug).default([]).describe("The indicators (KPI slugs) that measure it."),
});

/** A group of actions, e.g. one of the five areas of weakness. */
const area = z.strictObject({
  id: slug.describe("URL anchor within the plan page, e.g. `area-1`."),
  ref: text.describe('The reference as printed, e.g. "Area of weakness 1" or "Priority 2".'),
  title: text,
  summary: text.optional(),
  actions: z.array(action).min(1, { error: "an area needs at least one action" }),
});

/** A plan: `content/plans/{plan}.md`; front matter as below, the body describes the plan. */
export const planSchema = z.strictObject({
  title: text,
  summary: text.describe("Two plain sentences: what the plan is and why it exists."),
  owner: text.describe('Who owns it, e.g. "Sefton Council and NHS Sefton".'),
  agreed: when.optional().describe("When it was agreed, as precisely as the papers say."),
  covers: text.optional().describe('The years it covers, e.g. "2023 to 2026".'),
  status: z.enum(["active", "complete", "replaced"]),
  order: z.number().int().default(100).describe("Where it is ordered on lists; lower first."),
  areas: z.array(area).min(1, { error: "a plan needs at least one area" }),
  sourceNotes: z.array(text).default([]).describe("Where the transcription is uncertain."),
});

export type Plan = z.infer<typeof planSchema>;
export type Area = z.infer<typeof area>;
export type Action = z.infer<typeof action>;
