import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compareDirs, determinismProblems } from "../../tools/gates/compare-dirs.ts";
import { formatGateProblems } from "../../src/lib/published-problem.ts";
import { root } from "./built-site.ts";

const scratch = mkdtempSync(join(tmpdir(), "portal-determinism-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("two builds of the same content", () => {
  // Both builds are made here with the day pinned: dist/ may have been built on another day,
  // and what is upcoming or overdue rightly depends on the day.
  const build = (outDir: string) =>
    execFileSync(join(root, "node_modules/.bin/astro"), ["build", "--outDir", outDir], {
      cwd: root,
      env: { ...process.env, PORTAL_TODAY: "2023-12-01" },
      stdio: ["ignore", "ignore", "pipe"],
    });

  it("are identical byte for byte", () => {
    const first = join(scratch, "first");
    const second = join(scratch, "second");
    build(first);
    build(second);
    expect(formatGateProblems(determinismProblems(compareDirs(first, second)))).toEqual([]);
  }, 600_000);
});
