/**
 * The first `urls.lock` of a new content root: builds it once into a temporary folder and
 * locks every address that build publishes, so the new folder passes the URL gate as written.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { scanSite } from "../gates/html-scan.ts";
import { formatLock, LOCK_FILE, publishedUrls } from "../gates/url-lock.ts";

const REPO = resolve(import.meta.dirname, "../..");

/** Builds the content root with this repository's code and writes its `urls.lock`; returns how many addresses. */
export function lockNewRoot(root: string): number {
  const out = mkdtempSync(join(tmpdir(), "portal-starter-"));
  try {
    execFileSync(process.execPath, [join(REPO, "node_modules/astro/bin/astro.mjs"), "build", "--outDir", out], {
      cwd: REPO,
      env: { ...process.env, PORTAL_DIR: root, ASTRO_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    const urls = publishedUrls(scanSite(out));
    writeFileSync(join(root, LOCK_FILE), formatLock(urls));
    return urls.length;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
