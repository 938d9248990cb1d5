/**
 * Remembers, by each file's digest, the facts of each file that passed its own checks (facts.ts: what
 * the checks across files read), so `npm run check` after one edit validates only the changed files
 * and reads only the facts of the rest (5 MB at the largest preset, where whole data took 50 MB). A
 * file with a problem of its own is checked again every time, and so is a KPI on a day before its
 * figures' dates ({@link KeptFile.checkedFrom}); the whole cache is dropped when the checking code
 * changes: its key is a digest of every source file under src/lib and src/schemas, the installed
 * versions of the packages they use, and the Node version. Checks across files (references, duplicate
 * ids, dates) always run on the whole content.
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
import type { CheckResult, FactsCache, KeptFile, LoadedFile } from "./load.ts";
import { today } from "../today.ts";

const REPO = resolve(import.meta.dirname, "../../..");
/** The packages whose behaviour decides what a file's check finds (js-yaml: main reads plain YAML with it). */
const PACKAGES = ["zod", "yaml", "js-yaml", "markdown-it"];
/** Bumped by hand only if the cache's own format changes. */
const FORMAT = 4;
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
 * One remembered file: its digest, its stat when read ("" when too recent to vouch for), the first
 * day its own checks pass ({@link KeptFile.checkedFrom}), and its facts as JSON.
 */
interface Line {
  readonly digest: string;
  readonly stat: string;
  readonly checkedFrom: string;
  readonly facts: string;
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

/** `npm run check`'s cache: a line of facts per content file that passed its own checks, kept between checks. */
export class CheckCache implements FactsCache {
  readonly factsOnly = true;
  private readonly file: string;
  private readonly lines: ReadonlyMap<string, Line>;
  /** How many lines the cache's file has, replaced ones included. */
  private readonly written: number;
  /** Each file's stat as this check found it before reading it, if not too recent to vouch for. */
  private readonly stats = new Map<string, string>();
  /** When the check started, for {@link RACY_MS}. */
  private readonly now: number;
  /** The day taken as today: a line is used only if its file's own checks pass on it. */
  private readonly today: string;
  private hits = 0;

  private constructor(file: string, lines: ReadonlyMap<string, Line>, written: number, now: number, today: string) {
    this.now = now;
    this.today = today;
    this.file = file;
    this.lines = lines;
    this.written = written;
  }

  /**
   * The cache of a content root for the current checking code; caches of earlier code are removed.
   * Each root has its own file, so checking one never prunes another's.
   */
  static open(root: string, options: { dir?: string; code?: string; now?: number; today?: string } = {}): CheckCache {
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
      for (const text of readFileSync(file, "utf8").split("\n")) {
        if (text === "") continue;
        written++;
        const fields = text.split("\t");
        if (fields.length === 5) lines.set(fields[0]!, { digest: fields[1]!, stat: fields[2]!, checkedFrom: fields[3]!, facts: fields[4]! });
        else lines.delete(fields[0]!); // forgotten, or damaged
      }
    } catch {
      // No cache yet for this root, or one that cannot be read: every file is checked.
    }
    return new CheckCache(file, lines, written, options.now ?? Date.now(), options.today ?? today());
  }

  digest(text: string): string {
    return createHash("sha256").update(text).digest("hex");
  }

  /** The facts of a remembered line, or undefined if its file's own checks do not pass today or it is damaged. */
  private data(line: Line): KeptFile | undefined {
    if (line.checkedFrom > this.today) return undefined;
    try {
      const data: unknown = JSON.parse(line.facts);
      this.hits++;
      return { data, checkedFrom: line.checkedFrom };
    } catch {
      return undefined;
    }
  }

  /** The facts an earlier check found in this file with exactly this text, if it passed. */
  get(file: string, digest: string): KeptFile | undefined {
    const line = this.lines.get(file);
    return line?.digest === digest ? this.data(line) : undefined;
  }

  /** A file whose stat is as it was when an earlier check read it and found it valid: its digest and facts, unread. */
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
   * Remembers every file a check found valid by its own checks, even when others have problems, and
   * forgets the rest (files removed, or with problems of their own now). The changes are added to the
   * end of the cache's file (a later line for a file replaces an earlier one; a line of just a path
   * forgets it), so an edit writes a line, not the whole cache; the file is written afresh once it has
   * more replaced lines than live ones.
   */
  keep(files: CheckResult["files"]): void {
    const lineOf = (file: string, loaded: LoadedFile): string => {
      // A file taken from this cache has its line already.
      const { data } = loaded.kept;
      const facts = loaded.reused ? this.lines.get(file)!.facts : JSON.stringify(loaded.facts ? loaded.facts(data) : data);
      return `${file}\t${loaded.digest}\t${this.stats.get(file) ?? ""}\t${loaded.checkedFrom ?? ""}\t${facts}`;
    };
    const changes: string[] = [];
    for (const [file, loaded] of files) {
      const before = this.lines.get(file);
      if (before?.digest !== loaded.digest || before.stat !== (this.stats.get(file) ?? "") || before.checkedFrom !== (loaded.checkedFrom ?? ""))
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
