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
