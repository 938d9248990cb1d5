// @ts-check
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import mdx from "@astrojs/mdx";
import { defineConfig } from "astro/config";
import { parse } from "yaml";
import { portalContent } from "./src/integrations/portal.ts";
import { searchIndex } from "./src/integrations/search.ts";
import { sitemap } from "./src/integrations/sitemap.ts";
import { redirects } from "./src/integrations/redirects.ts";

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
  integrations: [portalContent(), mdx(), sitemap(), redirects(), searchIndex()],
  devToolbar: { enabled: false },
  // A strict Content-Security-Policy in every page's <meta>; Astro adds hashes for its own scripts and styles.
  // 'wasm-unsafe-eval' lets Pagefind's WebAssembly search run; nothing may load from another origin.
  // frame-ancestors cannot go in a <meta>: public/_headers carries it for hosts that read that file.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "connect-src 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
  prefetch: false,
});
