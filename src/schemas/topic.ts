import * as z from "zod";
import { slug, text } from "./common.ts";

/**
 * A topic families look for, e.g. "Waiting for therapy". Declared once in `content/site.yml`;
 * indicators and actions name it by `id` in their `topics`. Topics classify: they say what a
 * measure or an action is about, never how it is going.
 */
export const topicSchema = z.strictObject({
  id: slug.describe(
    "Stable id, used in tags and in the address /kpis/#topic-{id}, e.g. `waiting-for-therapy`. Never change it once published.",
  ),
  label: text.describe('The topic as a parent would name it, e.g. "Waiting for therapy".'),
  description: text.describe(
    'One plain-English line saying what it covers, e.g. "How long children wait for speech and language therapy and other therapies."',
  ),
});

/** The topics an indicator or an action is about: ids from `topics` in `content/site.yml`. */
export const topicTags = z
  .array(slug)
  .default([])
  .describe("The topics it is about (topic ids from content/site.yml), e.g. [waiting-for-therapy]. Optional.");

export type Topic = z.infer<typeof topicSchema>;
