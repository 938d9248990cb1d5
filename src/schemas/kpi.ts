import * as z from "zod";
import { FREQUENCIES } from "./period.ts";
import { isoDate, periodKey, slug, longText, text } from "./common.ts";
import { topicTags } from "./topic.ts";

/** What a number counts or measures; decides how values are formatted. */
export const unit = z.enum(["percent", "count", "weeks", "days", "gbp", "rate", "score"]);

/**
 * Which way is better. `neither` for context measures (e.g. number of requests) that have no good direction;
 * `unstated` where the papers set a figure but do not say which way is better, so no verdict is worked out.
 */
export const better = z.enum(["higher", "lower", "neither", "unstated"]);

const frequency = z.enum(Object.keys(FREQUENCIES) as [keyof typeof FREQUENCIES, ...(keyof typeof FREQUENCIES)[]]);

/**
 * A target, stored as data so it can be resolved to a number for each period.
 * `wording` on the milestone keeps what the paper printed.
 */
export type TargetExpr =
  | { kind: "value"; value: number }
  | { kind: "baseline-plus"; change: number; by: "percent" | "points" | "unstated" }
  | { kind: "comparator"; comparator: string; plus?: number | undefined; printed?: number | undefined }
  | { kind: "max" | "min"; of: TargetExpr[] }
  | { kind: "unquantified" };

const targetExpr: z.ZodType<TargetExpr> = z.lazy(() =>
  z.discriminatedUnion("kind", [
    /** A fixed number in the KPI's unit. */
    z.strictObject({ kind: z.literal("value"), value: z.number() }),
    /**
     * Relative to the baseline: `by: "percent"` scales it ("baseline plus 10%" of 30 is 33),
     * `by: "points"` adds in the KPI's unit (percentage points for a percentage). `by: "unstated"` where a
     * paper prints "baseline plus 10%" for a percentage without saying which it means: both readings are
     * shown and the target is not turned into a number.
     */
    z.strictObject({
      kind: z.literal("baseline-plus"),
      change: z.number(),
      by: z.enum(["percent", "points", "unstated"]),
    }),
    /**
     * Equal to a comparator (e.g. the national average) for the period judged, optionally plus an offset.
     * `printed` is the comparator's value as the paper printed it with the milestone ("the national average
     * of 9%"); it is used when the comparator series has no figure for the period judged.
     */
    z.strictObject({
      kind: z.literal("comparator"),
      comparator: slug,
      plus: z.number().optional(),
      printed: z.number().optional(),
    }),
    /** The higher (`max`) or lower (`min`) of several targets, e.g. "50% or the national average, whichever is higher". */
    z.strictObject({ kind: z.enum(["max", "min"]), of: z.array(targetExpr).min(2) }),
    /** A target the paper states only in words; it can never give a status. */
    z.strictObject({ kind: z.literal("unquantified") }),
  ]),
);

/** One point of the target trajectory. */
const milestone = z.strictObject({
  period: periodKey
    .optional()
    .describe(
      'The period by which the target should be met (e.g. `2020-01` for "6 months"). Leave it out for a target with no date ("England average", "by the end of the plan"): it then applies to every figure that no dated milestone covers.',
    ),
  label: text.optional().describe('The milestone\'s name as printed, e.g. "6 months".'),
  target: targetExpr,
  wording: text.describe('The target exactly as the paper words it, e.g. "Baseline plus 10%".'),
});

/** An earlier value of a period that was later corrected. */
const revision = z.strictObject({
  value: z.number().nullable().describe("The value as first published (`null` if it was published as missing)."),
  revised: isoDate.describe("The day the correction was made."),
  reason: longText.describe("Why it changed, in plain words."),
});

/**
 * One period's value. A missing value is `null` with a reason, never `0`.
 */
const observation = z
  .strictObject({
    period: periodKey,
    value: z.number().nullable().describe("The figure in the KPI's unit, or `null` when there is none."),
    count: z
      .number()
      .int()
      .nonnegative()
      .optional()
      .describe('The count behind a percentage where printed, e.g. 697 in "25.0% (697)".'),
    missing: text.optional().describe("Why there is no value (required when `value` is null and not suppressed)."),
    /** True when the figure is withheld because small numbers could identify children. */
    suppressed: z.literal(true).optional(),
    /** True when the figure may still change (e.g. before validation). */
    provisional: z.literal(true).optional(),
    /** True when the figure is a forecast or an expected figure, not a measurement; it is never judged. */
    projected: z.literal(true).optional(),
    asAt: isoDate
      .optional()
      .describe("For a period still in progress: the day the figure was taken (e.g. year to date as at 2023-10-19)."),
    revisions: z.array(revision).optional().describe("Earlier published values of this period, oldest first."),
    note: text.optional().describe("A short note shown beside the value."),
  })
  .superRefine((o, ctx) => {
    if (o.value === null && !o.missing && !o.suppressed)
      ctx.addIssue({
        code: "custom",
        path: ["missing"],
        message: 'a value of null needs a reason: add "missing": "why there is no figure", or "suppressed": true',
      });
    if (o.value !== null && (o.missing || o.suppressed))
      ctx.addIssue({
        code: "custom",
        path: [o.missing ? "missing" : "suppressed"],
        message: "a period with a value cannot also be missing or suppressed: remove one of them",
      });
    if (o.projected && o.provisional)
      ctx.addIssue({
        code: "custom",
        path: ["projected"],
        message: "a figure is either projected (a forecast) or provisional (measured, may change), not both",
      });
  });

/**
 * What each figure of a series covers: `period` (the period alone, the default), `year-to-date`
 * (from the start of the year to the period's end or its `asAt` day) or `cumulative` (since the series began).
 */
const basis = z.enum(["period", "year-to-date", "cumulative"]);

/** One line of figures: a cohort measured at one frequency. */
const series = z.strictObject({
  id: slug.describe("Stable id within the KPI, e.g. `all`, `ehcp`, `sen-support`."),
  label: text.describe('The cohort as printed, e.g. "EHCP pupils".'),
  frequency,
  basis: basis.default("period"),
  values: z.array(observation),
});

/** A benchmark such as the national or North West average. */
const comparator = z.strictObject({
  id: slug.describe("e.g. `national`, `north-west`."),
  label: text.describe('e.g. "National average".'),
  series: slug.optional().describe("Which series it compares with; defaults to the first series."),
  values: z.array(
    z.strictObject({
      period: periodKey,
      value: z.number(),
      provisional: z.literal(true).optional().describe("The paper marks this comparator figure provisional."),
      note: text.optional(),
    }),
  ),
});

const baseline = z.strictObject({
  value: z.number().nullable(),
  period: periodKey.describe("The period the baseline describes."),
  note: text.optional().describe("Required when `value` is null: why there is no baseline yet."),
});

/** A change of baseline or targets; the old ones are kept here, never edited in place. */
const rebaseline = z.strictObject({
  date: isoDate.describe("The day the new baseline or targets took effect."),
  reason: longText,
  decision: slug.optional().describe("The decision that approved it (a decision id)."),
  previousBaseline: baseline.optional().describe("The baseline before the change."),
  previousTargets: z.array(milestone).optional().describe("The target trajectory before the change."),
});

/** A change in how the figure is defined or collected, so values either side are not like for like. */
const seriesBreak = z.strictObject({
  period: periodKey.describe("The first period measured the new way."),
  series: slug.optional().describe("The series whose basis changed (a series id); leave out when all changed."),
  description: longText,
});

/** The paper's own verdict on an indicator, as a report version printed it. */
const verdict = z.enum(["met", "on-track", "at-risk", "off-track", "not-met", "no-verdict"]);

/** What a report said about an indicator's progress, kept beside the status the portal works out. */
const judgement = z.strictObject({
  report: z
    .string()
    .regex(/^[a-z0-9-]+\/v[1-9]\d*$/, { error: "expected report-slug/vN, e.g. progress-report-2020/v1" })
    .describe("The report version that printed it (`report-slug/vN`)."),
  period: periodKey.optional().describe("The period of the figure the paper was judging, where it says."),
  about: text.optional().describe('What the verdict was measured against, e.g. "the December 2019 trajectory".'),
  verdict: verdict.describe(
    "The paper's verdict in one word: met, on-track, at-risk (e.g. slightly off track, amber), off-track (not on track, red), not-met, or no-verdict.",
  ),
  rag: z.enum(["red", "amber", "green"]).optional().describe("The RAG rating as printed, where there is one."),
  quote: text.describe("The paper's words, exactly as printed."),
});

/** The values an indicator can take, where they differ from its unit's (percent 0–100; counts, weeks, days 0 or more). */
const range = z.strictObject({ min: z.number().optional(), max: z.number().optional() });

/** Commentary published with the figures, kept as history. */
const commentary = z.strictObject({
  /** The report it was published in (`report-slug/v1`), where it came from one. */
  report: z
    .string()
    .regex(/^[a-z0-9-]+\/v[1-9]\d*$/, { error: "expected report-slug/vN, e.g. progress-report-2020/v1" })
    .optional(),
  period: periodKey.optional().describe("The period it talks about."),
  directionAsPrinted: text.optional().describe('The direction of travel as the officers printed it, e.g. "Improving".'),
  text: longText,
});

/** A key performance indicator: `data/kpis/{kpi}.json`; the file name is its URL slug. */
export const kpiSchema = z.strictObject({
  $schema: z.string().optional(),
  ref: text.describe('The reference as printed, e.g. "KPI 1/2a".'),
  title: text.describe("A plain-language title a parent understands."),
  printedTitle: text.optional().describe("The indicator's wording as printed, where it differs from the title."),
  meaning: longText.describe("What the number means and why it matters, in plain words."),
  unit,
  better,
  decimals: z
    .number()
    .int()
    .min(0)
    .max(3)
    .optional()
    .describe("Decimal places to show; defaults to 1 for percent and rate, otherwise 0."),
  source: text.describe('Where the figures come from, e.g. "Sefton Council EHCP tracker".'),
  plan: slug.optional().describe("The plan this indicator belongs to, if any; actions link to it by listing it."),
  topics: topicTags,
  continues: slug
    .optional()
    .describe(
      "An earlier indicator whose measure this one continues (a KPI slug), e.g. a new plan's version of the same waiting-time figure. Pages show them as one history, newest first.",
    ),
  range: range.optional(),
  baseline: baseline.optional(),
  targets: z.array(milestone).default([]),
  comparators: z.array(comparator).default([]),
  series: z.array(series).min(1, { error: "a KPI needs at least one series (e.g. all pupils)" }),
  rebaselines: z.array(rebaseline).default([]),
  breaks: z.array(seriesBreak).default([]),
  commentary: z.array(commentary).default([]),
  judgements: z.array(judgement).default([]).describe("What each report said about progress, as printed."),
  sourceNotes: z
    .array(longText)
    .default([])
    .describe("Where the transcription is uncertain: what the source shows and how it was read."),
});

export type Kpi = z.infer<typeof kpiSchema>;
export type Observation = z.infer<typeof observation>;
export type Milestone = z.infer<typeof milestone>;
export type Series = z.infer<typeof series>;
export type Unit = z.infer<typeof unit>;
export type Better = z.infer<typeof better>;
export type Judgement = z.infer<typeof judgement>;
export type Verdict = z.infer<typeof verdict>;
