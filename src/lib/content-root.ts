/**
 * Where the content is: `PORTAL_DIR`, or the folder the command runs in. Every command
 * (check, build, dev, kpi, new, urls:lock, gates, verify, bench) finds its content root here,
 * so a council with only a content folder can run all of them.
 */
import { existsSync, statSync } from "node:fs";
import { createHash } from "node:crypto";
import { isAbsolute, join, resolve } from "node:path";

const PORTAL_DIR_ENV = "PORTAL_DIR";

/** A `PORTAL_DIR` that cannot be used; the message says what to do. */
export class ContentRootError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ContentRootError";
    this.stack = ""; // the message is the whole story: no stack trace
  }
}

/**
 * The content root. A relative `PORTAL_DIR` is taken from the folder the command was typed in
 * (npm's `INIT_CWD`), not from this repository. Throws a {@link ContentRootError} when
 * `PORTAL_DIR` is set but empty, or names something that is not a folder.
 */
export function contentRoot(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  const given = env[PORTAL_DIR_ENV];
  if (given === undefined) return resolve(cwd);
  if (given.trim() === "")
    throw new ContentRootError(
      "PORTAL_DIR is set but empty. Set it to the folder holding your content/ and data/ folders " +
        "(e.g. PORTAL_DIR=../our-portal npm run check), or unset it to use this repository's sample content.",
    );
  const base = env["INIT_CWD"] ?? cwd;
  const root = isAbsolute(given) ? given : resolve(base, given);
  if (!existsSync(root))
    throw new ContentRootError(
      `PORTAL_DIR=${given} does not exist (looked for ${root}). Check the path, or start a new content folder with npm run new -- portal ${given}.`,
    );
  if (!statSync(root).isDirectory())
    throw new ContentRootError(
      `PORTAL_DIR=${given} is a file, not a folder (${root}). Point it at the folder holding content/ and data/.`,
    );
  return root;
}

/** Whether the content root is this repository's own sample (no `PORTAL_DIR`). */
export function isOwnRoot(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[PORTAL_DIR_ENV] === undefined;
}

/**
 * Runs a command's body, printing a {@link ContentRootError} as one plain line (no stack)
 * and exiting 2.
 */
export function exitOnContentRootError<T>(body: () => T): T {
  try {
    return body();
  } catch (e) {
    if (!(e instanceof ContentRootError)) throw e;
    console.error(`Error: ${e.message}`);
    process.exit(2);
  }
}

/**
 * Where Astro keeps the content collections' entries between builds of `root` (its `cacheDir`): one
 * folder per content root under `project`'s node_modules/.astro/, so builds of different roots, even
 * at once, never read each other's entries (src/lib/content/collections.ts).
 */
export function contentStoreDir(project: string, root: string): string {
  return join(project, "node_modules/.astro/roots", createHash("sha256").update(root).digest("hex").slice(0, 16));
}
