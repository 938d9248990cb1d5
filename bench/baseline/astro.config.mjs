// @ts-check
// A bare Astro setup for the benchmark's baseline: plain Markdown pages in a content collection,
// indexed by Pagefind the same way the portal is. `npm run bench` copies this project to a
// temporary folder, writes the pages, and builds it with this repository's node_modules.
import { fileURLToPath } from "node:url";
import { defineConfig } from "astro/config";

export default defineConfig({
  trailingSlash: "always",
  build: { format: "directory" },
  devToolbar: { enabled: false },
  integrations: [
    {
      name: "baseline-search",
      hooks: {
        "astro:build:done": async ({ dir, logger }) => {
          const pagefind = await import("pagefind");
          try {
            const { index } = await pagefind.createIndex({});
            if (!index) throw new Error("Pagefind could not start");
            const added = await index.addDirectory({ path: fileURLToPath(dir) });
            await index.writeFiles({ outputPath: fileURLToPath(new URL("pagefind/", dir)) });
            logger.info(`Indexed ${added.page_count} pages for search`);
          } finally {
            await pagefind.close();
          }
        },
      },
    },
  ],
});
