/**
 * Entries of the content collections (src/content.config.ts), as read with `getCollection` and
 * `getEntry`, in the shape the domain views take (src/lib/content/model.ts). The data is the
 * validated data as it is: only cross-entry references (`reference()`) become the ids the domain
 * uses, and a Markdown body its rendering.
 */
import type { CollectionEntry } from "astro:content";
import type { ActionEntry, DecisionEntry, Entry, MeetingEntry, PlanEntry, Portal } from "./content/model.ts";
import type { Committee, Kpi, Site, Term } from "../schemas/index.ts";
import { planActions } from "./content/load.ts";
import { previewPortal } from "./portal.ts";

/**
 * In the preview, an entry as the loader last validated it, by its id. The store's entries are made
 * from the same portal (src/lib/content/collections.ts), but after an edit Astro rewrites its whole
 * store and the preview re-imports it before pages see the change: 7.75 s at the largest preset
 * (docs/performance.md), where the loader's portal is current in about a second. A build has no
 * preview portal, so its pages read Astro's entries.
 */
const previewIndexes = new WeakMap<Portal, Map<string, ReadonlyMap<string, unknown>>>();
function inPreview<T>(
  kind: string,
  id: string,
  list: (portal: Portal) => readonly T[],
  idOf: (t: T) => string,
): T | undefined {
  const portal = previewPortal();
  if (!portal) return undefined;
  let indexes = previewIndexes.get(portal);
  if (!indexes) previewIndexes.set(portal, (indexes = new Map()));
  let index = indexes.get(kind);
  if (!index) indexes.set(kind, (index = new Map(list(portal).map((t) => [idOf(t), t]))));
  return index.get(id) as T | undefined;
}

/** A file's entry: its id is its slug. (`file` is where Astro keeps it, relative to the project.) */
const fileEntry = <T>(entry: { id: string; data: T; filePath?: string | undefined }): Entry<T> => ({
  slug: entry.id,
  file: entry.filePath ?? "",
  data: entry.data,
});

/** A file's entry, with its data as the preview's loader last validated it where there is a preview. */
function fileEntryOf<T>(
  kind: string,
  list: (portal: Portal) => readonly Entry<T>[],
  entry: { id: string; data: T; filePath?: string | undefined },
): Entry<T> {
  const latest = inPreview(kind, entry.id, list, (e) => e.slug);
  return { ...fileEntry(entry), ...(latest ? { data: latest.data } : {}) };
}

export const kpiEntry = (entry: CollectionEntry<"kpis">): Entry<Kpi> => fileEntryOf("kpis", (p) => p.kpis, entry);

export const committeeEntry = (entry: CollectionEntry<"committees">): Entry<Committee> =>
  fileEntryOf("committees", (p) => p.committees, entry);

/** The site's settings: the one entry of `site` (content/site.yml), which every build has. */
export function siteData(entry: CollectionEntry<"site"> | undefined): Site {
  if (!entry) throw new Error("The site settings (content/site.yml) are not in the content collections");
  return previewPortal()?.site ?? entry.data;
}

/**
 * The glossary's terms in their file's order: the one entry of `glossary` (content/glossary.yml), or
 * none. In the preview, as the loader last validated them, as the layout's acronym marking has them.
 */
export function glossaryTerms(entry: CollectionEntry<"glossary"> | undefined): readonly Term[] {
  return previewPortal()?.glossary ?? entry?.data.terms ?? [];
}

/**
 * Entries in the order of their files, the order the loader reads a folder in and `getPortal()` lists
 * them: Astro lists a collection by id, and the two differ where one slug starts another
 * (`panel-2.json` comes before `panel.json`). Lists whose order is published keep the files' order.
 */
export const inFileOrder = <T extends { readonly file: string }>(entries: readonly T[]): T[] =>
  [...entries].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));

export const meetingEntry = (entry: CollectionEntry<"meetings">): MeetingEntry => {
  const latest = inPreview(
    "meetings",
    entry.id,
    (p) => p.meetings,
    (m) => m.slug,
  );
  return latest
    ? { ...fileEntry(entry), data: latest.data, html: latest.html }
    : { ...fileEntry(entry), html: entry.rendered?.html ?? "" };
};

/** An action, with its plan as the plan's slug. */
export const actionEntry = (entry: CollectionEntry<"actions">): ActionEntry =>
  inPreview(
    "actions",
    entry.id,
    (p) => p.plans.flatMap((plan) => plan.actions),
    (a) => a.key,
  ) ?? {
    ...entry.data,
    plan: entry.data.plan.id,
  };

/** A decision, with its meeting as the meeting's slug. */
export const decisionEntry = (entry: CollectionEntry<"decisions">): DecisionEntry =>
  inPreview(
    "decisions",
    entry.id,
    (p) => p.decisions,
    (d) => d.id,
  ) ?? {
    ...entry.data,
    meeting: entry.data.meeting.id,
  };

/** A plan with its actions, in the plan's order (each is also an entry of the `actions` collection). */
export const planEntry = (entry: CollectionEntry<"plans">): PlanEntry => {
  const latest = inPreview(
    "plans",
    entry.id,
    (p) => p.plans,
    (p) => p.slug,
  );
  return latest
    ? { ...fileEntry(entry), data: latest.data, html: latest.html, areas: latest.areas, actions: latest.actions }
    : {
        ...fileEntry(entry),
        html: entry.rendered?.html ?? "",
        areas: entry.data.areas,
        actions: planActions(entry.id, entry.data),
      };
};
