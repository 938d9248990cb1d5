import type { AstroIntegration } from "astro";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { trimPolicyHashes } from "../lib/page-csp.ts";

/** Cuts each built page's Content-Security-Policy to the hashes that page needs (see `src/lib/page-csp.ts`). */
export function pageCsp(): AstroIntegration {
  return {
    name: "portal-page-csp",
    hooks: {
      "astro:build:done": ({ dir }) => {
        const out = fileURLToPath(dir);
        const pages = readdirSync(out, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".html"));
        for (const page of pages) {
          const path = join(out, page);
          const html = readFileSync(path, "utf8");
          const trimmed = trimPolicyHashes(html);
          if (trimmed !== html) writeFileSync(path, trimmed);
        }
      },
    },
  };
}
