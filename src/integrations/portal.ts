import type { AstroIntegration } from "astro";
import { readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { contentRoot, reloadContent, sharedProblems } from "../lib/portal.ts";
import { DRAFTS_ENV } from "../lib/queries.ts";
import { resolveToday } from "../lib/today.ts";

/** The folders of a content root whose files the site is built from. */
const CONTENT_DIRS = ["content", "data"] as const;

/**
 * Sets up the build around the content collections (src/content.config.ts), whose loader validates
 * all content before Astro renders a page, so a build with bad content stops with every problem
 * listed and nothing written to `dist/`.
 *
 * In the preview (`npm run dev`) it watches the content root itself, wherever `PORTAL_DIR` puts
 * it (Vite watches only this repository): an edit refreshes the collections (only changed files are
 * read again) and reloads the browser, and a page requested while the content has problems shows
 * them, located. Says once which day the build takes as today (see src/lib/today.ts), and stops if
 * PORTAL_TODAY is not a date.
 */
export function portalContent(): AstroIntegration {
  return {
    name: "portal-content",
    hooks: {
      "astro:config:setup": ({ command, logger }) => {
        process.env[DRAFTS_ENV] = command === "dev" ? "show" : "hide";
        const today = resolveToday();
        // Only in the build log: tools that load the Astro config (vitest, knip, astro check) need not say it.
        if (command === "build") logger.info(`Today is ${today.date}, from ${today.source}.`);
        contentRoot(); // a PORTAL_DIR that cannot be used stops every command here, before Astro starts
      },
      "astro:server:setup": ({ server, logger }) => {
        const root = contentRoot();
        const watched = CONTENT_DIRS.map((dir) => join(root, dir));
        server.watcher.add(watched);
        let loadedStamp = contentStamp(watched);
        const reload = (changed: string): void => {
          loadedStamp = contentStamp(watched);
          // The collections' loader reads again only the files that changed (src/lib/content/collections.ts);
          // Astro reloads the pages once it has saved the entries that did.
          reloadContent();
          const problems = sharedProblems();
          if (problems === undefined) logger.info(`${changed} changed; the content is valid.`);
          else logger.error(`${changed} changed. The content has problems:\n\n${problems}`);
          // Astro caches each page's getStaticPaths() (whose props hold content) until told the content changed.
          for (const [name, environment] of Object.entries(server.environments))
            if (name !== "client") environment.hot.send("astro:content-changed", {});
          server.ws.send({ type: "full-reload", path: "*" });
        };
        // A page request first catches up with any edit the file watcher missed (watchers drop events that
        // come close together), then, while the content has problems, shows them instead of stale content.
        server.middlewares.use((req, res, next) => {
          if (!isPageRequest(req.url ?? "/")) return next();
          if (contentStamp(watched) !== loadedStamp) reload("A file under the content root");
          const problems = sharedProblems();
          if (problems === undefined) return next();
          res.statusCode = 500;
          res.setHeader("Content-Type", "text/html; charset=utf-8");
          res.end(problemsPage(problems));
        });
        const onChange = (path: string): void => {
          if (!watched.some((dir) => path === dir || path.startsWith(dir + sep))) return;
          // Already loaded: a page request caught up first, or the watcher told of one save twice. A load
          // takes about a second at the largest preset; comparing the stamp, a stat per file.
          if (contentStamp(watched) === loadedStamp) return;
          reload(relative(root, path));
        };
        for (const event of ["add", "change", "unlink"] as const) server.watcher.on(event, onChange);
      },
    },
  };
}

/**
 * What the content folders hold now: every file's path, size and modification time. Cheap next to
 * loading the content (a stat per file), so each page request in the preview can compare it.
 */
function contentStamp(dirs: readonly string[]): string {
  const parts: string[] = [];
  for (const dir of dirs) {
    let entries;
    try {
      entries = readdirSync(dir, { recursive: true, withFileTypes: true });
    } catch {
      continue; // a folder the root does not have
    }
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath, entry.name);
      try {
        const { size, mtimeMs } = statSync(path);
        parts.push(`${path}\0${size}\0${mtimeMs}`);
      } catch {
        parts.push(path); // removed while we looked: the next request sees the difference
      }
    }
  }
  return parts.sort().join("\n");
}

/** Requests for pages, not for the preview's own scripts and assets. */
function isPageRequest(url: string): boolean {
  return !/^\/(?:@|node_modules\/|src\/|_astro\/|__|favicon)/.test(url);
}

const escapeHtml = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The preview's page while the content has problems; Vite's client reloads it once they are fixed. */
function problemsPage(problems: string): string {
  return `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>The content has problems</title><script type="module" src="/@vite/client"></script></head>
<body>
<main>
<h1>The content has problems</h1>
<p>Fix them and save: this page reloads by itself. <code>npm run check</code> lists the same problems.</p>
<pre>${escapeHtml(problems)}</pre>
</main>
</body>
</html>
`;
}
