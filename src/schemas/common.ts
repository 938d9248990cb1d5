import * as z from "zod";
import { parsePeriod, PERIOD_FORMATS } from "./period.ts";

/**
 * Why a character cannot be published, or undefined if it can. Control characters
 * (C0, DEL, C1) are invisible, break feeds (XML 1.0 cannot carry most of them) and
 * calendars, and a line break in a one-line field becomes a new line in a CSV row or a
 * calendar property. Bidirectional overrides, embeddings and isolates make text display
 * in an order other than the one it is stored in (a figure or a name can be made to read
 * differently from what was checked); English text never needs them and right-to-left
 * scripts display correctly without them. Lone surrogates and U+FFFE/U+FFFF are not
 * characters at all.
 */
function refusal(c: string, multiline: boolean): string | undefined {
  const code = c.codePointAt(0)!;
  if (c === "\n" || c === "\r" || c === "\u2028" || c === "\u2029")
    return multiline && c === "\n" ? undefined : "a line break";
  if (c === "\t") return multiline ? undefined : "a tab";
  if (code <= 0x1f || (code >= 0x7f && code <= 0x9f)) return "a control character";
  if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069))
    return "a bidirectional control character";
  if ((code >= 0xd800 && code <= 0xdfff) || code === 0xfffe || code === 0xffff) return "a broken character";
  return undefined;
}

const hex = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

/** A character a field may not hold: where it is (1-based, columns count characters) and what to say. */
export interface RefusedCharacter {
  readonly line: number;
  readonly column: number;
  /** e.g. `a line break (U+000A)`. */
  readonly what: string;
  readonly fix: string;
}

/**
 * Every character `refusal` refuses, for one fast test of a whole text before it is read character by
 * character (nearly every text passes). With the Unicode flag, `\p{Cs}` is a lone surrogate only.
 */
/* eslint-disable no-control-regex -- the patterns are there to find control characters */
const MAY_REFUSE = {
  oneLine: /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff\p{Cs}]/u,
  multiline: /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff\p{Cs}]/u,
};
/* eslint-enable no-control-regex */

/** The first character that `value` may not hold, if any. */
export function findRefusedCharacter(value: string, multiline: boolean): RefusedCharacter | undefined {
  if (!MAY_REFUSE[multiline ? "multiline" : "oneLine"].test(value)) return undefined;
  let line = 1;
  let column = 0;
  for (const c of value) {
    column++;
    const why = refusal(c, multiline);
    if (why) {
      const fix =
        why === "a tab"
          ? "Replace it with a space"
          : why === "a line break"
            ? multiline
              ? "Use ordinary line breaks: a carriage return or a Unicode line separator is not allowed"
              : "Write it on one line"
            : "Delete it: it is invisible and often comes from copying out of a PDF or a word processor";
      return { line, column, what: `${why} (${hex(c)})`, fix };
    }
    if (c === "\n") {
      line++;
      column = 0;
    }
  }
  return undefined;
}

function refuseCharacters(multiline: boolean) {
  return (ctx: z.core.ParsePayload<string>) => {
    const found = findRefusedCharacter(ctx.value, multiline);
    if (!found) return;
    const where = found.line > 1 ? `line ${found.line}, column ${found.column} of the text` : `column ${found.column}`;
    ctx.issues.push({ code: "custom", message: `contains ${found.what} at ${where}. ${found.fix}`, input: ctx.value });
  };
}

const nonEmpty = z.string().trim().min(1, { error: "must not be empty" });

/** Text a person wrote, on one line: a title, name, label or short note. Refuses line breaks, tabs and control characters. */
export const text = nonEmpty.check(refuseCharacters(false));

/** Prose that may run over several lines (a description, commentary, a definition): tab and line feed are its only control characters. */
export const longText = nonEmpty.check(refuseCharacters(true));

/** A URL slug: lower-case letters, digits and single hyphens, e.g. `send-improvement-plan`. */
export const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
  error: "expected a slug: lower-case letters, digits and single hyphens (e.g. speech-and-language-waits)",
});

/** A calendar date written as YYYY-MM-DD, read as a UTC day. */
export const isoDate = z.iso.date({ error: "expected a real date written YYYY-MM-DD (e.g. 2023-09-26)" });

/** A period string (see `src/schemas/period.ts`): a date, month, quarter, year, term … */
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
