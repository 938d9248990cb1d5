// @ts-check
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import mdx from "@astrojs/mdx";
import { defineConfig } from "astro/config";
import { parse } from "yaml";
import { portalContent } from "./src/integrations/portal.ts";
import { searchIndex } from "./src/integrations/search.ts";

const root = resolve(process.env.PORTAL_DIR ?? process.cwd());
/** The public address, from the content root's site settings (validated by portalContent). */
const site = (() => {
  try {
    return parse(readFileSync(resolve(root, "content/site.yml"), "utf8"))?.baseUrl;
  } catch {
    return undefined;
  }
})();

export default defineConfig({
  site,
  trailingSlash: "always",
  build: { format: "directory", inlineStylesheets: "never" },
  integrations: [portalContent(), mdx(), searchIndex()],
  devToolbar: { enabled: false },
  prefetch: false,
});
