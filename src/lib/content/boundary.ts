/**
 * The content root is a boundary: everything published comes from files inside it. A
 * symbolic link (even a broken one) or anything that is not a plain file or folder in
 * the content folders is refused before any file is read, so the check never reads, and
 * its messages never quote, anything outside the root. Link targets are never read.
 */
import { lstatSync, readdirSync, readFileSync, realpathSync, type Dirent, type Stats } from "node:fs";
import { isAbsolute, join, relative, sep } from "node:path";
import type { Problem } from "./problems.ts";

/** The folders under the root that the portal reads. */
export const CONTENT_FOLDERS = ["content", "data"] as const;

const posix = (p: string): string => p.split(sep).join("/");

/** A folder's entries in name order, each knowing its kind (Node asks lstat only where the file system does not say). */
export type Lister = (dir: string) => readonly Dirent[];

/** Reads a folder's entries: a {@link Lister} that keeps nothing. */
export const listFolder: Lister = (dir) =>
  readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

/** What a non-plain entry is, for the message. */
function kindOf(stats: Stats | Dirent): string | undefined {
  if (stats.isSymbolicLink()) return "a symbolic link";
  if (stats.isFile() || stats.isDirectory()) return undefined;
  return "not a plain file or folder (a device, pipe or socket)";
}

/**
 * Every symbolic link and special file under the content folders, located by its path
 * relative to the root. Hidden entries are checked too: a command may still open them.
 */
export function boundaryProblems(root: string, list: Lister = listFolder): Problem[] {
  const problems: Problem[] = [];
  // A folder's entries come with their kind, so a content root of thousands of files is walked
  // without a system call per file.
  const visit = (rel: string, stats: Stats | Dirent): void => {
    const kind = kindOf(stats);
    if (kind) {
      problems.push({
        file: posix(rel),
        message: `${kind} is not allowed in the content folders: only files kept inside ${posix(rel).split("/")[0]}/ are published`,
        fix: "Replace it with a copy of the file itself, or remove it",
      });
      return;
    }
    if (stats.isDirectory())
      for (const entry of list(join(root, rel))) visit(join(rel, entry.name), entry);
  };
  for (const folder of CONTENT_FOLDERS) {
    let stats: Stats;
    try {
      stats = lstatSync(join(root, folder));
    } catch {
      continue;
    }
    visit(folder, stats);
  }
  return problems;
}

/** Whether `path` (after resolving every link) is inside `root` (likewise resolved). */
function isInside(root: string, path: string): boolean {
  const rel = relative(realpathSync(root), realpathSync(path));
  return rel !== "" && rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/**
 * Reads a file of the content root, refusing (without reading it or saying where it
 * leads) a file that resolves outside the root: a second lock behind `boundaryProblems`.
 */
export function readInside(root: string, file: string): string {
  return readBytesInside(root, file).toString("utf8");
}

/** The bytes of a file under the root, refusing a link or a path outside it (for a strict UTF-8 check). */
export function readBytesInside(root: string, file: string): Buffer {
  const path = join(root, file);
  if (lstatSync(path).isSymbolicLink() || !isInside(root, path))
    throw new Error(`${file} is a link or lies outside the content root, so it was not read`);
  return readFileSync(path);
}
