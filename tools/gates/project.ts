import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { SiteScan } from "./html-scan.ts";
import type { GateProblem } from "../../src/lib/published-problem.ts";
import { contentRoot } from "../../src/lib/content-root.ts";
import { parseRedirects, REDIRECTS_FILE, type RedirectEntry } from "../../src/lib/content/redirects.ts";
import { checkLockOnlyGrows, checkUrlPermanence, LOCK_FILE, parseLock } from "./url-lock.ts";

/**
 * Where the gates find what they read. Everything a portal publishes lives with its content:
 * `urls.lock`, `content/redirects.yml` and the built `dist/` are in the content root, so building
 * or locking another council's portal never touches this repository's own lock.
 */
export interface ProjectFiles {
  /** The code repository, holding the tools' settings (`.htmlvalidate.json`) and `node_modules/`. */
  readonly root: string;
  /** The content root (`PORTAL_DIR`, else the repository), holding `urls.lock`, `content/redirects.yml` and `dist/`. */
  readonly contentRoot: string;
}

export function projectFiles(root = process.cwd()): ProjectFiles {
  return { root, contentRoot: contentRoot(process.env, root) };
}

/** The built site of the content root: `dist/` beside its content. */
export function builtSite(files: ProjectFiles): string {
  return join(files.contentRoot, "dist");
}

function readRedirects(files: ProjectFiles): { entries: RedirectEntry[]; problems: GateProblem[] } {
  const path = join(files.contentRoot, REDIRECTS_FILE);
  return parseRedirects(existsSync(path) ? readFileSync(path, "utf8") : undefined);
}

export function readLock(files: ProjectFiles): { urls: string[]; problems: GateProblem[]; exists: boolean } {
  const path = join(files.contentRoot, LOCK_FILE);
  if (!existsSync(path)) return { urls: [], problems: [], exists: false };
  return { ...parseLock(readFileSync(path, "utf8")), exists: true };
}

/** The lock as last committed, or undefined outside git or before its first commit. */
function committedLock(files: ProjectFiles): string[] | undefined {
  try {
    // "HEAD:./file" is relative to cwd, so this works wherever the content root sits in its repository.
    const text = execFileSync("git", ["show", `HEAD:./${LOCK_FILE}`], {
      cwd: files.contentRoot,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    return parseLock(text).urls;
  } catch {
    return undefined;
  }
}

/** The URL permanence gate with the project's own lock and redirects. */
export function checkProjectUrls(site: SiteScan, files: ProjectFiles): GateProblem[] {
  const lock = readLock(files);
  const redirects = readRedirects(files);
  const before = committedLock(files);
  const missingLock: GateProblem[] = lock.exists
    ? []
    : [
        {
          gate: "urls",
          page: LOCK_FILE,
          message: `${LOCK_FILE} does not exist; run npm run urls:lock and commit it`,
        },
      ];
  return [
    ...missingLock,
    ...lock.problems,
    ...redirects.problems,
    ...(before ? checkLockOnlyGrows({ before, after: lock.urls }) : []),
    ...(lock.exists ? checkUrlPermanence({ site, locked: lock.urls, redirects: redirects.entries }) : []),
  ];
}
