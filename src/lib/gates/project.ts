import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { SiteScan } from "./html-scan.ts";
import type { GateProblem } from "./problem.ts";
import { parseRedirects, REDIRECTS_FILE, type RedirectEntry } from "../content/redirects.ts";
import { checkLockOnlyGrows, checkUrlPermanence, LOCK_FILE, parseLock } from "./url-lock.ts";

/** Where the project keeps what the gates read: the lock beside the code, redirects with the content. */
export interface ProjectFiles {
  /** The repository root, holding `urls.lock`. */
  readonly root: string;
  /** The content root (`PORTAL_DIR`), holding `content/redirects.yml`. */
  readonly contentRoot: string;
}

export function projectFiles(root = process.cwd()): ProjectFiles {
  return { root, contentRoot: resolve(process.env["PORTAL_DIR"] ?? root) };
}

function readRedirects(files: ProjectFiles): { entries: RedirectEntry[]; problems: GateProblem[] } {
  const path = join(files.contentRoot, REDIRECTS_FILE);
  return parseRedirects(existsSync(path) ? readFileSync(path, "utf8") : undefined);
}

export function readLock(files: ProjectFiles): { urls: string[]; problems: GateProblem[]; exists: boolean } {
  const path = join(files.root, LOCK_FILE);
  if (!existsSync(path)) return { urls: [], problems: [], exists: false };
  return { ...parseLock(readFileSync(path, "utf8")), exists: true };
}

/** The lock as last committed, or undefined outside git or before its first commit. */
function committedLock(files: ProjectFiles): string[] | undefined {
  try {
    const text = execFileSync("git", ["show", `HEAD:${LOCK_FILE}`], {
      cwd: files.root,
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
