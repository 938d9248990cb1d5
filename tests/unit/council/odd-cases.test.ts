import { describe, expect, it } from "vitest";
import { formatProblem } from "../../../src/lib/content/problems.ts";
import { parseJsonFile, parseMarkdownFile, parseYamlFile } from "../../../src/lib/content/source.ts";
import { problemLines } from "../../../tools/officer/cli.ts";
import { decodeCsv } from "../../../tools/officer/csv-import.ts";

const json = (text: string): string[] => {
  const r = parseJsonFile("data/kpis/x.json", text);
  return r.ok ? [] : r.problems.map(formatProblem);
};

describe("a JSON file that JSON cannot hold", () => {
  it("points at the line of a NaN", () => {
    expect(json('{\n  "ref": "A",\n  "value": NaN\n}')).toEqual([
      'data/kpis/x.json:3 — NaN is not a number JSON can hold. Write the figure itself, or null with a "missing" reason saying why there is no figure',
    ]);
  });

  it("points at the line of an Infinity or -Infinity", () => {
    expect(json('{\n  "value": Infinity\n}')[0]).toMatch(/^data\/kpis\/x\.json:2 — Infinity is not a number/);
    expect(json('{\n\n  "value": -Infinity\n}')[0]).toMatch(/^data\/kpis\/x\.json:3 — -Infinity is not a number/);
  });

  it("says an empty file has no line to point at", () => {
    expect(json("  \n")).toEqual([
      "data/kpis/x.json — the file is empty, so there is no line to point at. Write its content, or delete the file; npm run new starts a valid file of most kinds",
    ]);
  });

  it("says a binary file is not text, naming a workbook when it looks like one", () => {
    expect(json("PK\u0003\u0004\u0014\u0000")).toEqual([
      "data/kpis/x.json — this is not a text file (it holds binary data, like an Excel workbook or a zip file), so it has no lines to point at. Save it from your editor as plain text (UTF-8), or delete it",
    ]);
    const md = parseMarkdownFile("content/plans/p.md", "---\n\u0000\u0001");
    expect(md.ok ? "" : md.problems[0]?.message).toMatch(/^this is not a text file/);
  });

  it("gives the line of any other token JSON does not allow", () => {
    expect(json('{\n  "a": 1,\n  // a comment\n  "b": 2\n}')[0]).toMatch(
      /^data\/kpis\/x\.json:3 — this is not valid JSON/,
    );
  });
});

describe("deeply nested data", () => {
  it("gets a message, not a stack overflow, in JSON", () => {
    expect(json(`{"a":\n${"[".repeat(100_000)}${"]".repeat(100_000)}}`)).toEqual([
      "data/kpis/x.json:2 — the data is nested 100001 levels deep here; content files never need more than 64. Look for brackets that never close, or a list pasted inside itself",
    ]);
  });

  it("gets a message, not a stack overflow, in YAML", () => {
    const r = parseYamlFile("content/glossary.yml", `a: ${"[".repeat(50_000)}${"]".repeat(50_000)}`);
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([
      "content/glossary.yml — the data is nested too deeply to read (lists or fields inside each other far deeper than any content file needs), so no single line is at fault. Look for brackets that never close, or a list pasted inside itself",
    ]);
  });
});

describe("importing figures", () => {
  it("says to save an .xlsx workbook as CSV", () => {
    const r = decodeCsv(new Uint8Array([0x50, 0x4b, 3, 4, 20, 0]), "figures.xlsx");
    expect(r.ok ? "" : formatProblem(r.problem)).toBe(
      "figures.xlsx — this is a spreadsheet workbook, not a CSV file, so its rows cannot be read. Open it in Excel and choose File › Save As › CSV UTF-8 (Comma delimited) (*.csv), then import that .csv file",
    );
  });

  it("summarises the same problem on thousands of rows in one line", () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ({
      file: "f.csv",
      line: i + 2,
      field: "kpi",
      message: 'no KPI "nope"',
      fix: "Use the file name of a KPI",
    }));
    expect(problemLines(rows)).toEqual([
      'f.csv:2 — kpi: no KPI "nope". Use the file name of a KPI (the same on 4999 more lines: 3, 4, 5 and 4996 more)',
    ]);
  });

  it("prints at most 30 different problems and counts the rest", () => {
    const rows = Array.from({ length: 100 }, (_, i) => ({ file: "f.csv", line: i + 2, message: `problem ${i}` }));
    const lines = problemLines(rows);
    expect(lines).toHaveLength(31);
    expect(lines[30]).toBe("… and 70 more problems not shown: fix these and run the command again.");
  });
});
