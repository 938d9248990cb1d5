/**
 * Writes a copy of the baseline project with `pages` pages: a home page and plain
 * Markdown files in a content collection (the standard `glob()` loader), each a few
 * hundred words of the same prose the synthetic portal uses, rendered by one route.
 * The copy goes to a temporary folder, with the portal's node_modules linked in: inside
 * the repository its `.astro` files would be type-checked as part of the portal.
 *
 * The route is stored as `[...slug].astro.tmpl` for the same reason: as a real `.astro`
 * file it would be checked inside the portal's project, where the `pages` collection does
 * not exist.
 */
import { cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { reportBody } from "../content/prose.ts";
import { createRng } from "../content/random.ts";

const TEMPLATE = dirname(fileURLToPath(import.meta.url));

export function writeBaseline(options: { dir: string; pages: number; seed: number; nodeModules: string }): void {
  const { dir, pages } = options;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  symlinkSync(options.nodeModules, join(dir, "node_modules"));
  for (const file of [
    "astro.config.mjs",
    "package.json",
    "src/content.config.ts",
    "src/layouts/Page.astro",
    "src/pages/index.astro",
  ])
    cpSync(join(TEMPLATE, file), join(dir, file));
  cpSync(join(TEMPLATE, "src/pages/[...slug].astro.tmpl"), join(dir, "src/pages/[...slug].astro"));
  const out = join(dir, "pages/p");
  mkdirSync(out, { recursive: true });
  const rng = createRng(options.seed, "baseline");
  const page = (title: string, words: number) =>
    `---\ntitle: ${JSON.stringify(title)}\n---\n\n${reportBody(rng, words)}`;
  for (let i = 1; i < pages; i++)
    writeFileSync(join(out, `${String(i).padStart(5, "0")}.md`), page(`Page ${i}`, rng.int(200, 600)));
}
