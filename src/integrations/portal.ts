import type { AstroIntegration } from "astro";
import { loadPortal } from "../lib/content/load.ts";
import { formatProblems } from "../lib/content/problems.ts";
import { contentRoot, sharePortal } from "../lib/portal.ts";
import { DRAFTS_ENV } from "../lib/queries.ts";
import { resolveToday } from "../lib/today.ts";

/**
 * Validates all content before Astro renders a page, so a build with bad content
 * stops at once with every problem listed and nothing written to `dist/`. Says once which day
 * the build takes as today (see src/lib/today.ts), and stops if PORTAL_TODAY is not a date.
 */
export function portalContent(): AstroIntegration {
  return {
    name: "portal-content",
    hooks: {
      "astro:config:setup": ({ command, addWatchFile, logger }) => {
        process.env[DRAFTS_ENV] = command === "dev" ? "show" : "hide";
        const today = resolveToday();
        // Only in the build log: tools that load the Astro config (vitest, knip, astro check) need not say it.
        if (command === "build") logger.info(`Today is ${today.date}, from ${today.source}.`);
        const root = contentRoot();
        const result = loadPortal(root);
        if (!result.ok) {
          const error = new Error(`The content has problems:\n\n${formatProblems(result.problems)}\n`);
          error.stack = error.message;
          if (command === "build") throw error;
          console.error(error.message);
          return;
        }
        sharePortal(root, result.portal);
        if (command === "dev") for (const file of result.sources.keys()) addWatchFile(`${root}/${file}`);
      },
    },
  };
}
