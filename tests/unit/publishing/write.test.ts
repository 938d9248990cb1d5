import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatProblem, sortProblems } from "../../../src/lib/content/problems.ts";
import { writeChecked } from "../../../src/lib/publishing/write.ts";
import { read, snapshot, tempRoot } from "./helpers.ts";

describe("writeChecked", () => {
  it("keeps files that pass the whole content check", () => {
    const root = tempRoot();
    const text = read(root, "data/kpis/waits.json").replace('"Fixture"', '"Therapy service tracker"');
    expect(writeChecked(root, [{ file: "data/kpis/waits.json", text }])).toEqual({ ok: true });
    expect(read(root, "data/kpis/waits.json")).toBe(text);
  });
  it("puts every file back, and removes new files and folders, when the result fails the check", () => {
    const root = tempRoot();
    const before = snapshot(root);
    const result = writeChecked(root, [
      {
        file: "data/kpis/waits.json",
        text: read(root, "data/kpis/waits.json").replace('"value": 29', '"value": "29"'),
      },
      { file: "content/reports/new-report/v1.md", text: "---\ntitle: x\n---\n" },
    ]);
    expect(result.ok ? [] : sortProblems(result.problems).map(formatProblem)).toEqual([
      "content/reports/new-report/v1.md:2 — published: required, but missing. Add text",
      "content/reports/new-report/v1.md:2 — status: required, but missing. Add it: one of draft, published, withdrawn",
      "content/reports/new-report/v1.md:2 — summary: required, but missing. Add text",
      'data/kpis/waits.json:19 — series[0].values[0].value: expected a number; got "29"',
    ]);
    expect(snapshot(root)).toEqual(before);
    expect(existsSync(join(root, "content/reports/new-report"))).toBe(false);
  });
  it("does not blame a change for problems the content already had", () => {
    const root = tempRoot();
    writeFileSync(
      join(root, "content/glossary.yml"),
      read(root, "content/glossary.yml").replace("term: SALT", "term: 42"),
    );
    const text = read(root, "data/kpis/waits.json").replace('"Fixture"', '"Tracker"');
    expect(writeChecked(root, [{ file: "data/kpis/waits.json", text }])).toEqual({ ok: true });
  });
  it("accepts a problem the caller expects", () => {
    const root = tempRoot();
    const text = read(root, "content/reports/progress/v2.md").replace(
      "changes: Corrected the status of action 1.1.",
      'changes: ""',
    );
    const result = writeChecked(root, [{ file: "content/reports/progress/v3.md", text }], {
      expected: (p) => p.field === "changes",
    });
    expect(result).toEqual({ ok: true });
  });
});
