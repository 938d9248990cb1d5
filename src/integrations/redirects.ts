import type { AstroIntegration } from "astro";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { formatGateProblems } from "../lib/gates/problem.ts";
import { REDIRECTS_FILE, parseRedirects, redirectFiles } from "../lib/content/redirects.ts";
import { contentRoot, getPortal } from "../lib/portal.ts";

/**
 * Answers every renamed or removed address listed in `content/redirects.yml`: a page
 * that moves the reader on (or says why the page is gone) and a host `_redirects` file.
 * A redirect may not shadow a page the build produced.
 */
export function redirects(): AstroIntegration {
  return {
    name: "portal-redirects",
    hooks: {
      "astro:build:done": ({ dir, logger }) => {
        const file = join(contentRoot(), REDIRECTS_FILE);
        const { entries, problems } = parseRedirects(existsSync(file) ? readFileSync(file, "utf8") : undefined);
        if (problems.length)
          throw new Error(`${REDIRECTS_FILE} has problems:\n${formatGateProblems(problems).join("\n")}`);
        const out = fileURLToPath(dir);
        const siteTitle = getPortal().site.title;
        const files = redirectFiles(entries, { siteTitle });
        const clashes = files.filter((f) => f.path !== "_redirects" && existsSync(join(out, f.path)));
        if (clashes.length)
          throw new Error(
            `${REDIRECTS_FILE}: these addresses are live pages, so they cannot redirect: ${clashes.map((f) => `/${f.path}`).join(", ")}. Remove the entries or the pages.`,
          );
        for (const f of files) {
          mkdirSync(dirname(join(out, f.path)), { recursive: true });
          writeFileSync(join(out, f.path), f.contents);
        }
        if (entries.length) logger.info(`Wrote ${entries.length} redirect${entries.length === 1 ? "" : "s"}`);
      },
    },
  };
}
