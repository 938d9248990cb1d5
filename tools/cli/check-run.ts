/**
 * What `npm run check` runs once Node's compile cache is on (tools/cli/check.mjs): validates every
 * content file and prints every problem, located. A file that passed before and has not changed since is
 * not validated again (src/lib/content/check-cache.ts); `--no-cache` checks every file from scratch.
 */
import { contentRoot, exitOnContentRootError } from "../../src/lib/content-root.ts";
import { checkContent } from "../../src/lib/content/load.ts";
import { formatProblems } from "../../src/lib/content/problems.ts";
import { CheckCache } from "../../src/lib/content/check-cache.ts";

const root = exitOnContentRootError(() => contentRoot());
const started = performance.now();
const cache = process.argv.includes("--no-cache") ? undefined : CheckCache.open(root);
const result = checkContent(root, { cache });
cache?.keep(result.files);
const ms = Math.round(performance.now() - started);

if (!result.ok) {
  console.error(formatProblems(result.problems));
  process.exitCode = 1;
} else {
  const p = result.facts;
  const versions = p.reports.reduce((n, r) => n + r.versions.length, 0);
  console.log(
    `Content is valid (${root}): ${p.plans.length} plans, ${p.plans.reduce((n, x) => n + x.actions.length, 0)} actions, ${p.kpis.length} KPIs, ${p.reports.length} reports (${versions} versions), ${p.meetings.length} meetings, ${p.decisions.length} decisions, ${p.glossary.length} glossary terms. Checked in ${ms} ms${cache?.reused ? ` (${cache.reused} files unchanged since the last check were not validated again)` : ""}.`,
  );
}
