// @ts-check
import { resolve } from "node:path";
import mdx from "@astrojs/mdx";
import { defineConfig } from "astro/config";
import { parse } from "yaml";
import { readInside } from "./src/lib/content/boundary.ts";
import { pageCsp } from "./src/integrations/page-csp.ts";
import { portalContent } from "./src/integrations/portal.ts";
import { searchIndex } from "./src/integrations/search.ts";
import { sitemap } from "./src/integrations/sitemap.ts";
import { redirects } from "./src/integrations/redirects.ts";
import { CSP_DIRECTIVES, CSP_SCRIPT_SOURCES } from "./src/lib/security-policy.ts";

// No network at build: Astro's usage telemetry (which would also report build errors, with officers'
// content in their messages) is off for this project on every machine, not only where someone ran
// `astro telemetry disable`. Astro reads this variable each time it would send.
process.env.ASTRO_TELEMETRY_DISABLED = "1";

const root = resolve(process.env.PORTAL_DIR ?? process.cwd());
/** The public address, from the content root's site settings (validated by portalContent). */
const site = (() => {
  try {
    return parse(readInside(root, "content/site.yml"))?.baseUrl;
  } catch {
    return undefined;
  }
})();

export default defineConfig({
  site,
  trailingSlash: "always",
  build: { format: "directory", inlineStylesheets: "never" },
  integrations: [portalContent(), mdx(), sitemap(), redirects(), pageCsp(), searchIndex()],
  devToolbar: { enabled: false },
  // A strict Content-Security-Policy in every page's <meta> (src/lib/security-policy.ts); Astro adds
  // hashes for its scripts and styles, and the portal integration keeps only those each page uses.
  security: {
    csp: {
      directives: [...CSP_DIRECTIVES],
      scriptDirective: { resources: [...CSP_SCRIPT_SOURCES] },
    },
  },
  prefetch: false,
});
