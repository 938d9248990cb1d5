// @ts-check
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import mdx from "@astrojs/mdx";
import { defineConfig } from "astro/config";
import { parse } from "yaml";
import { portalContent } from "./src/integrations/portal.ts";
import { searchIndex } from "./src/integrations/search.ts";
import { sitemap } from "./src/integrations/sitemap.ts";
import { redirects } from "./src/integrations/redirects.ts";
import { contentRoot, isOwnRoot } from "./src/lib/content-root.ts";
import { publicAddress } from "./src/lib/site-url.ts";

const root = contentRoot();
/** baseUrl from the content root's site settings, read leniently: portalContent validates the file. */
const baseUrl = (() => {
  try {
    const value = parse(readFileSync(join(root, "content/site.yml"), "utf8"))?.baseUrl;
    return typeof value === "string" ? value : undefined;
  } catch {
    return undefined;
  }
})();
/** The public address: SITE_URL, else baseUrl, else unknown (then no absolute address is published). */
const address = publicAddress({ baseUrl });
if (!address.ok) {
  const error = new Error(address.message);
  error.stack = ""; // the message is the whole story: no stack trace
  throw error;
}

export default defineConfig({
  ...(address.url ? { site: address.url } : {}),
  // Another content root builds beside its own content, never over this repository's dist/.
  ...(isOwnRoot() ? {} : { outDir: resolve(root, "dist") }),
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
