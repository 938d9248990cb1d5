/** Reading what a content root already has, for the publishing commands to check against. */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { kpiSchema } from "../../src/schemas/index.ts";
import { decodeUtf8 } from "../../src/lib/content/characters.ts";
import type { Problem } from "../../src/lib/content/problems.ts";
import type { KpiSource } from "./values.ts";

/**
 * A content file's text, or the problem that stops a command from touching it: a file
 * that is not UTF-8 is refused, never decoded with replacement characters and written back.
 */
export function readContentText(
  root: string,
  file: string,
): { ok: true; text: string } | { ok: false; problem: Problem } {
  return decodeUtf8(readFileSync(join(root, file)), file);
}

/** The slugs of a collection: file names in `dir` ending in `ext` (or, with no `ext`, folder names), sorted. */
export function listSlugs(root: string, dir: string, ext?: string): string[] {
  const path = join(root, dir);
  if (!existsSync(path)) return [];
  return readdirSync(path)
    .filter((name) => !name.startsWith("."))
    .filter((name) => (ext === undefined ? statSync(join(path, name)).isDirectory() : name.endsWith(ext)))
    .map((name) => (ext === undefined ? name : name.slice(0, -ext.length)))
    .sort();
}

/** Every KPI file that passes its schema, by slug, and the slugs of those that do not. */
export function readKpiSources(root: string): { kpis: Map<string, KpiSource>; broken: Set<string> } {
  const kpis = new Map<string, KpiSource>();
  const broken = new Set<string>();
  for (const slug of listSlugs(root, "data/kpis", ".json")) {
    const file = `data/kpis/${slug}.json`;
    const read = readContentText(root, file);
    if (!read.ok) {
      broken.add(slug);
      continue;
    }
    try {
      const parsed = kpiSchema.safeParse(JSON.parse(read.text.replace(/^\uFEFF/, "")));
      if (parsed.success) kpis.set(slug, { slug, file, data: parsed.data });
      else broken.add(slug);
    } catch {
      broken.add(slug);
    }
  }
  return { kpis, broken };
}

/** The version numbers present in `content/reports/{report}/` (`v{n}.md` or `v{n}.mdx`), sorted, with the extension of each. */
export function reportVersions(root: string, report: string): { n: number; ext: ".md" | ".mdx" }[] {
  const dir = `content/reports/${report}`;
  const files = [
    ...listSlugs(root, dir, ".md").map((name) => ({ name, ext: ".md" as const })),
    ...listSlugs(root, dir, ".mdx").map((name) => ({ name, ext: ".mdx" as const })),
  ];
  return files
    .flatMap(({ name, ext }) => {
      const n = /^v([1-9]\d*)$/.exec(name)?.[1];
      return n === undefined ? [] : [{ n: Number(n), ext }];
    })
    .sort((a, b) => a.n - b.n);
}
