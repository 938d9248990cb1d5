import {
  appendFileSync,
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { checkContent, loadPortal } from "../../src/lib/content/load.ts";
import { CheckCache, checkingCodeDigest } from "../../src/lib/content/check-cache.ts";
import { kpiCheckedFrom, kpiPlausibilityProblems } from "../../src/lib/content/plausibility.ts";
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
): { problems: string[]; reused: number } {
  const cache = CheckCache.open(root, { dir, code, ...(options.settled ? { now: Date.now() + 60_000 } : {}) });
  const result = checkContent(root, { cache });
  cache.keep(result.files);
  return { problems: result.ok ? [] : sortProblems(result.problems).map(formatProblem), reused: cache.reused };
}

/** The same content loaded from scratch, as the build loads it. */
function cold(root: string): { problems: string[] } {
  const result = loadPortal(root);
  return { problems: result.ok ? [] : sortProblems(result.problems).map(formatProblem) };
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
  it("keeps only the facts the checks across files read: no figure, no text", () => {
    withFixture(
      () => {},
      (root) => {
        check(root, "code-5");
        const kept = readdirSync(join(dir, "code-5"))
          .map((f) => readFileSync(join(dir, "code-5", f), "utf8"))
          .join("");
        expect(kept).toContain('"rebaselines":[]'); // the indicator's line
        expect(kept).toContain('"committee":"example-board"');
        for (const left of [
          "Tracker not in place",
          '"value":29',
          "Waits are falling as planned",
          "That the progress report be noted",
        ])
          expect(kept).not.toContain(left);
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

/** Writes a file of the root. */
const write = (root: string, file: string, text: string) => writeFileSync(join(root, file), text);

const TOPICS = `topics:
  - id: waiting
    label: Waiting for therapy
    description: How long children wait.
`;

/**
 * Each reference the checks across files follow, made in one file and broken by editing another: the
 * check after the edit takes the referring file from its cache (its facts only), and must find exactly
 * what the build's load from scratch finds. A fact missing from facts.ts fails here.
 */
const BROKEN_ELSEWHERE: { name: string; setup?: (root: string) => void; edit: (root: string) => void }[] = [
  {
    name: "an indicator's plan, the plan file renamed",
    setup: (root) => replaceIn(root, KPI, '"source": "Fixture",', '"source": "Fixture",\n  "plan": "example-plan",'),
    edit: (root) => {
      write(root, "content/plans/renamed-plan.md", readFileSync(join(root, "content/plans/example-plan.md"), "utf8"));
      rmSync(join(root, "content/plans/example-plan.md"));
    },
  },
  {
    name: "an indicator's commentary and judgement, the report version removed",
    setup: (root) =>
      replaceIn(
        root,
        KPI,
        '"series": [',
        '"commentary": [{ "report": "progress/v2", "text": "Falling." }],\n  "judgements": [{ "report": "progress/v2", "verdict": "on-track", "quote": "On track." }],\n  "series": [',
      ),
    edit: (root) => rmSync(join(root, "content/reports/progress/v2.md")),
  },
  {
    name: "the indicator an indicator continues, removed",
    setup: (root) => {
      write(root, "data/kpis/waits-old.json", readFileSync(join(root, KPI), "utf8"));
      replaceIn(root, KPI, '"source": "Fixture",', '"source": "Fixture",\n  "continues": "waits-old",');
    },
    edit: (root) => rmSync(join(root, "data/kpis/waits-old.json")),
  },
  {
    name: "an indicator's and an action's topic, no longer declared",
    setup: (root) => {
      appendFileSync(join(root, "content/site.yml"), TOPICS);
      replaceIn(root, KPI, '"source": "Fixture",', '"source": "Fixture",\n  "topics": ["waiting"],');
      replaceIn(root, "content/plans/example-plan.md", "kpis: [waits]", "kpis: [waits]\n        topics: [waiting]");
    },
    edit: (root) => replaceIn(root, "content/site.yml", "id: waiting", "id: waits"),
  },
  {
    name: "the actions and indicators that a plan, a version and a decision name, renamed",
    edit: (root) => {
      replaceIn(root, "content/plans/example-plan.md", "id: 1-1", "id: 1-9");
      write(root, "data/kpis/waiting.json", readFileSync(join(root, KPI), "utf8"));
      rmSync(join(root, KPI));
    },
  },
  {
    name: "the agenda item a follow-up cites, renumbered",
    setup: (root) => {
      const second = readFileSync(join(root, MEETING), "utf8")
        .replace("date: 2019-12-10", "date: 2020-03-10")
        .replace("id: board-2019-12-10-1", "id: board-2020-03-10-1");
      write(root, SECOND_MEETING, second);
      replaceIn(root, MEETING, "status: open", 'status: open\n        cites: { meeting: board-2020-03-10, item: "1" }');
    },
    edit: (root) => replaceIn(root, SECOND_MEETING, 'number: "1"', 'number: "2"'),
  },
  {
    name: "the meeting a version was presented to, renamed",
    edit: (root) => {
      write(
        root,
        SECOND_MEETING,
        readFileSync(join(root, MEETING), "utf8").replace("date: 2019-12-10", "date: 2020-03-10"),
      );
      rmSync(join(root, MEETING));
    },
  },
  {
    name: "a meeting's committee and a paper's report version, removed",
    setup: (root) => replaceIn(root, MEETING, "report: progress", "report: progress/v2"),
    edit: (root) => {
      rmSync(join(root, "content/committees/example-board.yml"));
      rmSync(join(root, "content/reports/progress/v2.md"));
    },
  },
  {
    name: "the heading the site's history links to, reworded in the plan",
    setup: (root) => {
      appendFileSync(
        join(root, "content/site.yml"),
        "history:\n  label: How it began\n  plan: example-plan\n  heading: Background\n",
      );
      appendFileSync(join(root, "content/plans/example-plan.md"), "\n## Background\n\nHow it began.\n");
    },
    edit: (root) => replaceIn(root, "content/plans/example-plan.md", "## Background", "## History"),
  },
  {
    name: "a figure an MDX version places, asked for a period the unchanged indicator has no figure for",
    setup: (root) =>
      write(
        root,
        "content/reports/progress/v3.mdx",
        '---\ntitle: Progress report\nsummary: How the plan is going.\npublished: 2019-12-21\nstatus: published\nchanges: A figure.\n---\nWaits were <KpiFigure kpi="waits" period="2019-10" /> weeks.\n',
      ),
    edit: (root) => replaceIn(root, "content/reports/progress/v3.mdx", 'period="2019-10"', 'period="2019-09"'),
  },
];

describe("the check after an edit, with only facts kept of the files it did not read", () => {
  for (const { name, setup, edit } of BROKEN_ELSEWHERE)
    it(`finds what a load from scratch finds: ${name}`, () => {
      withFixture(setup ?? (() => {}), (root) => {
        expect(check(root, "code-1", { settled: true }).problems).toEqual([]);
        edit(root);
        const warm = check(root, "code-1", { settled: true });
        expect(warm.reused).toBeGreaterThan(0);
        expect(warm.problems).not.toEqual([]);
        expect(warm.problems).toEqual(cold(root).problems);
      });
    });

  it("reports again, from the facts it kept, a problem the checks across files found within one unchanged file", () => {
    withFixture(
      (root) => replaceIn(root, MEETING, 'item: "1"', 'item: "9"'),
      (root) => {
        const first = check(root, "code-1", { settled: true });
        expect(first.problems.join("\n")).toMatch(/decisions\[0\]\.item: no agenda item "9" in this meeting/);
        const again = check(root, "code-1", { settled: true });
        expect(again.reused).toBeGreaterThan(5);
        expect(again.problems).toEqual(first.problems);
      },
    );
  });

  it("finds a version published and a meeting held after today, when only today changed", () => {
    withFixture(
      () => {},
      (root) => {
        vi.stubEnv("PORTAL_TODAY", "2023-12-01");
        expect(check(root, "code-1", { settled: true }).problems).toEqual([]);
        vi.stubEnv("PORTAL_TODAY", "2019-12-05");
        const warm = check(root, "code-1", { settled: true });
        expect(warm.problems.join("\n")).toMatch(
          /board-2019-12-10\.md:\d+ — status: marked held, but its date 2019-12-10 is after today/,
        );
        expect(warm.problems.join("\n")).toMatch(/progress\/v2\.md:\d+ — published: published 2019-12-20, after today/);
        expect(warm.problems).toEqual(cold(root).problems);
      },
    );
  });
});

describe("the first day an indicator's dated figures pass", () => {
  /** The fixture's indicator with a comparator figure and a figure taken on a day of its own. */
  const kpi = () =>
    withFixture(
      (root) => {
        replaceIn(
          root,
          KPI,
          '{ "period": "2019-10", "value": 29 }',
          '{ "period": "2019-10", "value": 29, "asAt": "2020-01-15" }',
        );
        replaceIn(
          root,
          KPI,
          '"series": [',
          '"comparators": [{ "id": "england", "label": "England", "values": [{ "period": "2020-01", "value": 20 }] }],\n  "series": [',
        );
      },
      (root) => {
        const result = loadPortal(root);
        if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
        return result.portal.kpis[0]!;
      },
    );

  it("is the latest of its figures' period starts and asAt days: no problem from that day, one the day before", () => {
    const { data, file } = kpi();
    const at = kpiCheckedFrom(data);
    expect(at).toBe("2020-01-15");
    expect(kpiPlausibilityProblems(data, file, new Map(), at)).toEqual([]);
    expect(kpiPlausibilityProblems(data, file, new Map(), "2020-01-14").map((p) => p.field)).toEqual([
      "series[0].values[0].asAt",
    ]);
    expect(kpiPlausibilityProblems(data, file, new Map(), "2019-12-31").map((p) => p.field)).toEqual([
      "series[0].values[0].asAt",
      "comparators[0].values[0].period",
    ]);
  });
});
