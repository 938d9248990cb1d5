// @ts-check
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "astro/config";
import { parse } from "yaml";
import { readInside } from "./src/lib/content/boundary.ts";
import { portalContent } from "./src/integrations/portal.ts";
import { searchIndex } from "./src/integrations/search.ts";
import { sitemap } from "./src/integrations/sitemap.ts";
import { redirects } from "./src/integrations/redirects.ts";
import { contentRoot, contentStoreDir, isOwnRoot } from "./src/lib/content-root.ts";
import { publicAddress } from "./src/lib/site-url.ts";

// No network at build: Astro's usage telemetry (which would also report build errors, with officers'
// content in their messages) is off for this project on every machine, not only where someone ran
// `astro telemetry disable`. Astro reads this variable each time it would send.
process.env.ASTRO_TELEMETRY_DISABLED = "1";

const root = contentRoot();
/** baseUrl from the content root's site settings, read leniently: portalContent validates the file. */
const baseUrl = (() => {
  try {
    const value = parse(readInside(root, "content/site.yml"))?.baseUrl;
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
  // The content collections' entries, kept between builds: one folder per content root.
  cacheDir: contentStoreDir(fileURLToPath(new URL(".", import.meta.url)), root),
  trailingSlash: "always",
  build: { format: "directory", inlineStylesheets: "never" },
  integrations: [portalContent(), sitemap(), redirects(), searchIndex()],
  devToolbar: { enabled: false },
  prefetch: false,
  // Every script is a file of its own, never inlined however small, so that one strict policy (no inline
  // script or style) fits every page: src/lib/security-policy.ts, written by src/layouts/Page.astro.
  vite: { build: { assetsInlineLimit: 0 } },
});
