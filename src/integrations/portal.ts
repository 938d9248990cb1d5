import type { AstroIntegration } from "astro";
import { loadPortal } from "../lib/content/load.ts";
import { formatProblems } from "../lib/content/problems.ts";
import { contentRoot, sharePortal } from "../lib/portal.ts";
import { DRAFTS_ENV } from "../lib/queries.ts";

/**
 * Validates all content before Astro renders a page, so a build with bad content
 * stops at once with every problem listed and nothing written to `dist/`.
 */
export function portalContent(): AstroIntegration {
  return {
    name: "portal-content",
    hooks: {
      "astro:config:setup": ({ command, addWatchFile }) => {
        process.env[DRAFTS_ENV] = command === "dev" ? "show" : "hide";
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
