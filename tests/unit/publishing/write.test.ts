import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadPortal } from "../../../src/lib/content/load.ts";
import { describe, expect, it } from "vitest";
import { formatProblem, sortProblems } from "../../../src/lib/content/problems.ts";
import { replaceFile, writeChecked } from "../../../tools/officer/write.ts";
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
  it("changes no file when the result fails the check: it is checked on a copy first", () => {
    const root = tempRoot();
    const before = snapshot(root);
    const written: string[] = [];
    const result = writeChecked(root, [{ file: "content/reports/new-report/v1.md", text: "---\ntitle: x\n---\n" }], {
      hooks: { beforeRename: (temp) => written.push(temp) },
    });
    expect(result.ok).toBe(false);
    expect(written).toEqual([]);
    expect(snapshot(root)).toEqual(before);
  });
});

describe("replaceFile", () => {
  const KPI = "data/kpis/waits.json";
  const changed = (root: string) => read(root, KPI).replace('"Fixture"', '"Tracker"');

  it("leaves the old file whole, and no temporary file, when interrupted between writing and renaming", () => {
    const root = tempRoot();
    const before = snapshot(root);
    const fail = () => {
      throw new Error("interrupted");
    };
    expect(() => writeChecked(root, [{ file: KPI, text: changed(root) }], { hooks: { beforeRename: fail } })).toThrow(
      "interrupted",
    );
    expect(snapshot(root)).toEqual(before);
  });

  it("leaves the old file whole when the process is killed between writing and renaming", () => {
    const root = tempRoot();
    const before = read(root, KPI);
    const script = `
      import { replaceFile } from ${JSON.stringify(join(import.meta.dirname, "../../../tools/officer/write.ts"))};
      replaceFile(process.argv[1], "{ half a fi", { beforeRename: () => process.kill(process.pid, "SIGKILL") });`;
    const child = spawnSync(process.execPath, ["--input-type=module", "-e", script, join(root, KPI)]);
    expect(child.signal).toBe("SIGKILL");
    expect(read(root, KPI)).toBe(before);
    expect(loadPortal(root).ok).toBe(true);
  });

  it("keeps an existing file's permissions", () => {
    const root = tempRoot();
    chmodSync(join(root, KPI), 0o640);
    expect(writeChecked(root, [{ file: KPI, text: changed(root) }])).toEqual({ ok: true });
    expect(statSync(join(root, KPI)).mode & 0o777).toBe(0o640);
    expect(read(root, KPI)).toBe(changed(root));
  });

  it("gives a new file the permissions any program would: 0666 less the umask", () => {
    const root = tempRoot();
    replaceFile(join(root, "content/new.yml"), "x: 1\n");
    writeFileSync(join(root, "content/by-editor.yml"), "x: 1\n");
    expect(statSync(join(root, "content/new.yml")).mode & 0o777).toBe(
      statSync(join(root, "content/by-editor.yml")).mode & 0o777,
    );
  });
});
