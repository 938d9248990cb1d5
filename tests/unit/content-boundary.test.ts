import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main as newMain } from "../../tools/cli/new.ts";
import { readInside } from "../../src/lib/content/boundary.ts";
import { loadPortal } from "../../src/lib/content/load.ts";
import { formatProblems } from "../../src/lib/content/problems.ts";
import { withFixture } from "../helpers/content-root.ts";
import { run, snapshot, tempRoot } from "./publishing/helpers.ts";

/** A folder outside every content root, holding a file no check may read or quote. */
const OUTSIDE = mkdtempSync(join(tmpdir(), "outside-root-"));
const SECRET = "SECRET-OUTSIDE-THE-ROOT";
writeFileSync(join(OUTSIDE, "secret.md"), `---\ntitle: ${SECRET}\n---\n${SECRET}\n`);
mkdirSync(join(OUTSIDE, "kpis"));
writeFileSync(join(OUTSIDE, "kpis/waits.json"), `{"title": "${SECRET}"}`);
afterAll(() => rmSync(OUTSIDE, { recursive: true, force: true }));

/** What `npm run check` prints for a fixture root changed by `edit`. */
const checkOutput = (edit: (root: string) => void): string =>
  withFixture(edit, (root) => {
    const result = loadPortal(root);
    return result.ok ? "" : formatProblems(result.problems);
  });

describe("the content root is a boundary", () => {
  it("refuses a file that is a symbolic link to a file outside the root, without reading or naming it", () => {
    const output = checkOutput((root) => symlinkSync(join(OUTSIDE, "secret.md"), join(root, "content/plans/other.md")));
    expect(output).toBe(
      "content/plans/other.md — a symbolic link is not allowed in the content folders: only files kept inside content/ are published. Replace it with a copy of the file itself, or remove it\n\n1 problem found. Nothing was published.",
    );
    expect(output).not.toContain(OUTSIDE);
  });

  it("refuses a folder that is a symbolic link", () => {
    const output = checkOutput((root) => {
      rmSync(join(root, "data/kpis"), { recursive: true });
      symlinkSync(join(OUTSIDE, "kpis"), join(root, "data/kpis"));
    });
    expect(output.split("\n")[0]).toBe(
      "data/kpis — a symbolic link is not allowed in the content folders: only files kept inside data/ are published. Replace it with a copy of the file itself, or remove it",
    );
    expect(output).not.toContain(SECRET);
    expect(output).not.toContain(OUTSIDE);
  });

  it("refuses a broken symbolic link without saying where it points", () => {
    const output = checkOutput((root) =>
      symlinkSync("/nowhere/BROKEN-LINK-TARGET.md", join(root, "content/meetings/.hidden-link.md")),
    );
    expect(output.split("\n")[0]).toBe(
      "content/meetings/.hidden-link.md — a symbolic link is not allowed in the content folders: only files kept inside content/ are published. Replace it with a copy of the file itself, or remove it",
    );
    expect(output).not.toContain("BROKEN-LINK-TARGET");
  });

  it("refuses a symbolic link even when it points inside the root", () => {
    const output = checkOutput((root) =>
      symlinkSync(join(root, "content/plans/example-plan.md"), join(root, "content/plans/copy.md")),
    );
    expect(output.split("\n")[0]).toMatch(/^content\/plans\/copy\.md — a symbolic link is not allowed/);
  });

  it("refuses the content folder itself being a symbolic link", () => {
    const output = checkOutput((root) => {
      renameSync(join(root, "content"), join(root, "real-content"));
      symlinkSync(join(root, "real-content"), join(root, "content"));
    });
    expect(output.split("\n")[0]).toMatch(/^content — a symbolic link is not allowed/);
  });

  it("refuses a named pipe, which would make the check wait for ever", () => {
    const output = checkOutput((root) => execFileSync("mkfifo", [join(root, "data/kpis/pipe.json")]));
    expect(output.split("\n")[0]).toBe(
      "data/kpis/pipe.json — not a plain file or folder (a device, pipe or socket) is not allowed in the content folders: only files kept inside data/ are published. Replace it with a copy of the file itself, or remove it",
    );
  });

  it("makes the officer commands refuse to run, changing nothing", async () => {
    const root = tempRoot();
    symlinkSync(join(OUTSIDE, "secret.md"), join(root, "content/plans/other.md"));
    const before = snapshot(root);
    const r = await run(newMain, ["meeting", "board-2020-06-01", "--committee", "board", "--date", "2020-06-01"], root);
    expect(r.code).toBe(1);
    expect(r.err.split("\n").slice(0, 2)).toEqual([
      "Error: the content folders hold links or special files",
      "content/plans/other.md — a symbolic link is not allowed in the content folders: only files kept inside content/ are published. Replace it with a copy of the file itself, or remove it",
    ]);
    expect(snapshot(root)).toEqual(before);
  });

  it("never reads a file through a link, even when asked to directly", () => {
    withFixture(
      (root) => symlinkSync(join(OUTSIDE, "secret.md"), join(root, "content/site-link.yml")),
      (root) => {
        expect(() => readInside(root, "content/site-link.yml")).toThrow(
          "content/site-link.yml is a link or lies outside the content root, so it was not read",
        );
      },
    );
  });
});
