/**
 * `npm run verify`: everything a content root must pass before it is published, in one command
 * for a council's own CI: the content check, the build and its search index, then every trust gate over the built
 * site (URL permanence with the root's own urls.lock, links, HTML, privacy, accessibility in a
 * real browser, determinism).
 *
 *   PORTAL_DIR=/path/to/content npm run verify [-- --skip-browser]
 *
 * Stops at the first step that fails; exits 1 then, 2 when PORTAL_DIR is unusable.
 */
import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { contentRoot, exitOnContentRootError } from "../../src/lib/content-root.ts";

const { values } = parseArgs({ options: { "skip-browser": { type: "boolean", default: false } } });
const repo = resolve(import.meta.dirname, "../..");
const root = exitOnContentRootError(() => contentRoot());
const env = { ...process.env, ...(process.env["PORTAL_DIR"] === undefined ? {} : { PORTAL_DIR: root }) };
const node = (script: string, ...args: string[]) => [process.execPath, join(repo, script), ...args] as const;

const gates = ["urls", "links", "html", "privacy", ...(values["skip-browser"] ? [] : ["browser"]), "determinism"];
const steps: { name: string; command: readonly string[]; env?: Record<string, string> }[] = [
  { name: "content check", command: node("tools/cli/check.mjs") },
  // As npm run build: the search index in its own step, once Astro has exited (docs/performance.md).
  { name: "build", command: node("node_modules/astro/bin/astro.mjs", "build"), env: { PORTAL_INDEX_AFTER_BUILD: "1" } },
  { name: "search index", command: node("tools/cli/index-search.ts") },
  { name: "trust gates", command: node("tools/cli/gates.ts", ...gates) },
];

console.log(`Verifying ${root}`);
for (const step of steps) {
  const started = performance.now();
  console.log(`\n== ${step.name}`);
  const [cmd, ...args] = step.command;
  const run = spawnSync(cmd!, args, { cwd: repo, env: { ...env, ...step.env }, stdio: "inherit" });
  const s = ((performance.now() - started) / 1000).toFixed(1);
  if (run.status !== 0) {
    console.error(
      `\n✗ ${step.name} failed after ${s} s: the site must not be published. Fix the problems above and run again.`,
    );
    process.exit(1);
  }
  console.log(`✓ ${step.name} (${s} s)`);
}
console.log("\nEvery check passed: dist/ may be published.");
