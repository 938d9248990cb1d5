/**
 * Building never reaches the network, and officer content never makes the build write
 * outside its output folder. Each build runs in a network namespace with no network
 * (`unshare --net`) under `strace`, which records every attempt to connect: a lookup
 * that fails quietly (as Astro's telemetry does) is still an attempt.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { withFixture } from "../helpers/content-root.ts";

const ROOT = join(import.meta.dirname, "../..");
const ASTRO = join(ROOT, "node_modules/astro/bin/astro.mjs");
const work = mkdtempSync(join(tmpdir(), "offline-build-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The environment without anything that would switch telemetry off from outside the project. */
const env = (portal: string): NodeJS.ProcessEnv => {
  const e: NodeJS.ProcessEnv = { ...process.env, PORTAL_DIR: portal };
  for (const name of ["ASTRO_TELEMETRY_DISABLED", "TELEMETRY_DISABLED", "CI"]) delete e[name];
  return e;
};

/** Builds a content root with no network, recording every connection attempt. */
function offlineBuild(portal: string, outDir: string) {
  const log = join(work, `${Date.now()}-strace.log`);
  const run = spawnSync(
    "unshare",
    [
      "--net",
      "strace",
      "-f",
      "-qq",
      "-e",
      "trace=connect,sendto,sendmsg,sendmmsg",
      "-o",
      log,
      process.execPath,
      ASTRO,
      "build",
      "--outDir",
      outDir,
    ],
    { cwd: ROOT, env: env(portal), encoding: "utf8" },
  );
  if (run.error || !existsSync(log))
    throw new Error(
      `could not run the build under unshare and strace (apt-get install strace): ${run.error?.message ?? run.stderr}`,
    );
  const attempts = readFileSync(log, "utf8")
    .split("\n")
    .filter((line) => /sa_family=AF_INET6?\b|nscd|htons\(53\)/.test(line));
  return { status: run.status, output: run.stdout + run.stderr, attempts };
}

describe("a build", () => {
  it("succeeds with no network and never tries to connect anywhere, not even to look up a name", () => {
    const out = join(work, "site");
    const result = withFixture(
      (root) => writeFileSync(join(root, "content/redirects.yml"), "- from: /kpis/old-waits/\n  to: /kpis/waits/\n"),
      (root) => offlineBuild(root, out),
    );
    expect(result.output).toContain("Complete!");
    expect(result.status).toBe(0);
    expect(result.attempts).toEqual([]);
    expect(existsSync(join(out, "kpis/old-waits/index.html"))).toBe(true);
  });

  it("refuses a redirect that would write outside its output folder, and writes nothing there", () => {
    const parent = join(work, "escape");
    const out = join(parent, "site");
    mkdirSync(out, { recursive: true });
    const result = withFixture(
      (root) =>
        writeFileSync(
          join(root, "content/redirects.yml"),
          "- from: /../../escaped/\n  to: /kpis/waits/\n- from: /%2E%2e/%2e%2E/escaped-too/\n  to: /\\elsewhere.example/\n",
        ),
      (root) => offlineBuild(root, out),
    );
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(
      'content/redirects.yml:1 — from: an address may not contain "." or ".." segments, got "/../../escaped/"',
    );
    expect(result.output).toContain(
      'content/redirects.yml:3 — from: an address may not contain "." or ".." segments, got "/%2E%2e/%2e%2E/escaped-too/"',
    );
    expect(readdirSync(parent)).toEqual(["site"]);
    expect(readdirSync(work).filter((name) => name.includes("escaped"))).toEqual([]);
    expect(result.attempts).toEqual([]);
  });
});
