import type { AstroIntegration } from "astro";
import { fileURLToPath } from "node:url";

/**
 * Builds the Pagefind index after the pages are written. Any indexing error fails
 * the build: a site whose search silently misses pages must not be published.
 */
export function searchIndex(): AstroIntegration {
  return {
    name: "portal-search",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const pagefind = await import("pagefind");
        const { index, errors } = await pagefind.createIndex({});
        try {
          if (!index || errors.length) throw new Error(`Search index could not be created: ${errors.join("; ")}`);
          const added = await index.addDirectory({ path: fileURLToPath(dir) });
          if (added.errors.length) throw new Error(`Search indexing failed: ${added.errors.join("; ")}`);
          if (added.page_count === 0) throw new Error("Search indexing found no pages with data-pagefind-body");
          const written = await index.writeFiles({ outputPath: fileURLToPath(new URL("pagefind/", dir)) });
          if (written.errors.length) throw new Error(`Search index could not be written: ${written.errors.join("; ")}`);
          logger.info(`Indexed ${added.page_count} pages for search`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
