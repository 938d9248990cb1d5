import * as z from "zod";
import { slug, longText, text } from "./common.ts";

/** One term: `content/glossary.yml` is a list of these. Its anchor is `/glossary/#{id}`. */
const termSchema = z.strictObject({
  id: slug.describe("Anchor id, e.g. `ehcp`."),
  term: text.describe('The term or acronym as written, e.g. "EHCP".'),
  expansion: text.optional().describe('The words an acronym stands for, e.g. "Education, Health and Care Plan".'),
  definition: longText.describe("What it means, for a parent meeting it for the first time."),
  aliases: z.array(text).default([]).describe('Other spellings to recognise in text, e.g. "EHC plan".'),
});

export const glossarySchema = z.array(termSchema).min(1, { error: "the glossary needs at least one term" });
export type Term = z.infer<typeof termSchema>;
