import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../../tools/cli/new.ts";
import { loadPortal } from "../../../src/lib/content/load.ts";
import { formatProblem } from "../../../src/lib/content/problems.ts";
import { read, run, snapshot, spawn, tempRoot } from "./helpers.ts";

const problems = (root: string) => {
  const r = loadPortal(root);
  return r.ok ? [] : r.problems.map(formatProblem);
};

describe("npm run new -- report", () => {
  it("starts a draft v1 that passes the check", async () => {
    const root = tempRoot();
    const r = await run(
      main,
      [
        "report",
        "progress-2020",
        "--title",
        "Progress report, spring 2020",
        "--meeting",
        "board-2019-12-10",
        "--plan",
        "example-plan",
      ],
      root,
    );
    expect(r.code).toBe(0);
    expect(problems(root)).toEqual([]);
    const report = loadPortal(root);
    const v1 = report.ok ? report.portal.reports.find((x) => x.slug === "progress-2020")?.versions[0] : undefined;
    expect(v1?.data).toMatchObject({
      title: "Progress report, spring 2020",
      status: "draft",
      published: "2020-04-01",
      meeting: "board-2019-12-10",
      plan: "example-plan",
    });
  });
  it("takes its title from the name when none is given", async () => {
    const root = tempRoot();
    await run(main, ["report", "progress-2020"], root);
    expect(read(root, "content/reports/progress-2020/v1.md")).toContain("title: Progress 2020\n");
  });
  it("asks for the title and summary when run interactively", async () => {
    const root = tempRoot();
    const r = await run(main, ["report", "progress-2020"], root, {
      answers: ["Spring progress", "How the plan went in spring."],
    });
    expect(r.questions).toEqual([
      'Title (press Enter for "Progress 2020"):',
      "A sentence or two, in plain words, on what the report says:",
    ]);
    expect(read(root, "content/reports/progress-2020/v1.md")).toContain(
      "title: Spring progress\nsummary: How the plan went in spring.\n",
    );
  });
});

describe("npm run new -- version", () => {
  it("copies the latest version to the next number as a draft dated today", async () => {
    const root = tempRoot();
    const r = await run(main, ["version", "progress"], root);
    expect(r.code).toBe(0);
    const v2 = read(root, "content/reports/progress/v2.md");
    expect(read(root, "content/reports/progress/v3.md")).toBe(
      v2.replace(
        "published: 2019-12-20\nstatus: published\nchanges: Corrected the status of action 1.1.",
        'published: 2020-04-01\nstatus: draft\nchanges: "" # Required: say in a sentence what changed since v2. The check fails until you do.',
      ),
    );
  });
  it("copies an MDX version as MDX", async () => {
    const root = tempRoot();
    renameSync(join(root, "content/reports/progress/v2.md"), join(root, "content/reports/progress/v2.mdx"));
    expect((await run(main, ["version", "progress"], root)).code).toBe(0);
    expect(read(root, "content/reports/progress/v3.mdx")).toContain("status: draft\n");
    expect(problems(root)).toEqual(['content/reports/progress/v3.mdx:6 — changes: must not be empty; got ""']);
  });
  it("leaves a change note the check refuses until it is written, so the copy cannot be published by accident", async () => {
    const root = tempRoot();
    await run(main, ["version", "progress"], root);
    expect(problems(root)).toEqual(['content/reports/progress/v3.md:6 — changes: must not be empty; got ""']);
  });
  it("passes the check once the change note is written", async () => {
    const root = tempRoot();
    await run(main, ["version", "progress"], root);
    const file = join(root, "content/reports/progress/v3.md");
    writeFileSync(
      file,
      read(root, "content/reports/progress/v3.md").replace(/changes: "".*/, "changes: Added the figures for January."),
    );
    expect(problems(root)).toEqual([]);
  });
  it("accepts the next number when it is given", async () => {
    const root = tempRoot();
    expect((await run(main, ["version", "progress", "v3", "--date", "2020-01-15"], root)).code).toBe(0);
    expect(read(root, "content/reports/progress/v3.md")).toContain("published: 2020-01-15\n");
  });
  it("drops a note explaining the old version's date", async () => {
    const root = tempRoot();
    writeFileSync(
      join(root, "content/reports/progress/v2.md"),
      read(root, "content/reports/progress/v2.md").replace(
        "status: published",
        "publishedNote: The date is not printed.\nstatus: published",
      ),
    );
    await run(main, ["version", "progress"], root);
    expect(read(root, "content/reports/progress/v3.md")).not.toContain("publishedNote");
  });
});

describe("npm run new -- meeting", () => {
  it("starts a meeting file that passes the check, held when its date has passed", async () => {
    const root = tempRoot();
    const r = await run(
      main,
      [
        "meeting",
        "board-2020-03-10",
        "--committee",
        "example-board",
        "--date",
        "2020-03-10",
        "--time",
        "18:30",
        "--venue",
        "Town Hall",
      ],
      root,
    );
    expect(r.code).toBe(0);
    expect(problems(root)).toEqual([]);
    expect(read(root, "content/meetings/board-2020-03-10.md")).toContain(
      'committee: example-board\ndate: 2020-03-10\ntime: "18:30"\nvenue: Town Hall\n',
    );
    expect(read(root, "content/meetings/board-2020-03-10.md")).toContain("status: held\n");
  });
  it("is scheduled when its date is still to come", async () => {
    const root = tempRoot();
    await run(main, ["meeting", "board-2020-06-09", "--committee", "example-board", "--date", "2020-06-09"], root);
    expect(read(root, "content/meetings/board-2020-06-09.md")).toContain("status: scheduled\n");
  });
  it("passes the check once a decision is filled in from the commented example", async () => {
    const root = tempRoot();
    await run(main, ["meeting", "board-2020-03-10", "--committee", "example-board", "--date", "2020-03-10"], root);
    const file = join(root, "content/meetings/board-2020-03-10.md");
    writeFileSync(
      file,
      read(root, "content/meetings/board-2020-03-10.md")
        .replace("agenda: []", 'agenda:\n  - number: "5"\n    title: Progress report')
        .replace(
          "decisions: []",
          'decisions:\n  - id: board-2020-03-10-5\n    ref: Minute 5\n    item: "5"\n    kind: resolved\n    text: That the report be noted.\n    actions: [example-plan/1-1]\n    followUps:\n      - text: Bring an update to the next meeting\n        status: open',
        ),
    );
    expect(problems(root)).toEqual([]);
  });
});

describe("npm run new -- kpi", () => {
  it("starts a KPI file with one empty series that passes the check", async () => {
    const root = tempRoot();
    const r = await run(
      main,
      [
        "kpi",
        "autism-waits",
        "--ref",
        "KPI 6/1",
        "--title",
        "Children waiting for an autism assessment",
        "--meaning",
        "How many children wait.",
        "--source",
        "NHS tracker",
        "--unit",
        "count",
        "--better",
        "lower",
        "--frequency",
        "monthly",
        "--plan",
        "example-plan",
      ],
      root,
    );
    expect(r.code).toBe(0);
    expect(problems(root)).toEqual([]);
    expect(JSON.parse(read(root, "data/kpis/autism-waits.json"))).toEqual({
      // The path leads from the content root, wherever it is, to this repository's schema/.
      $schema: relative(join(root, "data/kpis"), join(import.meta.dirname, "../../../schema/kpi.schema.json")),
      ref: "KPI 6/1",
      title: "Children waiting for an autism assessment",
      meaning: "How many children wait.",
      unit: "count",
      better: "lower",
      source: "NHS tracker",
      plan: "example-plan",
      targets: [],
      comparators: [],
      series: [{ id: "all", label: "All children and young people", frequency: "monthly", values: [] }],
    });
  });
  it("lists every missing detail at once", async () => {
    const r = await run(main, ["kpi", "autism-waits", "--ref", "KPI 6/1"], tempRoot());
    expect(r.err.split("\n")[0]).toBe("Error: missing --title, --meaning, --source, --unit, --better, --frequency");
  });
  it("refuses a unit it does not know and suggests the nearest", async () => {
    const r = await run(
      main,
      [
        "kpi",
        "x",
        "--ref",
        "r",
        "--title",
        "t",
        "--meaning",
        "m",
        "--source",
        "s",
        "--unit",
        "percentage",
        "--better",
        "higher",
        "--frequency",
        "monthly",
      ],
      tempRoot(),
    );
    expect(r.err.split("\n").slice(0, 2)).toEqual([
      'Error: --unit "percentage" is not one of percent, count, weeks, days, gbp, rate, score',
      "Did you mean percent?",
    ]);
  });
});

describe("npm run new refuses bad input and changes no file", () => {
  const cases: [string, string[], string][] = [
    [
      "a report name already in use",
      ["report", "progress"],
      "Error: a report called progress already exists (content/reports/progress/)",
    ],
    [
      "a name that is not a slug",
      ["report", "Progress Report"],
      'Error: "Progress Report" cannot be used as a name: it becomes part of the web address, so it may contain only lower-case letters, digits and single hyphens\nUse progress-report',
    ],
    [
      "a meeting name already in use",
      ["meeting", "board-2019-12-10", "--committee", "example-board", "--date", "2019-12-10"],
      "Error: a meeting called board-2019-12-10 already exists",
    ],
    ["a KPI name already in use", ["kpi", "waits"], "Error: a KPI called waits already exists (data/kpis/waits.json)"],
    [
      "a version that skips",
      ["version", "progress", "v5"],
      "Error: v5 would skip v3 and v4: versions run without gaps\nThe next version is v3.",
    ],
    ["a version that exists", ["version", "progress", "v2"], "Error: v2 of progress already exists"],
    [
      "a version of a report that does not exist",
      ["version", "progres"],
      'Error: --report: there is no report "progres" in content/reports/\nDid you mean progress?',
    ],
    [
      "a committee that does not exist",
      ["meeting", "board-2020-03-10", "--committee", "example-bored", "--date", "2020-03-10"],
      'Error: --committee: there is no committee "example-bored" in content/committees/\nDid you mean example-board?',
    ],
    [
      "a meeting without its committee and date",
      ["meeting", "board-2020-03-10"],
      "Error: missing --committee and --date",
    ],
    [
      "a meeting date that is not a date",
      ["meeting", "board-2020-03-10", "--committee", "example-board", "--date", "10/03/2020"],
      'Error: --date "10/03/2020" is not a date or period',
    ],
    [
      "a report for a meeting that does not exist",
      ["report", "progress-2020", "--meeting", "board-2020"],
      'Error: --meeting: there is no meeting "board-2020" in content/meetings/',
    ],
    ["something it cannot start", ["page", "about"], 'Error: "page" is not something npm run new can start'],
  ];
  for (const [what, argv, message] of cases) {
    it(`refuses ${what}`, async () => {
      const root = tempRoot();
      const before = snapshot(root);
      const r = await run(main, argv, root);
      expect(r.code).toBe(1);
      expect(r.err.startsWith(message)).toBe(true);
      expect(r.err.endsWith("Nothing was changed.")).toBe(true);
      expect(snapshot(root)).toEqual(before);
    });
  }
  it("refuses a new version while the latest is still a draft", async () => {
    const root = tempRoot();
    await run(main, ["version", "progress"], root);
    const before = snapshot(root);
    const r = await run(main, ["version", "progress"], root);
    expect(r.err.split("\n").slice(0, 2)).toEqual([
      "Error: v3 of progress is still a draft",
      "Finish content/reports/progress/v3.md (or delete it) before starting v4: only one draft at a time.",
    ]);
    expect(snapshot(root)).toEqual(before);
  });
  it("refuses a new version when the existing versions already skip a number", async () => {
    const root = tempRoot();
    renameSync(join(root, "content/reports/progress/v2.md"), join(root, "content/reports/progress/v3.md"));
    const before = snapshot(root);
    const r = await run(main, ["version", "progress"], root);
    expect(r.err.split("\n").slice(0, 2)).toEqual([
      "Error: the versions of progress skip a number (v1, v3)",
      "Rename v3.md to v2.md first; versions run v1, v2, … without gaps.",
    ]);
    expect(snapshot(root)).toEqual(before);
  });
  it("refuses a report folder that exists without versions", async () => {
    const root = tempRoot();
    mkdirSync(join(root, "content/reports/empty"));
    const r = await run(main, ["report", "empty"], root);
    expect(r.err.split("\n")[0]).toBe("Error: a report called empty already exists (content/reports/empty/)");
  });
});

describe("the commands as an officer runs them", () => {
  it("prints help and exits 0", () => {
    const r = spawn("new", ["--help"], tempRoot());
    expect(r.code).toBe(0);
    expect(r.out).toContain("npm run new -- version <report> [v<n>] [--date <published>]");
  });
  it("creates a version in the content root named by PORTAL_DIR", () => {
    const root = tempRoot();
    const r = spawn("new", ["version", "progress", "--date", "2020-01-15"], root);
    expect([r.code, r.out.split("\n")[0]]).toEqual([0, "Created content/reports/progress/v3.md, a draft copy of v2."]);
  });
  it("exits 1 with a plain message on bad input", () => {
    const root = tempRoot();
    const r = spawn("new", ["report", "progress"], root);
    expect([r.code, r.err.split("\n")[0]]).toEqual([
      1,
      "Error: a report called progress already exists (content/reports/progress/)",
    ]);
  });
});
