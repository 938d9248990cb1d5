/**
 * `npm run index [-- DIR]`: builds the search index of a built site, after `astro build` has exited
 * (`npm run build` runs both). DIR is the built site: by default where `astro build` writes it
 * (dist/ here, or dist/ inside the content root that PORTAL_DIR names). Fails loudly, exit 1, on
 * any indexing error or a site with no searchable page.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { contentRoot, exitOnContentRootError, isOwnRoot } from "../../src/lib/content-root.ts";
import { indexSite } from "../../src/integrations/search.ts";

const given = process.argv[2];
const dir = given
  ? resolve(given)
  : isOwnRoot()
    ? resolve("dist")
    : resolve(
        exitOnContentRootError(() => contentRoot()),
        "dist",
      );
if (!existsSync(resolve(dir, "index.html"))) {
  console.error(`${dir}/index.html does not exist: build the site first (npm run build builds and indexes it).`);
  process.exit(1);
}
const started = performance.now();
try {
  const pages = await indexSite(dir);
  console.log(
    `Indexed ${pages} pages for search in ${((performance.now() - started) / 1000).toFixed(1)} s (${dir}/pagefind/).`,
  );
} catch (e) {
  console.error((e as Error).message);
  process.exitCode = 1;
}
