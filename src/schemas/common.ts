import * as z from "zod";
import { parsePeriod, PERIOD_FORMATS } from "../lib/period.ts";

/** Text a person wrote: at least one non-space character, trimmed of nothing. */
export const text = z.string().trim().min(1, { error: "must not be empty" });

/** A URL slug: lower-case letters, digits and single hyphens, e.g. `send-improvement-plan`. */
export const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
  error: "expected a slug: lower-case letters, digits and single hyphens (e.g. speech-and-language-waits)",
});

/** A calendar date written as YYYY-MM-DD, read as a UTC day. */
export const isoDate = z.iso.date({ error: "expected a real date written YYYY-MM-DD (e.g. 2023-09-26)" });

/** A period string (see `src/lib/period.ts`): a date, month, quarter, year, term … */
export const periodKey = z.string().refine((s) => parsePeriod(s) !== undefined, {
  error: `expected a period: ${PERIOD_FORMATS}`,
});

/**
 * When something happened, as precisely as the source says it: a full date where
 * printed, otherwise a month, quarter or year. `note` says why it is imprecise.
 */
export const when = periodKey;

/** A 24-hour clock time, e.g. `18:30`. */
export const clockTime = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, { error: "expected a 24-hour time written HH:MM (e.g. 18:30)" });

/** A web address outside the portal (council website, legislation). */
export const externalUrl = z.url({ protocol: /^https?$/, error: "expected a full web address starting https://" });
