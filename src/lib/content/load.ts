import { existsSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type * as z from "zod";
import {
  type Kpi,
  type Plan,
  committeeSchema,
  glossarySchema,
  kpiSchema,
  meetingSchema,
  planSchema,
  reportVersionSchema,
  siteSchema,
} from "../../schemas/index.ts";
import { boundaryProblems, listFolder, readBytesInside, readInside, type Lister } from "./boundary.ts";
import { bodyCharacterProblems, decodeUtf8 } from "./characters.ts";
import { crossCheck, kpiOwnProblems } from "./crosscheck.ts";
import { factsFor, type PortalFacts } from "./facts.ts";
import { checkPlausibility, kpiCheckedFrom, kpiPlausibilityProblems } from "./plausibility.ts";
import { today } from "../today.ts";
import { slugify } from "../slug.ts";
import { REDIRECTS_FILE, parseRedirects } from "./redirects.ts";
import { checkMarkdown, renderMarkdown } from "./markdown.ts";
import { checkMdxReferences, parseMdxBody } from "./mdx.ts";
import type { ActionEntry, Entry, MeetingEntry, PlanEntry, Portal, ReportEntry, VersionEntry } from "./model.ts";
import { formatPath, problemsFromZod, type Problem } from "./problems.ts";
import { parseJsonFile, parseMarkdownFile, parseYamlFile, splitFrontMatter, type SourceFile } from "./source.ts";

export type LoadResult =
  | { ok: true; portal: Portal; sources: SourceIndex; files: FileIndex }
  | { ok: false; problems: Problem[]; files: FileIndex };

/** What `npm run check` finds: the portal as the checks across files see it, or every problem. */
export type CheckResult = { ok: true; facts: PortalFacts; files: FileIndex } | { ok: false; problems: Problem[]; files: FileIndex };

/**
 * What an earlier load kept of each file, so an unchanged file is not parsed or validated again: Astro's
 * content layer keeps it between builds (src/lib/content/collections.ts), and `npm run check` between
 * checks (src/lib/content/check-cache.ts). Only files that passed their own checks (schema, Markdown,
 * characters, a KPI's own figures) are kept; the cross-checks, which depend on other files, run every time.
 */
interface KeptFiles {
  /** A digest of a file's text. */
  digest(text: string): string;
  /** What was kept of `file` when its text had this digest, if anything. */
  get(file: string, digest: string): KeptFile | undefined;
  /**
   * The digest and kept data of a file the cache can vouch for without reading it (`npm run check`:
   * its size, times and inode are as they were when it was last read), if any. The file is then read
   * only if its body or a field's line is asked for.
   */
  unchanged?(root: string, file: string): { digest: string; kept: KeptFile } | undefined;
}

/** A cache that keeps each file's whole validated data, as Astro's content store does. */
export interface FileCache extends KeptFiles {
  readonly factsOnly?: false;
}

/**
 * A cache that keeps only each file's facts (facts.ts), as `npm run check`'s does: enough for the
 * checks across files, not for pages.
 */
export interface FactsCache extends KeptFiles {
  readonly factsOnly: true;
}

/**
 * What a load keeps of one valid file: its validated data (or, in a {@link FactsCache}, its facts), and
 * its body's rendering where one was kept.
 */
export interface KeptFile {
  readonly data: unknown;
  readonly html?: string | undefined;
  /**
   * The first day on which the checks that read only this file, its figures' dates included
   * (`kpiOwnProblems`, `kpiPlausibilityProblems`), find nothing in exactly this text: "" for a file
   * whose own checks do not depend on the day. They are not run again from that day on.
   */
  readonly checkedFrom?: string | undefined;
}

/** Each file that passed its own checks, with its digest (when loaded with a {@link FileCache}), by path under the root. */
type FileIndex = ReadonlyMap<string, LoadedFile>;

export interface LoadedFile {
  readonly digest: string;
  /** Whether it was kept from an earlier load rather than validated now. */
  readonly reused: boolean;
  readonly kept: KeptFile;
  /** When every check of the file alone passed in this load, the first day they pass (see {@link KeptFile.checkedFrom}). */
  readonly checkedFrom?: string | undefined;
  /** How to take its facts from its data (facts.ts), by the schema it was validated with; none keeps it whole. */
  readonly facts?: ((data: unknown) => unknown) | undefined;
}


/** Where each entry's fields are, for cross-checks to point at. */
type SourceIndex = ReadonlyMap<string, SourceFile>;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A report version: `v{n}.md`, or `v{n}.mdx` to place the portal's components in its text. */
const VERSION_FILE = /^v([1-9]\d*)\.(mdx?)$/;

interface Collection {
  /** Folder under the root. */
  readonly dir: string;
  readonly ext: ".md" | ".yml" | ".json";
  /** What a file in it is, for messages. */
  readonly noun: string;
}

const COLLECTIONS = {
  committees: { dir: "content/committees", ext: ".yml", noun: "committee" },
  plans: { dir: "content/plans", ext: ".md", noun: "plan" },
  meetings: { dir: "content/meetings", ext: ".md", noun: "meeting" },
  kpis: { dir: "data/kpis", ext: ".json", noun: "KPI" },
} as const satisfies Record<string, Collection>;

function parseText(file: string, text: string): ReturnType<typeof parseYamlFile> {
  if (file.endsWith(".md") || file.endsWith(".mdx")) return parseMarkdownFile(file, text);
  if (file.endsWith(".json")) return parseJsonFile(file, text.replace(/^\uFEFF/, ""));
  return parseYamlFile(file, text.replace(/^\uFEFF/, ""));
}

const posix = (p: string) => p.split(sep).join("/");

/**
 * A {@link Lister} that reads each folder once: the boundary walk, the collections' listings and the
 * report folders all list the same folders. (Links were refused before anything is listed: boundaryProblems.)
 */
function listOnce(): Lister {
  const read = new Map<string, ReturnType<Lister>>();
  return (dir) => {
    let entries = read.get(dir);
    if (!entries) read.set(dir, (entries = listFolder(dir)));
    return entries;
  };
}

/** Lists a collection's files, reporting any file that cannot be one of its entries. */
function listCollection(run: Pick<Run, "root" | "list">, c: Collection, problems: Problem[]): { slug: string; file: string }[] {
  const { root } = run;
  const dir = join(root, c.dir);
  if (!existsSync(dir)) return [];
  const found: { slug: string; file: string }[] = [];
  for (const entry of run.list(dir)) {
    const { name } = entry;
    const folder = entry.isDirectory();
    const file = posix(relative(root, join(dir, name)));
    if (name.startsWith(".")) continue;
    if (!name.endsWith(c.ext) || folder) {
      problems.push({ file, message: `unexpected file in ${c.dir}: each ${c.noun} is one ${c.ext} file`, fix: `Rename it to end in ${c.ext}, or move it out of ${c.dir}` });
      continue;
    }
    const slug = name.slice(0, -c.ext.length);
    if (!SLUG.test(slug)) {
      problems.push({ file, message: `the file name "${slug}" is not a valid URL slug: use lower-case letters, digits and single hyphens`, fix: `Rename it, e.g. to ${slugify(slug)}${c.ext}` });
      continue;
    }
    found.push({ slug, file });
  }
  return found;
}

/** Version numbers that exist as files, valid or not, by report slug. */
function listedVersions(run: Pick<Run, "root" | "list">): Map<string, Set<number>> {
  const dir = join(run.root, "content/reports");
  const out = new Map<string, Set<number>>();
  if (!existsSync(dir)) return out;
  for (const entry of run.list(dir)) {
    if (!entry.isDirectory()) continue;
    out.set(entry.name, new Set(run.list(join(dir, entry.name)).flatMap((e) => VERSION_FILE.exec(e.name)?.[1] ?? []).map(Number)));
  }
  return out;
}


/**
 * An entry whose `html` is its Markdown body rendered the first time a page reads it: the build
 * renders every body once, as before, and `npm run check` never does (nor reads the body of a file
 * it has not had to read).
 */
function withHtml<T extends object>(entry: T, body: () => string | undefined, kept?: string): T & { readonly html: string } {
  let html: string | undefined = kept;
  return Object.defineProperty(entry, "html", {
    enumerable: true,
    get: () => (html ??= renderMarkdown(body() ?? "")),
  }) as T & { readonly html: string };
}

/** Reads a file's text, or the problem that stops it being read as UTF-8. */
function readText(run: Run, file: string): ReturnType<typeof decodeUtf8> {
  return decodeUtf8(readBytesInside(run.root, file), file);
}

/** Astro's content store reads a string starting with this as an image file to import at build. */
const ASTRO_IMAGE_PREFIX = "__ASTRO_IMAGE_";

/**
 * Text Astro's content store would take for an image to import from disk (src/lib/content/collections.ts
 * stores every file's data there): refused, so officer text never makes the build read a file.
 */
function reservedTextProblems(file: string, data: unknown, locate: SourceFile["locate"]): Problem[] {
  const problems: Problem[] = [];
  const visit = (value: unknown, path: (string | number)[]): void => {
    if (typeof value === "string") {
      if (value.startsWith(ASTRO_IMAGE_PREFIX))
        problems.push({
          file,
          line: locate(path),
          field: formatPath(path),
          message: `text may not start with ${ASTRO_IMAGE_PREFIX}: the site builder would read it as an image file to include`,
          fix: "Reword it so it starts otherwise",
        });
    } else if (Array.isArray(value)) value.forEach((v, i) => visit(v, [...path, i]));
    else if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) visit(v, [...path, k]);
  };
  visit(data, []);
  return problems;
}

/** One load's state: the problems found, each file's source (for locating) and what passed. */
interface Run {
  readonly root: string;
  readonly problems: Problem[];
  readonly sources: Map<string, SourceFile>;
  /** The files that passed their own checks so far: a file with a problem of its own is taken out. */
  readonly files: Map<string, LoadedFile>;
  readonly cache: FileCache | FactsCache | undefined;
  readonly list: Lister;
}

/**
 * Parses and validates one file against a schema; records problems, returns the data or undefined.
 * A file whose text passed before (`run.cache`) is taken as it was then: it is parsed again only if a
 * cross-check needs one of its lines.
 */
function validate<S extends z.ZodType>(
  run: Run,
  file: string,
  schema: S,
  /** Checks of the file's own data beyond its schema's, run (as the schema is) only on a file not kept. */
  more: (data: z.infer<S>) => Problem[] = () => [],
): { data: z.infer<S>; source: SourceFile; html?: string | undefined } | undefined {
  const { problems, sources, cache } = run;
  const unchanged = cache?.unchanged?.(run.root, file);
  let text: string | undefined;
  let digest: string | undefined;
  let kept: KeptFile | undefined;
  if (unchanged) ({ digest, kept } = unchanged);
  else {
    const decoded = readText(run, file);
    if (!decoded.ok) {
      problems.push(decoded.problem);
      return undefined;
    }
    text = decoded.text;
    digest = cache?.digest(text);
    kept = digest === undefined ? undefined : cache?.get(file, digest);
  }
  if (kept && digest !== undefined) {
    // The text, read now only if the file was vouched for unread (it passed as UTF-8 when it was read).
    const textOf = (): string => {
      if (text === undefined) {
        const decoded = readText(run, file);
        text = decoded.ok ? decoded.text : "";
      }
      return text;
    };
    let reparsed: ReturnType<typeof parseText> | undefined;
    const locate: SourceFile["locate"] = (path) => {
      reparsed ??= parseText(file, textOf());
      return reparsed.ok ? reparsed.source.locate(path) : undefined;
    };
    let split: ReturnType<typeof splitFrontMatter>;
    const splitOf = () => (split ??= splitFrontMatter(textOf()));
    const source: SourceFile = /\.mdx?$/.test(file)
      ? {
          file,
          data: kept.data,
          locate,
          get body() {
            return splitOf()?.body ?? "";
          },
          get bodyLine() {
            return splitOf()?.bodyLine ?? 1;
          },
        }
      : { file, data: kept.data, locate };
    sources.set(file, source);
    run.files.set(file, { digest, reused: true, kept });
    return { data: kept.data as z.infer<S>, source, html: kept.html };
  }
  if (text === undefined) return undefined; // unreachable: a file vouched for unread is always kept
  const parsed = parseText(file, text);
  if (!parsed.ok) {
    problems.push(...parsed.problems);
    return undefined;
  }
  const { source } = parsed;
  sources.set(file, source);
  const result = schema.safeParse(source.data);
  if (!result.success) {
    problems.push(...problemsFromZod({ file, issues: result.error.issues, data: source.data, locate: source.locate }));
    return undefined;
  }
  const own = [
    ...reservedTextProblems(file, result.data, source.locate),
    ...(source.body === undefined
      ? []
      : [
          // An MDX body is checked by its own parser first (loadReports), then as Markdown.
          ...(file.endsWith(".mdx") ? [] : checkMarkdown({ file, body: source.body, firstLine: source.bodyLine ?? 1 })),
          ...bodyCharacterProblems({ file, body: source.body, firstLine: source.bodyLine ?? 1 }),
        ]),
    ...more(result.data),
  ];
  problems.push(...own);
  if (own.length === 0 && digest !== undefined)
    run.files.set(file, { digest, reused: false, kept: { data: result.data }, facts: factsFor(schema) });
  return { data: result.data, source };
}

/** A plan's actions, area by area, each with the key reports and decisions use. */
export function planActions(slug: string, plan: Plan): ActionEntry[] {
  return plan.areas.flatMap((area) => area.actions.map((a) => ({ ...a, key: `${slug}/${a.id}`, plan: slug, area: area.id })));
}

/**
 * The text of a version: Markdown, rendered only when a page asks for it, or MDX checked and made ready
 * for its components. MDX is parsed on every load, cached or not, so its problems are always reported.
 */
function versionProse(file: string, source: SourceFile, problems: Problem[]): VersionEntry["prose"] | undefined {
  if (!file.endsWith(".mdx")) return withHtml({ format: "md" as const }, () => source.body);
  const body = source.body ?? "";
  const firstLine = source.bodyLine ?? 1;
  const { problems: found, parsed } = parseMdxBody({ file, body, firstLine });
  problems.push(...found);
  if (!parsed) return undefined;
  // Links and headings are checked on the Markdown around the components, line for line the same as the file.
  const more = checkMarkdown({ file, body: parsed.markdown, firstLine });
  problems.push(...more);
  return more.length ? undefined : { format: "mdx", mdx: parsed };
}

/** Reads `content/reports/{report}/v{n}.md` (or `.mdx`). */
function loadReports(run: Run): ReportEntry[] {
  const { root, problems } = run;
  const dir = join(root, "content/reports");
  if (!existsSync(dir)) return [];
  const reports: ReportEntry[] = [];
  for (const entry of run.list(dir)) {
    const slug = entry.name;
    const isFolder = entry.isDirectory();
    if (slug.startsWith(".")) continue;
    const folder = join(dir, slug);
    const rel = posix(relative(root, folder));
    if (!isFolder) {
      problems.push({ file: rel, message: "a report is a folder of versions, not a single file", fix: `Move it to content/reports/${slugify(slug.replace(/\.md$/, ""))}/v1.md` });
      continue;
    }
    if (!SLUG.test(slug)) {
      problems.push({ file: rel, message: `the folder name "${slug}" is not a valid URL slug`, fix: `Rename it, e.g. to ${slugify(slug)}` });
      continue;
    }
    const versions: VersionEntry[] = [];
    const numbers: number[] = [];
    const fileOf = new Map<number, string>();
    for (const { name } of run.list(folder)) {
      if (name.startsWith(".")) continue;
      const file = `${rel}/${name}`;
      const m = VERSION_FILE.exec(name);
      if (!m) {
        problems.push({ file, message: `unexpected file in a report folder: versions are named v1.md, v2.md, … (or v1.mdx, … to use components)`, fix: "Rename it to the next version number" });
        continue;
      }
      const n = Number(m[1]);
      const twin = fileOf.get(n);
      if (twin !== undefined) {
        problems.push({ file, message: `version ${n} is written twice, as ${twin} and as ${file}`, fix: "Keep one of the two files" });
        continue;
      }
      fileOf.set(n, file);
      numbers.push(n);
      const valid = validate(run, file, reportVersionSchema, (data) =>
        n > 1 && !data.changes
          ? [{ file, line: 1, field: "changes", message: `required from version 2 on, but missing`, fix: "Say in a sentence what changed from the previous version" }]
          : [],
      );
      if (!valid) continue;
      const prose = versionProse(file, valid.source, problems);
      if (!prose) {
        run.files.delete(file);
        continue;
      }
      const { source } = valid;
      // The text as written, read when a page asks for it.
      const entry = { slug: `${slug}/v${n}`, report: slug, n, file, data: valid.data, prose };
      versions.push(Object.defineProperty(entry, "body", { enumerable: true, get: () => source.body ?? "" }) as VersionEntry);
    }
    numbers.sort((a, b) => a - b);
    if (numbers.length === 0) {
      problems.push({ file: rel, message: "a report folder needs at least v1.md" });
    }
    numbers.forEach((n, i) => {
      if (n !== i + 1)
        problems.push({ file: fileOf.get(n) ?? `${rel}/v${n}.md`, message: `versions must run v1, v2, … without gaps; expected v${i + 1}.md, found v${n}.md`, fix: `Rename it to v${i + 1}.md` });
    });
    versions.sort((a, b) => a.n - b.n);
    reports.push({ slug, versions });
  }
  return reports;
}

/**
 * What the components of every MDX version refer to, checked against what loaded. `kpiData`: an
 * indicator's whole data, for a `<KpiFigure>` to be checked against its figures.
 */
function mdxReferenceProblems(
  portal: PortalFacts,
  options: { knownKpis: ReadonlySet<string>; complete: boolean; kpiData: (slug: string) => Kpi | undefined },
): Problem[] {
  const refs = {
    kpis: { get: options.kpiData },
    knownKpis: options.knownKpis,
    decisions: options.complete ? new Map(portal.meetings.flatMap((m) => m.data.decisions.map((d) => [d.id, m.data.date] as const))) : undefined,
    actions: options.complete ? new Set(portal.plans.flatMap((p) => p.actions.map((a) => a.key))) : undefined,
  };
  return portal.reports.flatMap((r) =>
    r.versions.flatMap((v) =>
      v.prose.format === "mdx" ? checkMdxReferences({ file: v.file, published: v.data.published, components: v.prose.mdx.components, refs }) : [],
    ),
  );
}

/** A file's whole validated data, read again: for a file a {@link FactsCache} kept only the facts of. */
function wholeData<S extends z.ZodType>(run: Run, file: string, schema: S): z.infer<S> | undefined {
  const decoded = readText(run, file);
  const parsed = decoded.ok ? parseText(file, decoded.text) : undefined;
  const result = parsed?.ok ? schema.safeParse(parsed.source.data) : undefined;
  return result?.success ? result.data : undefined;
}

/**
 * Loads, validates and cross-checks a whole content root. Every problem in every
 * file is collected; the portal is returned only when there are none.
 */
export function loadPortal(root: string, options: { cache?: FileCache | undefined } = {}): LoadResult {
  const { problems, portal, sources, files } = load(root, options.cache);
  if (problems.length || !portal.site) return { ok: false, problems, files };
  return { ok: true, portal, sources, files };
}

/**
 * `npm run check`: what {@link loadPortal} finds, with a cache that keeps only each unchanged file's
 * facts. Every problem is the same, in the same words, file and line; no portal is made for pages.
 */
export function checkContent(root: string, options: { cache?: FactsCache | undefined } = {}): CheckResult {
  const { problems, portal, files } = load(root, options.cache);
  if (problems.length || !portal.site) return { ok: false, problems, files };
  return { ok: true, facts: portal, files };
}

/**
 * The load behind both. With a {@link FactsCache}, the data of an entry taken from it is only its
 * facts, whatever its type says: that portal is only cross-checked and counted (as {@link PortalFacts}).
 */
function load(root: string, cache: FileCache | FactsCache | undefined): { problems: Problem[]; portal: Portal; sources: SourceIndex; files: FileIndex } {
  const problems: Problem[] = [];
  const sources = new Map<string, SourceFile>();
  const files = new Map<string, LoadedFile>();
  const run: Run = { root, problems, sources, files, cache, list: listOnce() };
  const empty = { site: undefined!, committees: [], plans: [], kpis: [], reports: [], meetings: [], decisions: [], glossary: [] };
  problems.push(...boundaryProblems(root, run.list));
  if (problems.length) return { problems, portal: empty, sources, files };

  for (const dir of ["content", "data"]) {
    if (!existsSync(join(root, dir))) problems.push({ file: dir, message: `the ${dir}/ folder is missing from ${root}`, fix: "Point PORTAL_DIR at a folder with content/ and data/" });
  }
  if (problems.length) return { problems, portal: empty, sources, files };

  const site = existsSync(join(root, "content/site.yml"))
    ? validate(run, "content/site.yml", siteSchema)?.data
    : (problems.push({ file: "content/site.yml", message: "the site settings file is missing", fix: "Create it with title, organisation, description, baseUrl and contact" }), undefined);

  const glossary = existsSync(join(root, "content/glossary.yml"))
    ? validate(run, "content/glossary.yml", glossarySchema)?.data ?? []
    : [];

  const committees: Entry<z.infer<typeof committeeSchema>>[] = [];
  for (const { slug, file } of listCollection(run, COLLECTIONS.committees, problems)) {
    const v = validate(run, file, committeeSchema);
    if (v) committees.push({ slug, file, data: v.data });
  }

  const plans: PlanEntry[] = [];
  for (const { slug, file } of listCollection(run, COLLECTIONS.plans, problems)) {
    const v = validate(run, file, planSchema);
    if (!v) continue;
    plans.push(withHtml({ slug, file, data: v.data, areas: v.data.areas, actions: planActions(slug, v.data) }, () => v.source.body, v.html));
  }
  if (plans.length === 0 && !problems.some((p) => p.file.startsWith("content/plans"))) {
    problems.push({ file: "content/plans", message: "no plans found: the portal needs at least one plan", fix: "Add content/plans/{plan}.md" });
  }

  const kpis: Entry<z.infer<typeof kpiSchema>>[] = [];
  for (const { slug, file } of listCollection(run, COLLECTIONS.kpis, problems)) {
    const v = validate(run, file, kpiSchema);
    if (v) kpis.push({ slug, file, data: v.data });
  }

  const meetings: MeetingEntry[] = [];
  for (const { slug, file } of listCollection(run, COLLECTIONS.meetings, problems)) {
    const v = validate(run, file, meetingSchema);
    if (v) meetings.push(withHtml({ slug, file, data: v.data }, () => v.source.body, v.html));
  }

  const reports = loadReports(run);
  if (existsSync(join(root, REDIRECTS_FILE))) {
    for (const p of parseRedirects(readInside(root, REDIRECTS_FILE)).problems)
      problems.push({ file: REDIRECTS_FILE, line: Number(/:(\d+)$/.exec(p.where ?? "")?.[1]) || undefined, message: p.message });
  }
  const decisions = meetings.flatMap((m) => m.data.decisions.map((d) => ({ ...d, meeting: m.slug })));

  const portal: Portal = { site: site!, committees, plans, kpis, reports, meetings, decisions, glossary };
  const day = today();

  // A KPI's own checks, on its whole data, unless it passed them in exactly this text on a day not after today.
  const checkedFrom = new Map<string, string>();
  for (const { file, data } of kpis) {
    const kept = files.get(file);
    if (kept?.reused && kept.kept.checkedFrom !== undefined && kept.kept.checkedFrom <= day) {
      checkedFrom.set(file, kept.kept.checkedFrom);
      continue;
    }
    const own = [...kpiOwnProblems(data, file, sources), ...kpiPlausibilityProblems(data, file, sources, day)];
    problems.push(...own);
    if (own.length) files.delete(file);
    else checkedFrom.set(file, kpiCheckedFrom(data));
  }
  const kpiBySlug = new Map(kpis.map((k) => [k.slug, k]));
  // A KPI kept only as facts is read whole when a figure in a report names it, once however many do.
  const wholeKpis = new Map<string, Kpi | undefined>();
  const kpiData = (slug: string): Kpi | undefined => {
    const entry = kpiBySlug.get(slug);
    if (!entry) return undefined;
    if (!(cache?.factsOnly && files.get(entry.file)?.reused)) return entry.data;
    if (!wholeKpis.has(slug)) wholeKpis.set(slug, wholeData(run, entry.file, kpiSchema));
    return wholeKpis.get(slug);
  };

  // Cross-check what did parse. An entry whose file failed its schema still
  // exists, so references to it are not reported as missing a second time.
  const listed = (c: Collection) => new Set(listCollection(run, c, []).map((e) => e.slug));
  const kpiSlugs = listed(COLLECTIONS.kpis);
  problems.push(
    ...crossCheck(portal, sources, {
      committees: listed(COLLECTIONS.committees),
      plans: listed(COLLECTIONS.plans),
      kpis: kpiSlugs,
      meetings: listed(COLLECTIONS.meetings),
      reports: new Set(reports.map((r) => r.slug)),
      reportVersions: listedVersions(run),
    }),
    ...checkPlausibility(portal, sources, { today: day }),
    ...mdxReferenceProblems(portal, {
      knownKpis: kpiSlugs,
      complete: !problems.some((p) => p.file.startsWith("content/meetings") || p.file.startsWith("content/plans")),
      kpiData,
    }),
  );
  for (const [file, f] of files) files.set(file, { ...f, checkedFrom: checkedFrom.get(file) ?? "" });
  return { problems, portal, sources, files };
}
