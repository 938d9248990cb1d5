import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatProblem } from "../../../src/lib/content/problems.ts";
import { decodeCsv, readValuesCsv } from "../../../tools/officer/csv-import.ts";
import { CSV } from "./helpers.ts";

const rows = (text: string) => readValuesCsv(text, "figures.csv");
const problems = (text: string) => rows(text).problems.map(formatProblem);
const blank = { series: "", count: "", provisional: false, note: "", missing: "", revise: false, reason: "" };

describe("readValuesCsv reads what spreadsheets save", () => {
  it("reads one input per row, numbering lines from the header as line 1", () => {
    expect(rows("kpi,series,period,value\nwaits,all,2020-01,24\n").rows).toEqual([
      { ...blank, kpi: "waits", series: "all", period: "2020-01", value: "24", line: 2 },
    ]);
  });
  it("drops a UTF-8 byte order mark before the first column name", () => {
    expect(rows("\uFEFFkpi,series,period,value\nwaits,all,2020-01,24\n").rows[0]).toMatchObject({ kpi: "waits" });
  });
  it("reads Windows line endings", () => {
    expect(
      rows("kpi,series,period,value\r\nwaits,all,2020-01,24\r\nwaits,all,2020-02,23\r\n").rows.map((r) => [
        r.value,
        r.line,
      ]),
    ).toEqual([
      ["24", 2],
      ["23", 3],
    ]);
  });
  it("keeps a thousands separator inside a quoted cell for the figure parser", () => {
    expect(rows('kpi,series,period,value,count\nehcp-requests,,2020-01,"1,234","1,021"\n').rows[0]).toMatchObject({
      value: "1,234",
      count: "1,021",
    });
  });
  it("reads a quoted note with commas, quotes and a line break, and numbers later rows by where they start", () => {
    const r = rows(
      'kpi,series,period,value,note\nwaits,all,2020-01,24,"Early, ""unvalidated""\nfigure"\nwaits,all,2020-02,23,\n',
    ).rows;
    expect(r.map((x) => [x.note, x.line])).toEqual([
      ['Early, "unvalidated"\nfigure', 2],
      ["", 4],
    ]);
  });
  it("accepts column names in any order and any case", () => {
    expect(rows("Value,PERIOD,Kpi,Series\n24,2020-01,waits,all\n").rows[0]).toMatchObject({
      kpi: "waits",
      period: "2020-01",
      value: "24",
    });
  });
  it("skips blank lines and rows of empty cells left below the data", () => {
    expect(rows("kpi,series,period,value\n\nwaits,all,2020-01,24\n,,,\n,,,\n").rows.map((r) => r.line)).toEqual([3]);
  });
  it("ignores an unnamed empty column at the end", () => {
    expect(rows("kpi,series,period,value,\nwaits,all,2020-01,24,\n")).toMatchObject({
      problems: [],
      rows: [{ value: "24" }],
    });
  });
  it("reads yes in the provisional and revise columns", () => {
    expect(
      rows("kpi,series,period,value,provisional,revise,reason\nwaits,all,2019-12,26,Yes,y,Validated\n").rows[0],
    ).toMatchObject({ provisional: true, revise: true, reason: "Validated" });
  });
  it("reads the sample Excel export: BOM, CRLF, %, thousands, blank cells", () => {
    const text = decodeCsv(readFileSync(join(CSV, "excel-export.csv")), "excel-export.csv");
    expect(text.ok).toBe(true);
    const r = rows(text.ok ? text.text : "");
    expect(r.problems).toEqual([]);
    expect(r.rows.map((x) => [x.line, x.kpi, x.series, x.period, x.value, x.count, x.provisional, x.missing])).toEqual([
      [2, "ehcp-timeliness", "all", "2020-Q1", "61.5%", "1,021", true, ""],
      [3, "ehcp-timeliness", "under-5", "2020-Q1", "", "", false, "Too few children to publish safely"],
      [4, "ehcp-requests", "", "2020-01", "1,234", "", false, ""],
      [5, "ehcp-requests", "", "2020-02", "1,198", "", false, ""],
      [6, "waits", "all", "2020-01", "24", "", false, ""],
    ]);
  });
});

describe("readValuesCsv refuses a file it cannot read safely", () => {
  it("names the missing columns", () => {
    expect(problems("kpi,period\nwaits,2020-01\n")).toEqual([
      "figures.csv:1 — missing columns series, value. The first row must name the columns kpi,series,period,value (in any order), and may add count, provisional, note, missing, revise, reason",
    ]);
  });
  it("refuses a column it does not understand rather than ignoring it", () => {
    expect(problems("kpi,series,period,value,comment\nwaits,all,2020-01,24,x\n")).toEqual([
      "figures.csv:1 — comment: is not a column this import understands. Rename or delete it. The columns are kpi, series, period, value, count, provisional, note, missing, revise, reason",
    ]);
  });
  it("refuses a column named twice", () => {
    expect(problems("kpi,series,period,value,value\nwaits,all,2020-01,24,25\n")).toEqual([
      "figures.csv:1 — value: is named twice in the first row. Delete one of the two columns",
    ]);
  });
  it("says when the columns are separated by semicolons", () => {
    expect(problems("kpi;series;period;value\nwaits;all;2020-01;24\n")).toEqual([
      "figures.csv:1 — the columns are separated by semicolons or tabs, not commas. Save the file from the spreadsheet as CSV UTF-8 (Comma delimited)",
    ]);
  });
  it("points at a row with more cells than columns", () => {
    expect(problems("kpi,series,period,value\nwaits,all,2020-01,1,234\n")).toEqual([
      "figures.csv:2 — this row has 5 cells but the first row names 4 columns. Check for a comma inside a figure or note that is not in quotes",
    ]);
  });
  it("points at a quote that is never closed", () => {
    expect(problems('kpi,series,period,value,note\nwaits,all,2020-01,24,"open\n')).toEqual([
      'figures.csv:2 — a quote mark (") opens a cell that is never closed. Close the quote, or re-save the file from the spreadsheet as CSV',
    ]);
  });
  it("refuses a yes/no cell it cannot read", () => {
    expect(problems("kpi,series,period,value,provisional\nwaits,all,2020-01,24,maybe\n")).toEqual([
      'figures.csv:2 — provisional: expected yes or blank; got "maybe". Write yes, or leave the cell blank',
    ]);
  });
  it("refuses a file with column names but no rows", () => {
    expect(problems("kpi,series,period,value\n")).toEqual([
      "figures.csv — there are no rows of values below the column names. Add one row per KPI, series and period",
    ]);
  });
  it("refuses an empty file", () => {
    expect(problems("")).toEqual([
      "figures.csv — the file is empty. The first row must name the columns: kpi,series,period,value",
    ]);
  });
});

describe("decodeCsv", () => {
  it("refuses a file saved in the Windows character set, which would garble £", () => {
    const r = decodeCsv(readFileSync(join(CSV, "windows-1252.csv")), "windows-1252.csv");
    expect(r.ok ? "decoded" : formatProblem(r.problem)).toBe(
      "windows-1252.csv — this file is not saved as UTF-8, so characters such as £, é or curly quotes would be garbled. In Excel choose File › Save As › CSV UTF-8 (Comma delimited) (*.csv), then import that file",
    );
  });
  it("decodes UTF-8 and drops the byte order mark", () => {
    expect(decodeCsv(new TextEncoder().encode("\uFEFFkpi,note\nx,£5\n"), "x.csv")).toEqual({
      ok: true,
      text: "kpi,note\nx,£5\n",
    });
  });
});
