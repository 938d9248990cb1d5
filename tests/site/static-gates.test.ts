import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, matchesGlob } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { scanSite, type SiteScan } from "../../tools/gates/html-scan.ts";
import { loadValidatorConfig, validateHtml } from "../../tools/gates/html-validity.ts";
import { checkLinks } from "../../tools/gates/links.ts";
import { formatGateProblems } from "../../src/lib/published-problem.ts";
import { checkThirdPartyReferences } from "../../tools/gates/privacy-static.ts";
import { checkPageWeight } from "../../tools/gates/page-weight.ts";
import { checkProjectUrls, projectFiles } from "../../tools/gates/project.ts";
import { builtSite, root } from "./built-site.ts";
import { readPagefindFile, type Cbor } from "../../src/lib/search-chunk-bounds.ts";
import { SEARCHED_FILES } from "../../src/lib/routes.ts";

let site: SiteScan;
beforeAll(async () => {
  site = scanSite(builtSite());
});

describe("the built site", () => {
  it("has no broken internal link or anchor", () => {
    expect(formatGateProblems(checkLinks(site))).toEqual([]);
  });

  it("is valid HTML on every page", async () => {
    const config = loadValidatorConfig(join(root, ".htmlvalidate.json"));
    expect(formatGateProblems(await validateHtml({ dir: site.dir, pages: site.pages.keys(), config }))).toEqual([]);
  });

  it("has no page too heavy for a phone (over 150 KB gzipped)", () => {
    expect(formatGateProblems(checkPageWeight(site.dir, site.pages.keys()))).toEqual([]);
  });

  it("splits its search index into small chunks, so a first search on a phone fetches little (none over 16 KB)", () => {
    // A search downloads each chunk holding one of its words; at Pagefind's default chunk size the
    // sample's chunks are about 30 KB each (src/integrations/search.ts, INDEX_CHUNK_SIZE).
    const dir = join(site.dir, "pagefind", "index");
    const heavy = readdirSync(dir)
      .map((f) => ({ f, kb: statSync(join(dir, f)).size / 1024 }))
      .filter(({ kb }) => kb > 16)
      .map(({ f, kb }) => `${f}: ${kb.toFixed(1)} KB`);
    expect(heavy).toEqual([]);
  });

  it("names each search index chunk by bounds that hold all its words, so a search loads only its words' chunks", () => {
    // Outside its chunk's bounds a word falls back to Pagefind's loose matching, which loads other chunks too.
    const dir = join(site.dir, "pagefind");
    const entry = JSON.parse(readFileSync(join(dir, "pagefind-entry.json"), "utf8")) as {
      languages: Record<string, { hash: string }>;
    };
    const outside: string[] = [];
    for (const { hash } of Object.values(entry.languages)) {
      const meta = readPagefindFile(readFileSync(join(dir, `pagefind.${hash}.pf_meta`))) as Cbor[];
      for (const [from, to, chunk] of meta[2] as [string, string, string][]) {
        const words = (readPagefindFile(readFileSync(join(dir, "index", `${chunk}.pf_index`))) as Cbor[][])[0]!;
        for (const [word] of words as [string][]) if (word < from || word > to) outside.push(`${word} (${from}–${to})`);
      }
    }
    expect(outside).toEqual([]);
  });

  it("indexes every page marked for search, and reads no other page for it", () => {
    // Pagefind reads only the files SEARCHED_FILES names: a page marked for search outside it would be missing.
    const marked = [...site.pages].filter(([, page]) => page.searched).map(([file]) => file);
    const entry = JSON.parse(readFileSync(join(site.dir, "pagefind", "pagefind-entry.json"), "utf8")) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0)).toBe(marked.length);
    expect(marked.filter((f) => !matchesGlob(f, SEARCHED_FILES))).toEqual([]);
    // Besides them it reads only redirects from an old address (a few lines each), which sit among searched pages.
    const unmarked = [...site.pages].filter(([, page]) => !page.searched && !page.refreshTo).map(([f]) => f);
    expect(unmarked.filter((f) => matchesGlob(f, SEARCHED_FILES))).toEqual([]);
  });

  it("loads nothing from another website", () => {
    expect(formatGateProblems(checkThirdPartyReferences(site))).toEqual([]);
  });

  it("still answers every address in urls.lock, and locks every address it publishes", () => {
    expect(formatGateProblems(checkProjectUrls(site, projectFiles(root)))).toEqual([]);
  });
});
