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
const PREVIEW_LISTS = {
  kpis: (p: Portal) => p.kpis.map((k) => [k.slug, k] as const),
  committees: (p: Portal) => p.committees.map((c) => [c.slug, c] as const),
  meetings: (p: Portal) => p.meetings.map((m) => [m.slug, m] as const),
  plans: (p: Portal) => p.plans.map((plan) => [plan.slug, plan] as const),
  actions: (p: Portal) => p.plans.flatMap((plan) => plan.actions.map((a) => [a.key, a] as const)),
  decisions: (p: Portal) => p.decisions.map((d) => [d.id, d] as const),
};
type PreviewKind = keyof typeof PREVIEW_LISTS;
type PreviewEntry<K extends PreviewKind> = ReturnType<(typeof PREVIEW_LISTS)[K]>[number][1];

const previewIndexes = new WeakMap<Portal, Map<PreviewKind, ReadonlyMap<string, unknown>>>();
function inPreview<K extends PreviewKind>(kind: K, id: string): PreviewEntry<K> | undefined {
  const portal = previewPortal();
  if (!portal) return undefined;
  let indexes = previewIndexes.get(portal);
  if (!indexes) previewIndexes.set(portal, (indexes = new Map()));
  let index = indexes.get(kind);
  if (!index) indexes.set(kind, (index = new Map<string, unknown>(PREVIEW_LISTS[kind](portal))));
  return index.get(id) as PreviewEntry<K> | undefined;
}

/** A file's entry: its id is its slug. (`file` is where Astro keeps it, relative to the project.) */
const fileEntry = <T>(entry: { id: string; data: T; filePath?: string | undefined }): Entry<T> => ({
  slug: entry.id,
  file: entry.filePath ?? "",
  data: entry.data,
});

/** A file's entry, with its data as the preview's loader last validated it where there is a preview. */
function fileEntryOf<T>(
  latest: { data: T } | undefined,
  entry: { id: string; data: T; filePath?: string | undefined },
): Entry<T> {
  return { ...fileEntry(entry), ...(latest ? { data: latest.data } : {}) };
}

export const kpiEntry = (entry: CollectionEntry<"kpis">): Entry<Kpi> => fileEntryOf(inPreview("kpis", entry.id), entry);

export const committeeEntry = (entry: CollectionEntry<"committees">): Entry<Committee> =>
  fileEntryOf(inPreview("committees", entry.id), entry);

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
  const latest = inPreview("meetings", entry.id);
  return latest
    ? { ...fileEntry(entry), data: latest.data, html: latest.html }
    : { ...fileEntry(entry), html: entry.rendered?.html ?? "" };
};

/** An action, with its plan as the plan's slug. */
export const actionEntry = (entry: CollectionEntry<"actions">): ActionEntry =>
  inPreview("actions", entry.id) ?? {
    ...entry.data,
    plan: entry.data.plan.id,
  };

/** A decision, with its meeting as the meeting's slug. */
export const decisionEntry = (entry: CollectionEntry<"decisions">): DecisionEntry =>
  inPreview("decisions", entry.id) ?? {
    ...entry.data,
    meeting: entry.data.meeting.id,
  };

/** A plan with its actions, in the plan's order (each is also an entry of the `actions` collection). */
export const planEntry = (entry: CollectionEntry<"plans">): PlanEntry => {
  const latest = inPreview("plans", entry.id);
  return latest
    ? { ...fileEntry(entry), data: latest.data, html: latest.html, areas: latest.areas, actions: latest.actions }
    : {
        ...fileEntry(entry),
        html: entry.rendered?.html ?? "",
        areas: entry.data.areas,
        actions: planActions(entry.id, entry.data),
      };
};
