import { loadPortal } from "./content/load.ts";
import type { Portal } from "./content/model.ts";
import { formatProblems } from "./content/problems.ts";
import { contentRoot } from "./content-root.ts";

export { contentRoot };

/**
 * Where the content integration leaves the portal it validated. Pages render in the same
 * process but from a separately bundled copy of this module, so a module variable alone
 * would make every build load and validate the content twice.
 */
const SHARED = Symbol.for("send-portal.loaded");
type Shared = { root: string; portal: Portal };
const shared = globalThis as { [SHARED]?: Shared };

/** Records the validated portal for `getPortal()` (called by the content integration). */
export function sharePortal(root: string, portal: Portal): void {
  shared[SHARED] = { root, portal };
}

/** Drops the shared portal, so the next `getPortal()` loads the content again (the preview, after an edit). */
export function forgetPortal(): void {
  delete shared[SHARED];
}

/** The validated portal, loaded once per build. Throws with every problem, located. */
export function getPortal(): Portal {
  const root = contentRoot();
  const known = shared[SHARED];
  if (known?.root === root) return known.portal;
  const result = loadPortal(root);
  if (!result.ok) throw new Error(`The content has problems:\n${formatProblems(result.problems)}`);
  sharePortal(root, result.portal);
  return result.portal;
}
