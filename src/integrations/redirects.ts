import type { AstroIntegration } from "astro";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { formatGateProblems } from "../lib/published-problem.ts";
import { readInside } from "../lib/content/boundary.ts";
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
        const root = contentRoot();
        const exists = existsSync(join(root, REDIRECTS_FILE));
        const { entries, problems } = parseRedirects(exists ? readInside(root, REDIRECTS_FILE) : undefined);
        if (problems.length)
          throw new Error(`${REDIRECTS_FILE} has problems:\n${formatGateProblems(problems).join("\n")}`);
        const out = fileURLToPath(dir);
        const siteTitle = getPortal().site.title;
        const files = redirectFiles(entries, { siteTitle }).map((f) => ({ ...f, target: insideOrThrow(out, f.path) }));
        const clashes = files.filter((f) => f.path !== "_redirects" && existsSync(f.target));
        if (clashes.length)
          throw new Error(
            `${REDIRECTS_FILE}: these addresses are live pages, so they cannot redirect: ${clashes.map((f) => `/${f.path}`).join(", ")}. Remove the entries or the pages.`,
          );
        for (const f of files) {
          mkdirSync(dirname(f.target), { recursive: true });
          writeFileSync(f.target, f.contents);
        }
        if (entries.length) logger.info(`Wrote ${entries.length} redirect${entries.length === 1 ? "" : "s"}`);
      },
    },
  };
}

/**
 * The absolute path of `file` in `dir`. Throws if it would land outside: `parseRedirects`
 * already refuses such addresses, and this makes sure no later change can write elsewhere.
 */
export function insideOrThrow(dir: string, file: string): string {
  const path = resolve(dir, file);
  const rel = relative(resolve(dir), path);
  if (rel === "" || rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel))
    throw new Error(`${REDIRECTS_FILE}: refusing to write ${JSON.stringify(file)}, which is outside the built site`);
  return path;
}
