/**
 * Keeps published addresses permanent.
 *
 *   node tools/cli/urls.ts lock   [--dist DIR]  add every address the build publishes to urls.lock
 *   node tools/cli/urls.ts check  [--dist DIR]  fail when a locked address is gone without a redirect
 *
 * Both work on the content root (PORTAL_DIR, else this repository): its urls.lock, its
 * content/redirects.yml and, unless --dist says otherwise, its built dist/.
 * The build writes content/redirects.yml's pages itself (src/integrations/redirects.ts).
 * The lock only ever grows: `lock` never removes a line, and `check` fails when a line
 * committed earlier has been deleted.
 */
import { existsSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { scanSite } from "../gates/html-scan.ts";
import { formatGateProblems } from "../../src/lib/published-problem.ts";
import { exitOnContentRootError } from "../../src/lib/content-root.ts";
import { builtSite, checkProjectUrls, projectFiles, readLock } from "../gates/project.ts";
import { formatLock, LOCK_FILE, mergeLock, publishedUrls } from "../gates/url-lock.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { dist: { type: "string" } },
});
const root = resolve(import.meta.dirname, "../..");
const files = exitOnContentRootError(() => projectFiles(root));
const dist = values.dist ? resolve(process.env["INIT_CWD"] ?? process.cwd(), values.dist) : builtSite(files);
const lockPath = join(files.contentRoot, LOCK_FILE);
const command = positionals[0];

if (!existsSync(join(dist, "index.html"))) {
  console.error(`${dist}/index.html does not exist: run npm run build first (with the same PORTAL_DIR).`);
  process.exit(2);
}

if (command === "lock") {
  const lock = readLock(files);
  const published = publishedUrls(scanSite(dist));
  const merged = mergeLock(lock.urls, published);
  writeFileSync(lockPath, formatLock(merged));
  const shown = relative(root, lockPath).startsWith("..") ? lockPath : relative(root, lockPath);
  console.log(`${shown}: ${merged.length - lock.urls.length} address(es) added, ${merged.length} locked.`);
} else if (command === "check") {
  const problems = checkProjectUrls(scanSite(dist), files);
  for (const line of formatGateProblems(problems)) console.log(line);
  console.log(problems.length ? `\n${problems.length} problem(s).` : "Every locked address is still answered.");
  process.exit(problems.length ? 1 : 0);
} else {
  console.error("Usage: node tools/cli/urls.ts lock|check [--dist dist]");
  process.exit(2);
}
