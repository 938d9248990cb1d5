/**
 * `npm run check`: validates every content file under the content root
 * (PORTAL_DIR, or the current folder) and prints every problem, located.
 */
import { contentRoot, exitOnContentRootError } from "../../src/lib/content-root.ts";
import { loadPortal } from "../../src/lib/content/load.ts";
import { formatProblems } from "../../src/lib/content/problems.ts";

const root = exitOnContentRootError(() => contentRoot());
const started = performance.now();
const result = loadPortal(root);
const ms = Math.round(performance.now() - started);

if (!result.ok) {
  console.error(formatProblems(result.problems));
  process.exitCode = 1;
} else {
  const p = result.portal;
  const versions = p.reports.reduce((n, r) => n + r.versions.length, 0);
  console.log(
    `Content is valid (${root}): ${p.plans.length} plans, ${p.plans.reduce((n, x) => n + x.actions.length, 0)} actions, ${p.kpis.length} KPIs, ${p.reports.length} reports (${versions} versions), ${p.meetings.length} meetings, ${p.decisions.length} decisions, ${p.glossary.length} glossary terms. Checked in ${ms} ms.`,
  );
}
