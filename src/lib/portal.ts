import { resolve } from "node:path";
import { loadPortal } from "./content/load.ts";
import type { Portal } from "./content/model.ts";
import { formatProblems } from "./content/problems.ts";

/** The content root: `PORTAL_DIR`, or the folder the command runs in. */
export function contentRoot(): string {
  return resolve(process.env["PORTAL_DIR"] ?? process.cwd());
}

let cached: Portal | undefined;

/** The validated portal, loaded once per build. Throws with every problem, located. */
export function getPortal(): Portal {
  if (cached) return cached;
  const result = loadPortal(contentRoot());
  if (!result.ok) throw new Error(`The content has problems:\n${formatProblems(result.problems)}`);
  cached = result.portal;
  return cached;
}
