/**
 * The loader behind every content collection in src/content.config.ts. Astro's content layer calls
 * each collection's loader at once; they share one load of the whole content root (`loadPortal`), so
 * every problem in every file is still found in one run, located, with the same words as
 * `npm run check`, and the cross-file checks see every file.
 *
 * Each entry carries a digest of its file's text. Astro keeps the entries between builds (and
 * between reloads of the preview), so on the next load a file whose digest is unchanged is not
 * parsed, validated or rendered again: its kept data is used, and it is parsed only if a cross-check
 * needs to point at one of its lines. The cross-checks run every time.
 */
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { DataStore, Loader, LoaderContext } from "astro/loaders";
import { contentRoot } from "../content-root.ts";
import { sharePortal, shareProblems, shareReloader } from "../portal.ts";
import { loadPortal, type FileCache, type KeptFile } from "./load.ts";
import type { Portal } from "./model.ts";
import { formatProblems } from "./problems.ts";

/** Every collection, in the order the content layer's entries are listed. */
const COLLECTION_NAMES = ["site", "glossary", "committees", "plans", "actions", "kpis", "meetings", "decisions", "reportVersions"] as const;
type CollectionName = (typeof COLLECTION_NAMES)[number];

/** The loader's name, as Astro logs it. */
const LOADER_NAME = "portal-content";

/** The collection and entry a content file is, for the files that are entries of their own. */
function entryOfFile(file: string): { collection: CollectionName; id: string } | undefined {
  if (file === "content/site.yml") return { collection: "site", id: "site" };
  if (file === "content/glossary.yml") return { collection: "glossary", id: "glossary" };
  const m =
    /^content\/(committees)\/([^/]+)\.yml$/.exec(file) ??
    /^content\/(plans|meetings)\/([^/]+)\.md$/.exec(file) ??
    /^data\/(kpis)\/([^/]+)\.json$/.exec(file);
  if (m) return { collection: m[1] as CollectionName, id: m[2]! };
  const version = /^content\/reports\/([^/]+\/v[1-9]\d*)\.md$/.exec(file);
  return version ? { collection: "reportVersions", id: version[1]! } : undefined;
}

/**
 * Part of every digest: change it when what an entry keeps changes, so entries kept by an older
 * loader are read again rather than trusted.
 */
const STORE_FORMAT = "2";

/** What was kept of a file, from its entry. */
function keptOf(collection: CollectionName, entry: ReturnType<DataStore["get"]>): KeptFile | undefined {
  if (!entry) return undefined;
  if (collection === "glossary") return { data: entry.data["terms"] };
  // The body is taken from the file again (cheap); the rendering, where kept, is used as it is.
  return { data: entry.data, ...(entry.rendered ? { html: entry.rendered.html } : {}) };
}

/** An entry as the content layer stores it. */
interface StoredEntry {
  id: string;
  data: Record<string, unknown>;
  digest: string;
  filePath?: string;
  rendered?: { html: string };
}

/** The entries of each collection, from a loaded portal. */
function entriesOf(portal: Portal, digestOf: (file: string) => string, filePath: (file: string) => string): Record<CollectionName, StoredEntry[]> {
  const fileEntry = (id: string, file: string, data: object, html?: string): StoredEntry => ({
    id,
    data: data as Record<string, unknown>,
    digest: digestOf(file),
    filePath: filePath(file),
    ...(html !== undefined ? { rendered: { html } } : {}),
  });
  return {
    site: [fileEntry("site", "content/site.yml", portal.site)],
    glossary: [fileEntry("glossary", "content/glossary.yml", { terms: portal.glossary })],
    committees: portal.committees.map((c) => fileEntry(c.slug, c.file, c.data)),
    plans: portal.plans.map((p) => fileEntry(p.slug, p.file, p.data, p.html)),
    // An action and a decision are parts of a file: unchanged while their file is.
    actions: portal.plans.flatMap((p) =>
      p.actions.map((a) => ({
        id: a.key,
        data: { ...a, plan: { collection: "plans", id: a.plan } },
        digest: `${digestOf(p.file)}:${a.key}`,
        filePath: filePath(p.file),
      })),
    ),
    kpis: portal.kpis.map((k) => fileEntry(k.slug, k.file, k.data)),
    meetings: portal.meetings.map((m) => fileEntry(m.slug, m.file, m.data, m.html)),
    decisions: portal.meetings.flatMap((m) =>
      m.data.decisions.map((d) => ({
        id: d.id,
        data: { ...d, meeting: { collection: "meetings", id: m.slug } },
        digest: `${digestOf(m.file)}:${d.id}`,
        filePath: filePath(m.file),
      })),
    ),
    // Versions are most of the content by size, and Astro bundles the whole store into the build, so
    // their bodies are not kept: an unchanged version's body is taken from its file and rendered again
    // (a few per cent of the cost of loading it); its front matter is still not parsed or validated.
    reportVersions: portal.reports.flatMap((r) => r.versions.map((v) => fileEntry(v.slug, v.file, v.data))),
  };
}

/**
 * Puts a collection's entries in its store: an unchanged entry (same digest) is left as it is, a
 * gone one removed. (Astro lists a collection's entries by id, whatever the order they were set in.)
 */
function fill(store: DataStore, entries: readonly StoredEntry[]): void {
  const ids = new Set(entries.map((e) => e.id));
  for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
  for (const entry of entries) store.set(entry);
}

/** One load shared by every collection's loader in one sync of the content layer. */
interface Round {
  readonly contexts: Map<CollectionName, LoaderContext>;
  readonly done: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
}

let round: Round | undefined;

function newRound(): Round {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const done = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { contexts: new Map(), done, resolve, reject };
}

/** Loads the whole content root once, reusing unchanged files, and fills every collection. */
function loadAll(contexts: ReadonlyMap<CollectionName, LoaderContext>, { again = false } = {}): void {
  const first = contexts.values().next().value!;
  // Only the preview has a watcher: there, problems are shown in the page instead of stopping.
  const preview = first.watcher !== undefined;
  // The preview's integration (src/integrations/portal.ts) watches the content root and calls this again.
  if (preview) shareReloader(() => loadAll(contexts, { again: true }));
  const root = contentRoot();
  const cache: FileCache = {
    digest: (text) => `${STORE_FORMAT}:${first.generateDigest(text)}`,
    get(file, digest) {
      const at = entryOfFile(file);
      if (!at) return undefined;
      const entry = contexts.get(at.collection)?.store.get(at.id);
      return entry?.digest === digest ? keptOf(at.collection, entry) : undefined;
    },
  };
  const started = performance.now();
  const result = loadPortal(root, { cache });
  if (!result.ok) {
    const problems = formatProblems(result.problems);
    if (preview) {
      shareProblems(root, problems); // the entries stay as they were until the content is fixed
      if (!again) first.logger.error(`The content has problems:\n\n${problems}`); // again: the integration says
      return;
    }
    const error = new Error(`The content has problems:\n\n${problems}\n`);
    error.stack = ""; // the located problems are the whole story: no stack trace
    throw error;
  }
  sharePortal(root, result.portal);
  const reused = [...result.files.values()].filter((f) => f.reused).length;
  first.logger.info(
    `${result.files.size} content files, ${reused} unchanged since the last load (not parsed again): loaded and checked in ${Math.round(performance.now() - started)} ms`,
  );
  const siteRoot = fileURLToPath(first.config.root);
  const entries = entriesOf(
    result.portal,
    (file) => result.files.get(file)?.digest ?? "",
    (file) => relative(siteRoot, join(root, file)).split(sep).join("/"),
  );
  for (const [name, context] of contexts) fill(context.store, entries[name]);
}

/**
 * The loader of one collection. The content layer starts every collection's loader together; the
 * last to start loads the content for all of them, and each waits for that one load.
 */
export function portalLoader(collection: CollectionName): Loader {
  return {
    name: LOADER_NAME,
    load: (context) => {
      const current = (round ??= newRound());
      current.contexts.set(collection, context);
      if (current.contexts.size === COLLECTION_NAMES.length) {
        round = undefined;
        try {
          loadAll(current.contexts);
          current.resolve();
        } catch (error) {
          current.reject(error);
        }
      }
      return current.done;
    },
  };
}
