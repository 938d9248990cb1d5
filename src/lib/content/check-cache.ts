/**
 * Remembers, by each file's digest, what checking it found valid, so `npm run check` after one
 * edit validates only the changed files. Only files that passed are remembered (a file with problems
 * is checked again every time), and the whole cache is dropped when the checking code changes: its
 * key is a digest of every source file under src/lib and src/schemas, the installed versions of the
 * packages they use, and the Node version. Checks across files (references, duplicate ids,
 * plausibility) always run on the whole content.
 *
 * Beside each digest it keeps the file's size, modification and change times, inode and device as they
 * were when the file was read, as git's index does: a file whose stat is still the same is not read
 * again (at the largest preset, reading and hashing the 100 MB of content cost more than everything
 * else a check does after one edit). The change time cannot be set back by any program, and a file
 * changed within {@link RACY_MS} of being read is not vouched for by its stat (it could change again
 * within the file system's clock tick, keeping the same times): it is read and hashed next time.
 *
 * Kept in node_modules/.cache/portal-check/ (ignored by git, removed with node_modules): a folder per
 * version of the checking code, a file per content root with a line per valid file. A cache that
 * cannot be read or written is simply not used.
 */
import { createHash } from "node:crypto";
import { appendFileSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { FileCache, KeptFile, LoadedFile, LoadResult } from "./load.ts";

const REPO = resolve(import.meta.dirname, "../../..");
/** The packages whose behaviour decides what a file's check finds (js-yaml: main reads plain YAML with it). */
const PACKAGES = ["zod", "yaml", "js-yaml", "markdown-it"];
/** Bumped by hand only if the cache's own format changes. */
const FORMAT = 3;
/** A file whose times are this close to when it was read is read again next time, whatever its stat. */
const RACY_MS = 2000;

/** A digest of the code and packages that check a file; any change to them empties the cache. */
export function checkingCodeDigest(repo = REPO): string {
  const hash = createHash("sha256").update(`format ${FORMAT}\nnode ${process.version}\n`);
  for (const dir of ["src/lib", "src/schemas"]) {
    const base = join(repo, dir);
    const files = readdirSync(base, { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".ts"))
      .sort();
    for (const f of files) hash.update(`${dir}/${f}\n`).update(readFileSync(join(base, f)));
  }
  for (const pkg of PACKAGES) {
    try {
      const { version } = JSON.parse(readFileSync(join(repo, "node_modules", pkg, "package.json"), "utf8")) as {
        version: string;
      };
      hash.update(`${pkg} ${version}\n`);
    } catch {
      hash.update(`${pkg} missing\n`);
    }
  }
  return hash.digest("hex");
}

/**
 * One remembered file: its digest, its stat when read ("" when too recent to vouch for), the day its
 * checks alone last passed ("" if not), and its data as JSON, with its long texts and lists (an
 * indicator's figures, a report's commentary: most of the cache) set apart in `aside`, parsed only when
 * one of them is read. A check after one edit reads few: the checks that read an indicator's figures
 * are not run again on a file that passed them on the same day, and nothing checks across files by
 * long texts.
 */
interface Line {
  readonly digest: string;
  readonly stat: string;
  readonly passedOn: string;
  /** `[data, paths]`: the data with `null` where each path's value was set apart. */
  readonly json: string;
  /** The values set apart, each as JSON, in the order of their paths, separated by {@link UNIT}. */
  readonly aside: Buffer;
}

type Key = string | number;

/** Texts longer than this, and lists with more items, are set apart from the rest of a file's data. */
const LONG_TEXT = 100;
const LONG_LIST = 24;

/** A file's data with its long texts and lists replaced by null; their paths; and them. */
function setAside(data: unknown): { rest: unknown; paths: Key[][]; aside: unknown[] } {
  const paths: Key[][] = [];
  const aside: unknown[] = [];
  const visit = (value: unknown, path: Key[]): unknown => {
    const long = (typeof value === "string" && value.length > LONG_TEXT) || (Array.isArray(value) && value.length > LONG_LIST);
    if (long && path.length > 0) {
      paths.push(path);
      aside.push(value);
      return null;
    }
    if (Array.isArray(value)) return value.map((v, i) => visit(v, [...path, i]));
    if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, visit(v, [...path, k])]));
    return value;
  };
  return { rest: visit(data, []), paths, aside };
}

/** Separates the values set apart: JSON never has this byte raw (it writes control characters escaped). */
const UNIT = 0x1f;

/** Puts back into `data` what {@link setAside} took out, each parsed the first time it is read. */
function restore(data: unknown, paths: readonly Key[][], aside: Buffer): void {
  let starts: number[] | undefined;
  const item = (i: number): unknown => {
    if (!starts) {
      starts = [0];
      for (let at = aside.indexOf(UNIT); at !== -1; at = aside.indexOf(UNIT, at + 1)) starts.push(at + 1);
    }
    return JSON.parse(aside.toString("utf8", starts[i], (starts[i + 1] ?? aside.length + 1) - 1));
  };
  paths.forEach((path, i) => {
    let parent = data as Record<Key, unknown>;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<Key, unknown>;
    let value: { readonly v: unknown } | undefined;
    Object.defineProperty(parent, path.at(-1)!, { enumerable: true, configurable: true, get: () => (value ??= { v: item(i) }).v });
  });
}

/**
 * A file's stat as a string to compare, and whether it changed too recently (against `now`) to be
 * vouched for by it; undefined when it cannot be read.
 */
function statOf(path: string, now: number): { stat: string; recent: boolean } | undefined {
  try {
    const s = lstatSync(path, { bigint: true });
    if (!s.isFile()) return undefined;
    const latestMs = Number((s.mtimeNs > s.ctimeNs ? s.mtimeNs : s.ctimeNs) / 1_000_000n);
    return { stat: `${s.size}:${s.mtimeNs}:${s.ctimeNs}:${s.ino}:${s.dev}`, recent: latestMs > now - RACY_MS };
  } catch {
    return undefined;
  }
}

/** `npm run check`'s {@link FileCache}: a line per valid content file, kept between checks. */
export class CheckCache implements FileCache {
  private readonly file: string;
  private readonly lines: ReadonlyMap<string, Line>;
  /** How many lines the cache's file has, replaced ones included. */
  private readonly written: number;
  /** Each file's stat as this check found it before reading it, if not too recent to vouch for. */
  private readonly stats = new Map<string, string>();
  /** When the check started, for {@link RACY_MS}. */
  private readonly now: number;
  private hits = 0;

  private constructor(file: string, lines: ReadonlyMap<string, Line>, written: number, now: number) {
    this.now = now;
    this.file = file;
    this.lines = lines;
    this.written = written;
  }

  /**
   * The cache of a content root for the current checking code; caches of earlier code are removed.
   * Each root has its own file, so checking one never prunes another's.
   */
  static open(root: string, options: { dir?: string; code?: string; now?: number } = {}): CheckCache {
    const base = options.dir ?? join(REPO, "node_modules/.cache/portal-check");
    const code = (options.code ?? checkingCodeDigest()).slice(0, 16);
    try {
      for (const other of readdirSync(base)) if (other !== code) rmSync(join(base, other), { recursive: true, force: true });
    } catch {
      // No cache yet.
    }
    const file = join(base, code, `${createHash("sha256").update(resolve(root)).digest("hex").slice(0, 16)}.tsv`);
    const lines = new Map<string, Line>();
    let written = 0;
    try {
      // Read as bytes: the values set apart are decoded only if read.
      const bytes = readFileSync(file);
      for (let start = 0; start < bytes.length; ) {
        const end = bytes.indexOf(0x0a, start) === -1 ? bytes.length : bytes.indexOf(0x0a, start);
        const tabs: number[] = [];
        for (let at = bytes.indexOf(0x09, start); at !== -1 && at < end && tabs.length < 5; at = bytes.indexOf(0x09, at + 1)) tabs.push(at);
        const field = (i: number) => bytes.toString("utf8", i === 0 ? start : tabs[i - 1]! + 1, tabs[i] ?? end);
        if (end > start) {
          written++;
          if (tabs.length === 5)
            lines.set(field(0), { digest: field(1), stat: field(2), passedOn: field(3), json: field(4), aside: bytes.subarray(tabs[4]! + 1, end) });
          else lines.delete(field(0)); // forgotten, or damaged
        }
        start = end + 1;
      }
    } catch {
      // No cache yet for this root, or one that cannot be read: every file is checked.
    }
    return new CheckCache(file, lines, written, options.now ?? Date.now());
  }

  digest(text: string): string {
    return createHash("sha256").update(text).digest("hex");
  }

  /** The data of a remembered line, or undefined if it is damaged (the file is then checked again). */
  private data(line: Line): KeptFile | undefined {
    try {
      const [data, paths] = JSON.parse(line.json) as [unknown, Key[][]];
      restore(data, paths, line.aside);
      this.hits++;
      return { data, passedOn: line.passedOn || undefined };
    } catch {
      return undefined;
    }
  }

  /** The validated data an earlier check found in this file with exactly this text, if it passed. */
  get(file: string, digest: string): KeptFile | undefined {
    const line = this.lines.get(file);
    return line?.digest === digest ? this.data(line) : undefined;
  }

  /** A file whose stat is as it was when an earlier check read it and found it valid: its digest and data, unread. */
  unchanged(root: string, file: string): { digest: string; kept: KeptFile } | undefined {
    const found = statOf(join(root, file), this.now);
    if (!found) return undefined;
    if (!found.recent) this.stats.set(file, found.stat);
    const line = this.lines.get(file);
    if (!line || line.stat === "" || line.stat !== found.stat) return undefined;
    const kept = this.data(line);
    return kept && { digest: line.digest, kept };
  }

  /** How many files were taken from the cache. */
  get reused(): number {
    return this.hits;
  }

  /**
   * Remembers every file a load found valid by its own checks, even when others have problems, and
   * forgets the rest (files removed, or with problems now). The changes are added to the end of the
   * cache's file (a later line for a file replaces an earlier one; a line of just a path forgets it),
   * so an edit writes a line, not the whole cache; the file is written afresh once it has more
   * replaced lines than live ones.
   */
  keep(files: LoadResult["files"]): void {
    const lineOf = (file: string, loaded: LoadedFile): string => {
      const before = this.lines.get(file);
      let json: string;
      let aside: string;
      if (before?.digest === loaded.digest) ({ json, aside } = { json: before.json, aside: before.aside.toString("utf8") });
      else {
        const set = setAside(loaded.kept.data);
        json = JSON.stringify([set.rest, set.paths]);
        aside = set.aside.map((v) => JSON.stringify(v)).join(String.fromCharCode(UNIT));
      }
      return `${file}\t${loaded.digest}\t${this.stats.get(file) ?? ""}\t${loaded.passedOn ?? ""}\t${json}\t${aside}`;
    };
    const changes: string[] = [];
    for (const [file, loaded] of files) {
      const before = this.lines.get(file);
      if (before?.digest !== loaded.digest || before.stat !== (this.stats.get(file) ?? "") || before.passedOn !== (loaded.passedOn ?? ""))
        changes.push(lineOf(file, loaded));
    }
    for (const file of this.lines.keys()) if (!files.has(file)) changes.push(file);
    if (changes.length === 0) return;
    try {
      mkdirSync(join(this.file, ".."), { recursive: true });
      if (this.written + changes.length <= 2 * files.size + 64) {
        appendFileSync(this.file, `${changes.join("\n")}\n`);
        return;
      }
      const temp = `${this.file}.${process.pid}.tmp`;
      writeFileSync(temp, `${[...files].map(([file, loaded]) => lineOf(file, loaded)).join("\n")}\n`);
      renameSync(temp, this.file);
    } catch {
      // A cache that cannot be written is simply not kept.
    }
  }

}
