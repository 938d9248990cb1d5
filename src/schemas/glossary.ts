import * as z from "zod";
import { slug, text } from "./common.ts";

/** One term: `content/glossary.yml` is a list of these. Its anchor is `/glossary/#{id}`. */
export const termSchema = z.strictObject({
  /** Anchor id, e.g. `ehcp`. */
  id: slug,
  /** The term or acronym as written, e.g. "EHCP". */
  term: text,
  /** The words an acronym stands for, e.g. "Education, Health and Care Plan". */
  expansion: text.optional(),
  /** What it means, for a parent meeting it for the first time. */
  definition: text,
  /** Other spellings to recognise in text, e.g. "EHC plan". */
  aliases: z.array(text).default([]),
});

export const glossarySchema = z.array(termSchema).min(1, { error: "the glossary needs at least one term" });
export type Term = z.infer<typeof termSchema>;
