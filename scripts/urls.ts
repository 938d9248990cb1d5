/**
 * Keeps published addresses permanent.
 *
 *   node scripts/urls.ts lock   [--dist dist]  add every address the build publishes to urls.lock
 *   node scripts/urls.ts check  [--dist dist]  fail when a locked address is gone without a redirect
 *
 * The build writes content/redirects.yml's pages itself (src/integrations/redirects.ts).
 * The lock only ever grows: `lock` never removes a line, and `check` fails when a line
 * committed earlier has been deleted.
 */
import { existsSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { scanSite } from "../src/lib/gates/html-scan.ts";
import { formatGateProblems } from "../src/lib/gates/problem.ts";
import { checkProjectUrls, projectFiles, readLock } from "../src/lib/gates/project.ts";
import { formatLock, LOCK_FILE, mergeLock, publishedUrls } from "../src/lib/gates/url-lock.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { dist: { type: "string", default: "dist" } },
});
const root = resolve(import.meta.dirname, "..");
const dist = resolve(root, values.dist);
const files = projectFiles(root);
const command = positionals[0];

if (!existsSync(join(dist, "index.html"))) {
  console.error(`${values.dist}/index.html does not exist: run npm run build first.`);
  process.exit(2);
}

if (command === "lock") {
  const lock = readLock(files);
  const published = publishedUrls(await scanSite(dist));
  const merged = mergeLock(lock.urls, published);
  writeFileSync(join(root, LOCK_FILE), formatLock(merged));
  console.log(`${LOCK_FILE}: ${merged.length - lock.urls.length} address(es) added, ${merged.length} locked.`);
} else if (command === "check") {
  const problems = checkProjectUrls(await scanSite(dist), files);
  for (const line of formatGateProblems(problems)) console.log(line);
  console.log(problems.length ? `\n${problems.length} problem(s).` : "Every locked address is still answered.");
  process.exit(problems.length ? 1 : 0);
} else {
  console.error("Usage: node scripts/urls.ts lock|check [--dist dist]");
  process.exit(2);
}
