import { loadPortal } from "./content/load.ts";
import type { Portal } from "./content/model.ts";
import { formatProblems } from "./content/problems.ts";
import { contentRoot } from "./content-root.ts";

export { contentRoot };

/**
 * Where the content collections' loader (src/lib/content/collections.ts) leaves the portal it
 * validated, or, in the preview, the problems it found. Pages render in the same process but from
 * a separately bundled copy of this module, so a module variable alone would make every build load
 * and validate the content twice.
 */
const SHARED = Symbol.for("send-portal.loaded");
type Shared =
  { root: string; portal: Portal; problems?: undefined } | { root: string; portal?: undefined; problems: string };
const shared = globalThis as { [SHARED]?: Shared };

/** Records the validated portal for `getPortal()` (called by the content loader). */
export function sharePortal(root: string, portal: Portal): void {
  shared[SHARED] = { root, portal };
}

/** Records, in the preview, that the content has these problems (formatted, located). */
export function shareProblems(root: string, problems: string): void {
  shared[SHARED] = { root, problems };
}

/** The located problems the last load of the content found, if it found any. */
export function sharedProblems(): string | undefined {
  return shared[SHARED]?.problems;
}

const RELOAD = Symbol.for("send-portal.reload");
const reloader = globalThis as { [RELOAD]?: (() => void) | undefined };

/**
 * Records how to load the content again into the collections (called by the content loader, in the
 * preview); undefined records that this process is not a preview.
 */
export function shareReloader(reload: (() => void) | undefined): void {
  reloader[RELOAD] = reload;
}

/**
 * Loads the content again into the collections, reading only the files that changed, and records
 * the portal or its problems (the preview, after an edit). Nothing happens before the first load.
 */
export function reloadContent(): void {
  reloader[RELOAD]?.();
}

/**
 * In the preview only, the portal as the loader last validated it (undefined in a build, or while the
 * content has problems). The loader has it within a second of an edit; Astro's own store of the
 * entries catches up later (src/lib/entries.ts).
 */
export function previewPortal(): Portal | undefined {
  if (!reloader[RELOAD]) return undefined;
  const loaded = shared[SHARED];
  return loaded?.root === currentRoot() ? loaded.portal : undefined;
}

/**
 * `contentRoot()` for this process's PORTAL_DIR and folder, worked out once for them: every page asks
 * for the portal several times, and the root's checks touch the file system.
 */
let known: { key: string; root: string } | undefined;
function currentRoot(): string {
  const key = [process.env["PORTAL_DIR"], process.env["INIT_CWD"], process.cwd()].join("\0");
  if (known?.key !== key) known = { key, root: contentRoot() };
  return known.root;
}

/** The validated portal, loaded once per build. Throws with every problem, located. */
export function getPortal(): Portal {
  const root = currentRoot();
  const loaded = shared[SHARED];
  if (loaded?.root === root && loaded.portal) return loaded.portal;
  const result = loadPortal(root);
  if (!result.ok) throw new Error(`The content has problems:\n${formatProblems(result.problems)}`);
  sharePortal(root, result.portal);
  return result.portal;
}
