import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compareDirs, determinismProblems } from "../../src/lib/gates/compare-dirs.ts";
import { formatGateProblems } from "../../src/lib/gates/problem.ts";
import { builtSite, root } from "./built-site.ts";

const scratch = mkdtempSync(join(tmpdir(), "portal-determinism-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("two builds of the same content", () => {
  it("are identical byte for byte", () => {
    const first = join(scratch, "first");
    const second = join(scratch, "second");
    cpSync(builtSite(), first, { recursive: true });
    execFileSync(join(root, "node_modules/.bin/astro"), ["build", "--outDir", second], {
      cwd: root,
      stdio: ["ignore", "ignore", "pipe"],
    });
    expect(formatGateProblems(determinismProblems(compareDirs(first, second)))).toEqual([]);
  }, 600_000);
});
