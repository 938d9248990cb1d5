import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadPortal } from "../../src/lib/content/load.ts";
import { formatProblem, sortProblems } from "../../src/lib/content/problems.ts";

export const FIXTURE = join(import.meta.dirname, "../fixtures/portal");

/** A temporary copy of the fixture content root, changed by `edit`; removed afterwards. */
export function withFixture<T>(edit: (root: string) => void, use: (root: string) => T): T {
  const root = mkdtempSync(join(tmpdir(), "portal-"));
  try {
    cpSync(FIXTURE, root, { recursive: true });
    edit(root);
    return use(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Replaces text in a file of the root; fails loudly if the text is not there. */
export function replaceIn(root: string, file: string, from: string | RegExp, to: string): void {
  const path = join(root, file);
  const before = readFileSync(path, "utf8");
  const after = before.replace(from, to);
  if (after === before) throw new Error(`${from} not found in ${file}`);
  writeFileSync(path, after);
}

/** The problems a content root has, formatted as `npm run check` prints them. */
export function problemsOf(edit: (root: string) => void): string[] {
  return withFixture(edit, (root) => {
    const result = loadPortal(root);
    return result.ok ? [] : sortProblems(result.problems).map(formatProblem);
  });
}
