import * as z from "zod";
import { periodKey, slug, text, when } from "./common.ts";

/** One promise in a plan. Its URL is `/plans/{plan}/actions/{id}/`. */
export const action = z.strictObject({
  /** URL slug within the plan, e.g. `1-1`. */
  id: slug,
  /** The reference as printed, e.g. "1.1". */
  ref: text,
  /** What was promised, in a line. */
  title: text,
  /** The promise in more detail, as the plan words it (Markdown allowed). */
  description: text.optional(),
  /** Why it matters / the outcome sought, where the plan says. */
  outcome: text.optional(),
  /** The impact the plan expects, where it says. */
  impact: text.optional(),
  /** Who is responsible, as printed (a role, not a person's private details). */
  lead: text.optional(),
  /** When it is due, as precisely as printed (a date, month, quarter …). */
  due: periodKey.optional(),
  /** The due date as printed when it is not a period, e.g. "Ongoing". */
  dueAsPrinted: text.optional(),
  /** The indicators (KPI slugs) that measure it. */
  kpis: z.array(slug).default([]),
});

/** A group of actions, e.g. one of the five areas of weakness. */
export const area = z.strictObject({
  /** URL anchor within the plan page, e.g. `area-1`. */
  id: slug,
  /** The reference as printed, e.g. "Area of weakness 1" or "Priority 2". */
  ref: text,
  title: text,
  summary: text.optional(),
  actions: z.array(action).min(1, { error: "an area needs at least one action" }),
});

/** A plan: `content/plans/{plan}.md`; front matter as below, the body describes the plan. */
export const planSchema = z.strictObject({
  title: text,
  /** Two plain sentences: what the plan is and why it exists. */
  summary: text,
  /** Who owns it, e.g. "Sefton Council and NHS Sefton". */
  owner: text,
  /** When it was agreed, as precisely as the papers say. */
  agreed: when.optional(),
  /** The years it covers, e.g. "2023 to 2026". */
  covers: text.optional(),
  status: z.enum(["active", "complete", "replaced"]),
  /** Where it is ordered on lists; lower first. */
  order: z.number().int().default(100),
  areas: z.array(area).min(1, { error: "a plan needs at least one area" }),
  /** Where the transcription is uncertain. */
  sourceNotes: z.array(text).default([]),
});

export type Plan = z.infer<typeof planSchema>;
export type Area = z.infer<typeof area>;
export type Action = z.infer<typeof action>;
