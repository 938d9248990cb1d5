import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../../tools/cli/kpi.ts";
import { loadPortal } from "../../../src/lib/content/load.ts";
import { CSV, read, readKpi, run, snapshot, spawn, tempRoot } from "./helpers.ts";

const values = (root: string, slug: string, series = 0) => readKpi(root, slug).series[series]!.values;

describe("npm run kpi -- add", () => {
  it("adds a value in period order and leaves the content valid", async () => {
    const root = tempRoot();
    const r = await run(main, ["add", "waits", "2020-01", "26.5", "--provisional", "--note", "Early count"], root);
    expect(r.code).toBe(0);
    expect(values(root, "waits").at(-1)).toEqual({
      period: "2020-01",
      value: 26.5,
      provisional: true,
      note: "Early count",
    });
    expect(loadPortal(root).ok).toBe(true);
  });
  it("says what it changed and what to do next", async () => {
    const r = await run(main, ["add", "waits", "2020-01", "26"], tempRoot());
    expect(r.out).toBe(
      'Updated data/kpis/waits.json:\n  waits, series "all", 2020-01: added 26\n\nPreview with npm run dev, then commit the changed file.',
    );
  });
  it("adds to the named series of a KPI with several, with the count behind a percentage", async () => {
    const root = tempRoot();
    await run(main, ["add", "ehcp-timeliness", "2020-Q1", "45%", "--series", "under-5", "--count", "1,021"], root);
    expect(values(root, "ehcp-timeliness", 1).at(-1)).toEqual({ period: "2020-Q1", value: 45, count: 1021 });
  });
  it("records a missing value with its reason, never as zero", async () => {
    const root = tempRoot();
    await run(main, ["add", "waits", "2020-01", "--missing", "Tracker being replaced"], root);
    expect(values(root, "waits").at(-1)).toEqual({ period: "2020-01", value: null, missing: "Tracker being replaced" });
  });
  it("adds a first value to a KPI with none", async () => {
    const root = tempRoot();
    await run(main, ["add", "ehcp-requests", "2020-01", "1,234"], root);
    expect(values(root, "ehcp-requests")).toEqual([{ period: "2020-01", value: 1234 }]);
    expect(loadPortal(root).ok).toBe(true);
  });
  it("corrects a published value with --revise --reason, keeping the trail", async () => {
    const root = tempRoot();
    const first = await run(main, ["add", "waits", "2019-12", "26", "--revise", "--reason", "Validated figure"], root, {
      today: "2020-02-01",
    });
    const second = await run(
      main,
      ["add", "waits", "2019-12", "25", "--revise", "--reason", "Audit found two duplicates", "--date", "2020-03-05"],
      root,
    );
    expect([first.code, second.code]).toEqual([0, 0]);
    expect(values(root, "waits")[2]).toEqual({
      period: "2019-12",
      value: 25,
      revisions: [
        { value: 27, revised: "2020-02-01", reason: "Validated figure" },
        { value: 26, revised: "2020-03-05", reason: "Audit found two duplicates" },
      ],
    });
    expect(second.out).toContain(
      'waits, series "all", 2019-12: corrected from 26 to 25. Reason: Audit found two duplicates',
    );
    expect(loadPortal(root).ok).toBe(true);
  });
  it("shows what would change with --dry-run and writes nothing", async () => {
    const root = tempRoot();
    const before = snapshot(root);
    const r = await run(main, ["add", "waits", "2020-01", "26", "--dry-run"], root);
    expect(r.out).toBe(
      'Every value is valid. This would change data/kpis/waits.json:\n  waits, series "all", 2020-01: added 26\n\nNothing was written (--dry-run).',
    );
    expect(snapshot(root)).toEqual(before);
  });
  it("asks for what is missing when run interactively", async () => {
    const root = tempRoot();
    const r = await run(main, ["add"], root, { answers: ["waits", "2020-01", "25"] });
    expect(r.code).toBe(0);
    expect(r.questions).toEqual([
      "Which KPI? (its file name in data/kpis/, e.g. kpi-1-2a):",
      "Which period? (e.g. 2024-03, 2024-Q1, FY2023/24):",
      "The figure:",
    ]);
    expect(values(root, "waits").at(-1)).toEqual({ period: "2020-01", value: 25 });
  });
  it("asks for the reason for a correction when run interactively", async () => {
    const root = tempRoot();
    const r = await run(main, ["add", "waits", "2019-12", "26", "--revise"], root, { answers: ["Validated"] });
    expect([r.code, values(root, "waits")[2]?.revisions?.[0]?.reason]).toEqual([0, "Validated"]);
  });
});

describe("npm run kpi -- add refuses bad input and changes no file", () => {
  const cases: [string, string[], string][] = [
    ["an unknown KPI", ["add", "wait", "2020-01", "26"], 'kpi: no KPI "wait". Did you mean "waits"?'],
    [
      "a series the KPI does not have",
      ["add", "ehcp-timeliness", "2020-Q1", "45", "--series", "ehcp"],
      'series: ehcp-timeliness has no series "ehcp"',
    ],
    [
      "an impossible period for the KPI's frequency",
      ["add", "waits", "2020-Q1", "26"],
      'period: 2020-Q1 is a quarter, but series "all" of waits is measured monthly',
    ],
    ["a non-numeric value", ["add", "waits", "2020-01", "about 26"], 'value: expected a number; got "about 26"'],
    [
      "a duplicate period",
      ["add", "waits", "2019-12", "26"],
      "period: waits already has a published value for 2019-12",
    ],
    [
      "a correction without a reason",
      ["add", "waits", "2019-12", "26", "--revise"],
      "reason: a correction needs a reason",
    ],
    ["a missing value", ["add", "waits", "2020-01"], "missing <value>"],
    ["an unknown option", ["add", "waits", "2020-01", "26", "--provisonal"], "unknown option --provisonal"],
    [
      "an impossible correction date",
      ["add", "waits", "2019-12", "26", "--revise", "--reason", "x", "--date", "2020-02-30"],
      '--date "2020-02-30" is not a real date',
    ],
    ["an unknown command", ["append", "waits"], '"append" is not something npm run kpi can do'],
  ];
  for (const [what, argv, message] of cases) {
    it(`refuses ${what}`, async () => {
      const root = tempRoot();
      const before = snapshot(root);
      const r = await run(main, argv, root);
      expect(r.code).toBe(1);
      expect(r.err).toContain(message);
      expect(r.err.endsWith("Nothing was changed.")).toBe(true);
      expect(snapshot(root)).toEqual(before);
    });
  }
});

describe("npm run kpi -- import", () => {
  it("imports the sample Excel export into three KPIs", async () => {
    const root = tempRoot();
    const r = await run(main, ["import", "excel-export.csv"], root);
    expect(r.code).toBe(0);
    expect(values(root, "ehcp-timeliness").at(-1)).toEqual({
      period: "2020-Q1",
      value: 61.5,
      count: 1021,
      provisional: true,
      note: "Validated, pending audit",
    });
    expect(values(root, "ehcp-timeliness", 1).at(-1)).toEqual({
      period: "2020-Q1",
      value: null,
      missing: "Too few children to publish safely",
    });
    expect(values(root, "ehcp-requests")).toEqual([
      { period: "2020-01", value: 1234 },
      { period: "2020-02", value: 1198, note: "Half term, so fewer requests" },
    ]);
    expect(values(root, "waits").at(-1)).toEqual({ period: "2020-01", value: 24 });
    expect(loadPortal(root).ok).toBe(true);
  });
  it("changes only the lines of the values it adds", async () => {
    const root = tempRoot();
    const before = read(root, "data/kpis/waits.json");
    await run(main, ["import", "excel-export.csv"], root);
    expect(read(root, "data/kpis/waits.json")).toBe(
      before.replace(
        '"provisional": true }\n',
        '"provisional": true },\n        { "period": "2020-01", "value": 24 }\n',
      ),
    );
  });
  it("leaves rows that repeat published figures alone, so a whole tracker can be imported again", async () => {
    const root = tempRoot();
    await run(main, ["import", "excel-export.csv"], root);
    const after = snapshot(root);
    const again = await run(main, ["import", "excel-export.csv"], root);
    expect([again.code, again.out]).toEqual([
      0,
      "5 rows repeat figures already published exactly and were left as they were.\nNothing to import: every row is already published.",
    ]);
    expect(snapshot(root)).toEqual(after);
  });
  it("records corrections marked in the revise and reason columns", async () => {
    const root = tempRoot();
    const r = await run(main, ["import", "corrections.csv", "--date", "2020-04-02"], root);
    expect(r.code).toBe(0);
    expect(values(root, "waits")[2]).toEqual({
      period: "2019-12",
      value: 26,
      revisions: [{ value: 27, revised: "2020-04-02", reason: "Validated figure replaces the provisional one" }],
    });
    expect(values(root, "ehcp-timeliness")[1]).toEqual({
      period: "2019-Q4",
      value: 56.2,
      revisions: [{ value: 55, revised: "2020-04-02", reason: "Late returns added" }],
      note: "Printed in section 2.3.",
    });
  });
  it("treats published periods as corrections with --revise --reason", async () => {
    const root = tempRoot();
    writeFileSync(join(root, "fix.csv"), "kpi,series,period,value\nwaits,all,2019-12,26\nwaits,all,2020-01,25\n");
    const r = await run(main, ["import", "fix.csv", "--revise", "--reason", "Validated"], root, { cwd: root });
    expect(r.code).toBe(0);
    expect(values(root, "waits").slice(2)).toEqual([
      { period: "2019-12", value: 26, revisions: [{ value: 27, revised: "2020-04-01", reason: "Validated" }] },
      { period: "2020-01", value: 25 },
    ]);
  });
  it("reads the file relative to the folder the command was typed in", async () => {
    const root = tempRoot();
    copyFileSync(join(CSV, "excel-export.csv"), join(root, "mine.csv"));
    expect((await run(main, ["import", "mine.csv"], root, { cwd: root })).code).toBe(0);
  });
});

describe("npm run kpi -- import refuses bad rows and writes nothing", () => {
  it("reports every bad row with its line, column and fix", async () => {
    const root = tempRoot();
    const before = snapshot(root);
    const r = await run(main, ["import", "bad-rows.csv"], root);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`Error: 8 rows of 9 in bad-rows.csv have problems, so nothing was imported:
bad-rows.csv:3 — kpi: no KPI "wait". Did you mean "waits"?
bad-rows.csv:4 — series: ehcp-timeliness has no series "ehcp". ehcp-timeliness has: all (All new plans, quarterly), under-5 (Children under 5, quarterly)
bad-rows.csv:5 — period: 2020-03 is a month, but series "all" of ehcp-timeliness is measured quarterly (a quarter or a financial-year quarter). Write a quarter such as 2024-Q1 (January to March) or FY2023/24-Q4 (financial)
bad-rows.csv:6 — period: "2020-13" is not a period. Write a quarter such as 2024-Q1 (January to March) or FY2023/24-Q4 (financial)
bad-rows.csv:7 — value: expected a number; got "lots". Write a number such as 42, 42.5, 1,234 or 45%
bad-rows.csv:8 — value: is blank and no reason is given. Type the figure, or say why there is none in the missing column
bad-rows.csv:9 — period: 2020-01 for waits, series "all", appears twice: line 2 has it too. Keep one row per KPI, series and period
bad-rows.csv:10 — period: waits already has a published value for 2019-12 in series "all": 27 (provisional). To correct it, put yes in the revise column and say why in the reason column (or import with --revise --reason "…")

Nothing was changed.`);
    expect(snapshot(root)).toEqual(before);
  });
  it("refuses a CSV with missing columns", async () => {
    const root = tempRoot();
    const before = snapshot(root);
    writeFileSync(join(root, "short.csv"), "kpi,period,value\nwaits,2020-01,24\n");
    const r = await run(main, ["import", "short.csv"], root, { cwd: root });
    expect([r.code, r.err.split("\n")[1]]).toEqual([
      1,
      "short.csv:1 — missing column series. The first row must name the columns kpi,series,period,value (in any order), and may add count, provisional, note, missing, revise, reason",
    ]);
    expect(snapshot(root)).toEqual({ ...before, "short.csv": "kpi,period,value\nwaits,2020-01,24\n" });
  });
  it("refuses a file that is not UTF-8", async () => {
    const r = await run(main, ["import", "windows-1252.csv"], tempRoot());
    expect([r.code, r.err.split("\n")[0]]).toEqual([1, "Error: windows-1252.csv could not be read:"]);
  });
  it("refuses a file that does not exist", async () => {
    const r = await run(main, ["import", "nowhere.csv"], tempRoot());
    expect([r.code, r.err.split("\n")[0]]).toEqual([1, "Error: cannot find the file nowhere.csv"]);
  });
  it("refuses rows for a KPI whose own file fails the check", async () => {
    const root = tempRoot();
    writeFileSync(
      join(root, "data/kpis/ehcp-requests.json"),
      read(root, "data/kpis/ehcp-requests.json").replace('"unit": "count"', '"unit": "people"'),
    );
    const before = snapshot(root);
    const r = await run(main, ["import", "excel-export.csv"], root);
    expect(r.err).toContain(
      "excel-export.csv:4 — kpi: data/kpis/ehcp-requests.json has problems of its own. Run npm run check and fix that file first",
    );
    expect(snapshot(root)).toEqual(before);
  });
});

describe("the commands as an officer runs them", () => {
  it("prints help and exits 0", () => {
    const r = spawn("kpi", ["--help"], tempRoot());
    expect(r.code).toBe(0);
    expect(r.out).toContain("npm run kpi -- add <kpi> <period> <value> [options]");
  });
  it("adds a value to the content root named by PORTAL_DIR", () => {
    const root = tempRoot();
    const r = spawn("kpi", ["add", "waits", "2020-01", "12"], root);
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(values(root, "waits").at(-1)).toEqual({ period: "2020-01", value: 12 });
  });
  it("refuses an impossible figure (a negative wait), naming the file and line, and changes nothing", () => {
    const root = tempRoot();
    const before = snapshot(root);
    const r = spawn("kpi", ["add", "waits", "2020-01", "-1"], root);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /data\/kpis\/waits\.json:\d+ — series\[0\]\.values\[\d+\]\.value: -1 is below 0, the lowest a weeks figure can be/,
    );
    expect(snapshot(root)).toEqual(before);
  });
  it("exits 1 with a plain message on bad input", () => {
    const root = tempRoot();
    const before = snapshot(root);
    const r = spawn("kpi", ["import", "bad-rows.csv"], root);
    expect(r.code).toBe(1);
    expect(r.err).toContain('bad-rows.csv:3 — kpi: no KPI "wait"');
    expect(snapshot(root)).toEqual(before);
  });
});

describe("a KPI file that is not UTF-8", () => {
  it("makes add refuse, leaving every byte of the file as it was", async () => {
    const root = tempRoot();
    const path = join(root, "data/kpis/waits.json");
    const bytes = Buffer.from(readFileSync(path, "utf8").replace("Fixture", "Caf\u00e9"), "latin1");
    writeFileSync(path, bytes);
    const r = await run(main, ["add", "waits", "2020-01", "26"], root);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain("data/kpis/waits.json has problems of its own");
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });
});
