/**
 * The folder tree is the architecture: schemas → domain (src/lib) → components and layouts → pages,
 * with the officer commands and the trust gates (tools/) beside the site, never inside it. These tests
 * read every import in the repository and fail on one that crosses a line the README draws.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const REPO = resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(join(REPO, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|astro)$/.test(e.name) && !e.name.endsWith(".d.ts"))
    .map((e) => relative(REPO, join(e.parentPath, e.name)));
}

/** The code of a file that can import: a TypeScript module, or an Astro component's frontmatter and scripts. */
function codeOf(file: string): string {
  const text = readFileSync(join(REPO, file), "utf8");
  if (!file.endsWith(".astro")) return text;
  const frontmatter = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? "";
  return frontmatter;
}

/** The repository files a file imports (relative imports only; packages are not part of the layout). */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(codeOf(file), true, true);
  return importedFiles
    .map((f) => f.fileName)
    .filter((name) => name.startsWith("."))
    .map((name) => relative(REPO, resolve(REPO, dirname(file), name)));
}

const FILES = [...sourceFiles("src"), ...sourceFiles("tools")];
const GRAPH = new Map(FILES.map((f) => [f, importsOf(f)]));

const crossings = (from: (f: string) => boolean, to: (f: string) => boolean): string[] =>
  [...GRAPH].flatMap(([file, imports]) => (from(file) ? imports.filter(to).map((i) => `${file} → ${i}`) : []));

describe("the layout", () => {
  it("reads the imports it checks (a known import is found)", () => {
    expect(GRAPH.get("src/lib/kpi-verdict.ts")).toContain("src/lib/kpi-status.ts");
    expect(GRAPH.get("src/pages/index.astro")?.length).toBeGreaterThan(0);
  });

  it("keeps the site free of the officer commands and the trust gates", () => {
    const site = (f: string) => /^src\/(lib|pages|components|layouts|integrations|schemas)\//.test(f);
    expect(crossings(site, (f) => f.startsWith("tools/"))).toEqual([]);
  });

  it("keeps the schemas free of the domain code, so the content model stands on its own", () => {
    expect(
      crossings(
        (f) => f.startsWith("src/schemas/"),
        (f) => !f.startsWith("src/schemas/"),
      ),
    ).toEqual([]);
  });

  it("keeps the domain code free of pages, components and layouts", () => {
    const domain = (f: string) => f.startsWith("src/lib/");
    expect(crossings(domain, (f) => /^src\/(pages|components|layouts)\//.test(f))).toEqual([]);
  });

  it("has no import cycles", () => {
    const cycles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const visit = (file: string, path: string[]): void => {
      if (state.get(file) === "done") return;
      if (state.get(file) === "open") {
        cycles.push([...path.slice(path.indexOf(file)), file].join(" → "));
        return;
      }
      state.set(file, "open");
      for (const next of GRAPH.get(file) ?? []) visit(next, [...path, file]);
      state.set(file, "done");
    };
    for (const file of GRAPH.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });
});

/**
 * The pages that do not read `astro:content`, each with its reason. Every other page takes its routes
 * and the entries it lists from the content collections (`getCollection`, `getEntry`), and a page that
 * stops doing so, or a new one that never did, fails here rather than drifting back to `getPortal()`.
 */
const WITHOUT_COLLECTIONS: Record<string, string> = {
  // Not about entries.
  "src/pages/404.astro": "fixed text",
  "src/pages/about/methodology.astro": "how verdicts are worked out: the rules' own words and numbers",
  "src/pages/schema/index.astro": "the content format, from the zod schemas",
  "src/pages/schema/[file].ts": "the JSON Schemas, from the zod schemas",
  "src/pages/search.astro": "the search page; its filters are named over the whole portal",
  // Views worked out over the whole portal (`getPortal()`): what they list is computed, not an entry.
  "src/pages/kpis/index.astro": "every indicator's verdict, grouped by topic and by ended plan",
  "src/pages/decisions/index.astro": "the decisions log: years, and the latest decisions with their follow-up state",
  "src/pages/decisions/[year].astro": "a year of the decisions log (routes are years)",
  "src/pages/changes/index.astro": "what changed, by meeting window",
  "src/pages/changes/[meeting].astro": "one window of changes (routes are the windows that end with a meeting)",
  "src/pages/feed.xml.ts": "every change, newest first",
};

describe("the pages", () => {
  const readsCollections = (file: string) =>
    ts.preProcessFile(codeOf(file), true, true).importedFiles.some((f) => f.fileName === "astro:content");

  it("read their entries through astro:content, but for the few listed with a reason", () => {
    const pages = FILES.filter((f) => f.startsWith("src/pages/"));
    expect(pages.filter((f) => !readsCollections(f)).sort()).toEqual(Object.keys(WITHOUT_COLLECTIONS).sort());
  });
});
