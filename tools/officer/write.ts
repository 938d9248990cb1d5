/**
 * Writes content files as one change that passes the whole content check before any
 * file of the content root is touched, and then replaces each file atomically: an
 * interrupt at any moment leaves either the old file or the new, checked one.
 */
import {
  closeSync,
  cpSync,
  existsSync,
  fchmodSync,
  fsyncSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { randomBytes } from "node:crypto";
import { CONTENT_FOLDERS, boundaryProblems } from "../../src/lib/content/boundary.ts";
import { loadPortal } from "../../src/lib/content/load.ts";
import { formatProblem, type Problem } from "../../src/lib/content/problems.ts";

export interface FileWrite {
  /** Path relative to the content root, with forward slashes. */
  readonly file: string;
  readonly text: string;
}

export type WriteResult = { readonly ok: true } | { readonly ok: false; readonly problems: readonly Problem[] };

/** Where a test can interrupt a replacement: after the new text is on disk, before it takes the file's place. */
export interface ReplaceHooks {
  readonly beforeRename?: ((temp: string) => void) | undefined;
}

/** Flushes a folder's entry list, so a rename inside it survives a power cut. Not possible on every system. */
function syncFolder(dir: string): void {
  try {
    const fd = openSync(dir, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows cannot open a folder for syncing; the rename itself is still atomic.
  }
}

/**
 * Replaces (or creates) a file atomically: the text goes to a new hidden file in the same
 * folder, is flushed to disk, then renamed over the target. An existing file keeps its
 * permissions; a new one gets the usual 0666 less the umask, as an editor would give it.
 */
export function replaceFile(path: string, text: string, hooks: ReplaceHooks = {}): void {
  const mode = existsSync(path) ? statSync(path).mode & 0o7777 : undefined;
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  // "wx": never open something already there (a link planted at the temporary name).
  const fd = openSync(temp, "wx", mode ?? 0o666);
  try {
    try {
      if (mode !== undefined) fchmodSync(fd, mode);
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    hooks.beforeRename?.(temp);
    renameSync(temp, path);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
  syncFolder(dirname(path));
}

/** The problems the content root would have with `writes` applied, found on a copy of its folders. */
function problemsAfter(root: string, writes: readonly FileWrite[]): readonly Problem[] {
  const stage = mkdtempSync(join(tmpdir(), "portal-stage-"));
  try {
    for (const folder of CONTENT_FOLDERS)
      if (existsSync(join(root, folder))) cpSync(join(root, folder), join(stage, folder), { recursive: true });
    for (const w of writes) {
      mkdirSync(dirname(join(stage, w.file)), { recursive: true });
      writeFileSync(join(stage, w.file), w.text);
    }
    const after = loadPortal(stage);
    return after.ok ? [] : after.problems;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

/**
 * Checks the content as it would be with the files written, on a copy, and writes
 * them only if the result has no problem the content did not already have.
 * `expected` accepts problems the command causes on purpose. A failure while writing
 * several files puts back those already written (removing new files and folders).
 */
export function writeChecked(
  root: string,
  writes: readonly FileWrite[],
  options: { expected?: (p: Problem) => boolean; hooks?: ReplaceHooks } = {},
): WriteResult {
  const unsafe = boundaryProblems(root);
  if (unsafe.length) return { ok: false, problems: unsafe };
  const before = loadPortal(root);
  const known = new Set(before.ok ? [] : before.problems.map(formatProblem));
  const added = problemsAfter(root, writes).filter((p) => !known.has(formatProblem(p)) && !options.expected?.(p));
  if (added.length) return { ok: false, problems: added };

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
      replaceFile(path, w.text, options.hooks);
    }
    return { ok: true };
  } catch (e) {
    restore();
    throw e;
  }
}
