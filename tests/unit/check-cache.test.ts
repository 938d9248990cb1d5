import {
  appendFileSync,
  cpSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { loadPortal } from "../../src/lib/content/load.ts";
import { CheckCache, checkingCodeDigest } from "../../src/lib/content/check-cache.ts";
import { formatProblem, sortProblems } from "../../src/lib/content/problems.ts";
import { replaceIn, withFixture } from "../helpers/content-root.ts";

const dir = mkdtempSync(join(tmpdir(), "check-cache-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * `npm run check` with the cache, as the command runs it: open, check, keep. `settled`: as if the check
 * ran well after every file was written, so the cache vouches for unchanged files by their stat.
 */
function check(
  root: string,
  code = "code-1",
  options: { settled?: boolean } = {},
): { problems: string[]; reused: number; data: unknown } {
  const cache = CheckCache.open(root, { dir, code, ...(options.settled ? { now: Date.now() + 60_000 } : {}) });
  const result = loadPortal(root, { cache });
  cache.keep(result.files);
  return {
    problems: result.ok ? [] : sortProblems(result.problems).map(formatProblem),
    reused: cache.reused,
    data: result.ok ? JSON.parse(JSON.stringify(result.portal)) : undefined,
  };
}

/** The same content checked from scratch, as `npm run check -- --no-cache` does. */
function cold(root: string): { problems: string[]; data: unknown } {
  const result = loadPortal(root);
  return {
    problems: result.ok ? [] : sortProblems(result.problems).map(formatProblem),
    data: result.ok ? JSON.parse(JSON.stringify(result.portal)) : undefined,
  };
}

afterEach(() => {
  vi.unstubAllEnvs();
});

const KPI = "data/kpis/waits.json";
const MEETING = "content/meetings/board-2019-12-10.md";
const SECOND_MEETING = "content/meetings/board-2020-03-10.md";

/** The fixture's indicator re-baselined by the fixture's decision, and a second meeting with a decision of its own. */
function withReferences(root: string): void {
  replaceIn(
    root,
    KPI,
    '"series": [',
    '"rebaselines": [{ "date": "2019-12-10", "decision": "board-2019-12-10-1", "reason": "Agreed at the board" }],\n  "series": [',
  );
  const meeting = readFileSync(join(root, MEETING), "utf8")
    .replace("date: 2019-12-10", "date: 2020-03-10")
    .replace("id: board-2019-12-10-1", "id: board-2020-03-10-1");
  writeFileSync(join(root, SECOND_MEETING), meeting);
}

/** Thirty monthly figures and a long commentary: what the cache sets apart and reads back only when asked. */
function withLongSeries(root: string): void {
  const months = Array.from(
    { length: 30 },
    (_, i) =>
      `{ "period": "${2017 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}", "value": ${20 + (i % 7)} }`,
  );
  replaceIn(
    root,
    KPI,
    '{ "period": "2019-10", "value": 29 },',
    `${months.join(",\n")},\n{ "period": "2019-10", "value": 29 },`,
  );
  replaceIn(
    root,
    KPI,
    '"meaning": "How many weeks children wait for a first appointment."',
    `"meaning": "How many weeks children wait for a first appointment. ${"Counted from the date of referral to the first face-to-face appointment. ".repeat(3).trim()}"`,
  );
}

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
  it("reports a problem across files, made by editing the other file, exactly as a check from scratch does", () => {
    withFixture(withReferences, (root) => {
      expect(check(root, "code-1", { settled: true }).problems).toEqual([]);
      // The decision the unchanged indicator refers to is renamed in the meeting.
      replaceIn(root, MEETING, "id: board-2019-12-10-1", "id: board-2019-12-10-2");
      const warm = check(root, "code-1", { settled: true });
      expect(warm.reused).toBeGreaterThan(5);
      expect(warm.problems.join("\n")).toMatch(
        /^data\/kpis\/waits\.json:\d+ — rebaselines\[0\]\.decision: no decision "board-2019-12-10-1" exists/m,
      );
      expect(warm.problems).toEqual(cold(root).problems);
    });
  });
  it("reports a duplicate id made by editing one of two files exactly as a check from scratch does", () => {
    withFixture(withReferences, (root) => {
      check(root, "code-1", { settled: true });
      replaceIn(root, SECOND_MEETING, "id: board-2020-03-10-1", "id: board-2019-12-10-1");
      const warm = check(root, "code-1", { settled: true });
      expect(warm.problems.join("\n")).toMatch(
        /decision id "board-2019-12-10-1" is already used in content\/meetings\/board-2019-12-10\.md/,
      );
      expect(warm.problems).toEqual(cold(root).problems);
    });
  });
  it("gives back exactly the data a check from scratch reads, figures and long texts included", () => {
    withFixture(
      (root) => {
        withReferences(root);
        withLongSeries(root);
      },
      (root) => {
        check(root, "code-1", { settled: true });
        appendFileSync(join(root, MEETING), "\nOne more line.\n");
        const warm = check(root, "code-1", { settled: true });
        expect(warm.reused).toBeGreaterThan(5);
        expect(warm.data).toEqual(cold(root).data);
      },
    );
  });
  it("checks an indicator's own figures again when today changes, even if its file has not", () => {
    withFixture(withLongSeries, (root) => {
      vi.stubEnv("PORTAL_TODAY", "2023-12-01");
      expect(check(root, "code-1", { settled: true }).problems).toEqual([]);
      vi.stubEnv("PORTAL_TODAY", "2019-11-20");
      const warm = check(root, "code-1", { settled: true });
      expect(warm.problems.join("\n")).toMatch(
        /^data\/kpis\/waits\.json:\d+ — series\[0\]\.values\[32\]\.period: a figure for 2019-12, which has not begun/m,
      );
      expect(warm.problems).toEqual(cold(root).problems);
    });
  });
  it("reports a problem in an indicator's own figures on every check, not only the first", () => {
    withFixture(
      () => {},
      (root) => {
        check(root, "code-1", { settled: true });
        replaceIn(root, KPI, '{ "period": "2019-11", "value": null', '{ "period": "2019-10", "value": null');
        const first = check(root, "code-1", { settled: true });
        expect(first.problems.join("\n")).toMatch(/period "2019-10" appears twice in series "all"/);
        expect(check(root, "code-1", { settled: true }).problems).toEqual(first.problems);
        expect(first.problems).toEqual(cold(root).problems);
      },
    );
  });
  it("does not trust a file's stat once it changes: an edit that keeps its size and modification time is found", () => {
    withFixture(
      () => {},
      (root) => {
        const path = join(root, KPI);
        const settledAt = new Date("2024-01-01T00:00:00Z"); // a whole second: set again exactly below
        utimesSync(path, settledAt, settledAt);
        check(root, "code-1", { settled: true });
        expect(check(root, "code-1", { settled: true }).problems).toEqual([]);
        replaceIn(root, KPI, '"value": 29', '"value": -9');
        utimesSync(path, settledAt, settledAt); // the same size and modification time; the change time still moves
        expect(statSync(path).mtimeMs).toBe(settledAt.getTime());
        const warm = check(root, "code-1", { settled: true });
        expect(warm.problems.join("\n")).toMatch(
          /^data\/kpis\/waits\.json:19 — series\[0\]\.values\[0\]\.value: -9 is below 0/,
        );
        expect(warm.problems).toEqual(cold(root).problems);
      },
    );
  });
  it("is dropped when a schema changes: the next check validates every file again", () => {
    const repo = mkdtempSync(join(tmpdir(), "check-code-"));
    try {
      cpSync(join(import.meta.dirname, "../../src/schemas"), join(repo, "src/schemas"), { recursive: true });
      cpSync(join(import.meta.dirname, "../../src/lib"), join(repo, "src/lib"), { recursive: true });
      withFixture(
        () => {},
        (root) => {
          check(root, checkingCodeDigest(repo));
          expect(check(root, checkingCodeDigest(repo)).reused).toBeGreaterThan(5);
          appendFileSync(join(repo, "src/schemas/kpi.ts"), "\n// a change\n");
          expect(check(root, checkingCodeDigest(repo)).reused).toBe(0);
        },
      );
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });
});
