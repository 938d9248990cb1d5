import { appendFileSync, cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadPortal } from "../../src/lib/content/load.ts";
import { CheckCache, checkingCodeDigest } from "../../src/lib/content/check-cache.ts";
import { formatProblem, sortProblems } from "../../src/lib/content/problems.ts";
import { replaceIn, withFixture } from "../helpers/content-root.ts";

const dir = mkdtempSync(join(tmpdir(), "check-cache-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `npm run check` with the cache, as the command runs it: open, check, prune. */
function check(root: string, code = "code-1"): { problems: string[]; reused: number } {
  const cache = CheckCache.open(root, { dir, code });
  const result = loadPortal(root, { cache });
  cache.keep(result.files);
  cache.prune();
  return { problems: result.ok ? [] : sortProblems(result.problems).map(formatProblem), reused: cache.reused };
}

const KPI = "data/kpis/waits.json";
const MEETING = "content/meetings/board-2019-12-10.md";

describe("the check's cache of files that passed", () => {
  it("reuses every unchanged file on the second check", () => {
    withFixture(
      () => {},
      (root) => {
        expect(check(root).reused).toBe(0);
        const second = check(root);
        expect(second.problems).toEqual([]);
        expect(second.reused).toBeGreaterThan(5);
      },
    );
  });
  it("never hides a new problem: a changed file is checked again, and its problem located", () => {
    withFixture(
      () => {},
      (root) => {
        check(root);
        replaceIn(root, KPI, '"value": 29', '"value": "29"');
        const after = check(root);
        expect(after.problems).toEqual([
          'data/kpis/waits.json:19 — series[0].values[0].value: expected a number; got "29"',
        ]);
        // and the file with the problem is checked again next time too
        expect(check(root).problems).toEqual(after.problems);
      },
    );
  });
  it("still runs the checks across files when the referring file is unchanged, with its line", () => {
    withFixture(
      () => {},
      (root) => {
        check(root);
        replaceIn(root, MEETING, "committee: example-board", "committee: example-bord");
        replaceIn(root, MEETING, "committee: example-bord", "committee: example-board"); // back: same bytes
        rmSync(join(root, KPI));
        const after = check(root);
        expect(after.reused).toBeGreaterThan(0);
        expect(after.problems.join("\n")).toMatch(
          /^content\/meetings\/board-2019-12-10\.md:\d+ — decisions\[0\]\.kpis\[0\]: no KPI "waits" exists/m,
        );
      },
    );
  });
  it("keeps each content root's cache: checking another root does not empty it", () => {
    withFixture(
      () => {},
      (first) => {
        check(first);
        withFixture(
          (r) => replaceIn(r, KPI, '"value": 29', '"value": 28'),
          (second) => check(second),
        );
        expect(check(first).reused).toBeGreaterThan(5);
      },
    );
  });
  it("is dropped when the checking code changes", () => {
    withFixture(
      () => {},
      (root) => {
        check(root, "code-1");
        expect(check(root, "code-1").reused).toBeGreaterThan(0);
        expect(check(root, "code-2").reused).toBe(0);
      },
    );
  });
  it("keys on the schemas and checking code: a change to them changes the key", () => {
    const repo = mkdtempSync(join(tmpdir(), "check-code-"));
    try {
      cpSync(join(import.meta.dirname, "../../src/schemas"), join(repo, "src/schemas"), { recursive: true });
      cpSync(join(import.meta.dirname, "../../src/lib"), join(repo, "src/lib"), { recursive: true });
      const before = checkingCodeDigest(repo);
      expect(checkingCodeDigest(repo)).toBe(before);
      appendFileSync(join(repo, "src/schemas/kpi.ts"), "\n// a change\n");
      expect(checkingCodeDigest(repo)).not.toBe(before);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });
});
