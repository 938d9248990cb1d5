/**
 * Writes content files as one change that either passes the whole content check
 * or is undone: nothing already published can be lost by a command.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { loadPortal } from "../content/load.ts";
import { formatProblem, type Problem } from "../content/problems.ts";

export interface FileWrite {
  /** Path relative to the content root, with forward slashes. */
  readonly file: string;
  readonly text: string;
}

export type WriteResult = { readonly ok: true } | { readonly ok: false; readonly problems: readonly Problem[] };

/** Replaces a file through a hidden temporary file in the same folder, so a crash never leaves half a file. */
function replaceFile(path: string, text: string): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  writeFileSync(temp, text);
  renameSync(temp, path);
}

/**
 * Writes the files, runs the full content check and, if the result has any
 * problem the content did not already have, puts every file back as it was
 * (removing new files and folders) and returns the problems.
 * `expected` accepts problems the command causes on purpose.
 */
export function writeChecked(
  root: string,
  writes: readonly FileWrite[],
  options: { expected?: (p: Problem) => boolean } = {},
): WriteResult {
  const before = loadPortal(root);
  const known = new Set(before.ok ? [] : before.problems.map(formatProblem));
  const originals = writes.map((w) => {
    const path = join(root, w.file);
    return { path, text: existsSync(path) ? readFileSync(path, "utf8") : undefined };
  });
  const createdDirs: string[] = [];
  const restore = () => {
    for (const o of originals) {
      if (o.text !== undefined) replaceFile(o.path, o.text);
      else if (existsSync(o.path)) unlinkSync(o.path);
    }
    for (const dir of createdDirs.reverse()) rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (const [i, w] of writes.entries()) {
      const path = originals[i]!.path;
      const made = mkdirSync(dirname(path), { recursive: true });
      if (made) createdDirs.push(made);
      replaceFile(path, w.text);
    }
    const after = loadPortal(root);
    const added = after.ok ? [] : after.problems.filter((p) => !known.has(formatProblem(p)) && !options.expected?.(p));
    if (added.length) {
      restore();
      return { ok: false, problems: added };
    }
    return { ok: true };
  } catch (e) {
    restore();
    throw e;
  }
}
