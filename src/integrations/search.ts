import type { AstroIntegration } from "astro";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { SEARCHED_FILES } from "../lib/routes.ts";
import { chunkLastWord, readPagefindFile, widenChunkBounds, writePagefindFile } from "../lib/search-chunk-bounds.ts";

/**
 * Set by `npm run build` (and `build:test`): the search index is built by `npm run index` after
 * `astro build` has exited, so Astro's memory and Pagefind's are not held at the same time (at
 * 10,000 pages they peaked at 2.1 and 3.2 GB together: docs/performance.md, finding 2).
 */
const INDEX_AFTER_BUILD_ENV = "PORTAL_INDEX_AFTER_BUILD";

/**
 * How many word positions Pagefind puts in one index chunk (its default is 20,000). A search
 * downloads every chunk that holds one of its words, so on the sample, where no word fills a
 * chunk alone, the chunk size is most of what a first search costs: 13 typical searches fetched
 * 136 KB on average at 20,000, 108 KB at 5,000 and 103 KB at 2,500. At the largest synthetic
 * preset the commonest words fill chunks of their own whatever the size, and more chunks mean a
 * longer list that every search loads first: 289, 270 and 285 KB. Measured in docs/performance.md
 * ("First search"). Pagefind 1.6 reads this only from its environment, under a name it calls
 * unstable: should a later version drop it, chunks go back to the default size, which the site
 * test of chunk sizes catches.
 */
const INDEX_CHUNK_SIZE = 5000;
const CHUNK_SIZE_ENV = "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE";

/**
 * Builds the Pagefind index of the built site in `dir`. Any indexing error throws: a site whose
 * search silently misses pages must not be published. Returns how many pages were indexed.
 */
export async function indexSite(dir: string): Promise<number> {
  const pagefind = await import("pagefind");
  // Pagefind's indexer is a child process that reads the chunk size from the environment it is
  // started with (by createIndex). A size already set there (an experiment) is kept.
  const given = process.env[CHUNK_SIZE_ENV];
  process.env[CHUNK_SIZE_ENV] = given ?? String(INDEX_CHUNK_SIZE);
  const { index, errors } = await pagefind.createIndex({}).finally(() => {
    if (given === undefined) delete process.env[CHUNK_SIZE_ENV];
  });
  try {
    if (!index || errors.length) throw new Error(`Search index could not be created: ${errors.join("; ")}`);
    const added = await index.addDirectory({ path: dir, glob: SEARCHED_FILES });
    if (added.errors.length) throw new Error(`Search indexing failed: ${added.errors.join("; ")}`);
    if (added.page_count === 0) throw new Error("Search indexing found no pages with data-pagefind-body");
    const output = `${dir.replace(/\/+$/, "")}/pagefind/`;
    const written = await index.writeFiles({ outputPath: output });
    if (written.errors.length) throw new Error(`Search index could not be written: ${written.errors.join("; ")}`);
    widenIndexBounds(output);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}

/**
 * Rewrites each language's metadata so that every indexed word is found in its own chunk
 * (src/lib/search-chunk-bounds.ts). The file keeps its name: its content still follows from
 * Pagefind's, which the name hashes.
 */
function widenIndexBounds(output: string): void {
  const entry = JSON.parse(readFileSync(join(output, "pagefind-entry.json"), "utf8")) as {
    languages: Record<string, { hash: string }>;
  };
  for (const { hash } of Object.values(entry.languages)) {
    const file = join(output, `pagefind.${hash}.pf_meta`);
    const { meta } = widenChunkBounds(readPagefindFile(readFileSync(file)), (chunk) =>
      chunkLastWord(readPagefindFile(readFileSync(join(output, "index", `${chunk}.pf_index`)))),
    );
    writeFileSync(file, writePagefindFile(meta));
  }
}

/**
 * Builds the Pagefind index after the pages are written, unless the build was started by
 * `npm run build`, which indexes in its own step once Astro has exited (tools/cli/index-search.ts).
 * A bare `astro build` (tests, tools) still gets its index here.
 */
export function searchIndex(): AstroIntegration {
  return {
    name: "portal-search",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        if (process.env[INDEX_AFTER_BUILD_ENV] === "1") {
          logger.info("The search index is built next, in its own step (npm run index).");
          return;
        }
        const pages = await indexSite(fileURLToPath(dir));
        logger.info(`Indexed ${pages} pages for search`);
      },
    },
  };
}
