/**
 * Entries of the content collections (src/content.config.ts), as read with `getCollection` and
 * `getEntry`, in the shape the domain views take (src/lib/content/model.ts). The data is the
 * validated data as it is: only cross-entry references (`reference()`) become the ids the domain
 * uses, and a Markdown body its rendering.
 */
import type { CollectionEntry } from "astro:content";
import type { ActionEntry, DecisionEntry, Entry, MeetingEntry, PlanEntry } from "./content/model.ts";
import type { Committee, Kpi, Site } from "../schemas/index.ts";
import { planActions } from "./content/load.ts";

/** A file's entry: its id is its slug. (`file` is where Astro keeps it, relative to the project.) */
const fileEntry = <T>(entry: { id: string; data: T; filePath?: string | undefined }): Entry<T> => ({
  slug: entry.id,
  file: entry.filePath ?? "",
  data: entry.data,
});

export const kpiEntry = (entry: CollectionEntry<"kpis">): Entry<Kpi> => fileEntry(entry);

export const committeeEntry = (entry: CollectionEntry<"committees">): Entry<Committee> => fileEntry(entry);

/** The site's settings: the one entry of `site` (content/site.yml), which every build has. */
export function siteData(entry: CollectionEntry<"site"> | undefined): Site {
  if (!entry) throw new Error("The site settings (content/site.yml) are not in the content collections");
  return entry.data;
}

/**
 * Entries in the order of their files, the order the loader reads a folder in and `getPortal()` lists
 * them: Astro lists a collection by id, and the two differ where one slug starts another
 * (`panel-2.json` comes before `panel.json`). Lists whose order is published keep the files' order.
 */
export const inFileOrder = <T extends { readonly file: string }>(entries: readonly T[]): T[] =>
  [...entries].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));

export const meetingEntry = (entry: CollectionEntry<"meetings">): MeetingEntry => ({
  ...fileEntry(entry),
  html: entry.rendered?.html ?? "",
});

/** An action, with its plan as the plan's slug. */
export const actionEntry = (entry: CollectionEntry<"actions">): ActionEntry => ({
  ...entry.data,
  plan: entry.data.plan.id,
});

/** A decision, with its meeting as the meeting's slug. */
export const decisionEntry = (entry: CollectionEntry<"decisions">): DecisionEntry => ({
  ...entry.data,
  meeting: entry.data.meeting.id,
});

/** A plan with its actions, in the plan's order (each is also an entry of the `actions` collection). */
export const planEntry = (entry: CollectionEntry<"plans">): PlanEntry => ({
  ...fileEntry(entry),
  html: entry.rendered?.html ?? "",
  areas: entry.data.areas,
  actions: planActions(entry.id, entry.data),
});
