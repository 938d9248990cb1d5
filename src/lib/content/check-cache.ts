/**
 * Remembers, by each file's digest, what checking it found valid, so `npm run check` after one
 * edit re-reads every file but validates only the changed ones. Only files that passed are
 * remembered (a file with problems is checked again every time), and the whole cache is dropped
 * when the checking code changes: its key is a digest of every source file under src/lib and
 * src/schemas, the installed versions of the packages they use, and the Node version. Checks
 * across files (references, duplicate ids, plausibility) always run on the whole content.
 *
 * Kept in node_modules/.cache/portal-check/ (ignored by git, removed with node_modules): a
 * folder per version of the checking code and content root, a small file per file checked, named
 * by a digest of its path and bytes, so a check writes only what changed. A cache that cannot be read or
 * written is simply not used.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { FileCache, KeptFile, LoadResult } from "./load.ts";

const REPO = resolve(import.meta.dirname, "../../..");
/** The packages whose behaviour decides what a file's check finds. */
const PACKAGES = ["zod", "yaml", "markdown-it"];
/** Bumped by hand only if the cache's own format changes. */
const FORMAT = 2;

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

/** The name of a file's entry: its path under the content root and the digest of its text. */
const entryName = (file: string, digest: string): string =>
  `${createHash("sha256").update(file).update("\0").update(digest).digest("hex").slice(0, 40)}.json`;

/** `npm run check`'s {@link FileCache}: a file per valid content file, kept between checks. */
export class CheckCache implements FileCache {
  private readonly dir: string;
  private readonly used = new Set<string>();
  private hits = 0;
  private stored = 0;

  private constructor(dir: string) {
    this.dir = dir;
  }

  /**
   * The cache of a content root for the current checking code; caches of earlier code are removed.
   * Each root has its own folder, so checking one never prunes another's.
   */
  static open(root: string, options: { dir?: string; code?: string } = {}): CheckCache {
    const base = options.dir ?? join(REPO, "node_modules/.cache/portal-check");
    const code = (options.code ?? checkingCodeDigest()).slice(0, 16);
    try {
      for (const other of readdirSync(base)) if (other !== code) rmSync(join(base, other), { recursive: true, force: true });
    } catch {
      // No cache yet.
    }
    return new CheckCache(join(base, code, createHash("sha256").update(resolve(root)).digest("hex").slice(0, 16)));
  }

  digest(text: string): string {
    return createHash("sha256").update(text).digest("hex");
  }

  /** The validated data an earlier check found in this file with exactly this text, if it passed. */
  get(file: string, digest: string): KeptFile | undefined {
    const name = entryName(file, digest);
    let text: string;
    try {
      text = readFileSync(join(this.dir, name), "utf8");
    } catch {
      return undefined;
    }
    try {
      const data: unknown = JSON.parse(text);
      this.used.add(name);
      this.hits++;
      return { data };
    } catch {
      return undefined; // a damaged entry: the file is checked again
    }
  }

  /** Remembers every file a load found valid by its own checks, even when others have problems. */
  keep(files: LoadResult["files"]): void {
    for (const [file, loaded] of files) if (!loaded.reused) this.store(file, loaded.digest, loaded.kept.data);
  }

  /** Remembers a file that passed its own checks. */
  private store(file: string, digest: string, data: unknown): void {
    const name = entryName(file, digest);
    this.used.add(name);
    try {
      mkdirSync(this.dir, { recursive: true });
      const temp = join(this.dir, `${name}.${process.pid}.tmp`);
      writeFileSync(temp, JSON.stringify(data));
      renameSync(temp, join(this.dir, name));
      this.stored++;
    } catch {
      // A cache that cannot be written is simply not kept.
    }
  }

  /** How many files were taken from the cache. */
  get reused(): number {
    return this.hits;
  }

  /** After a check that stored something, drops the entries of files as they were before their edits. */
  prune(): void {
    if (this.stored === 0) return;
    try {
      for (const name of readdirSync(this.dir)) if (!this.used.has(name)) rmSync(join(this.dir, name), { force: true });
    } catch {
      // Nothing to prune.
    }
  }
}
