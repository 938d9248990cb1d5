import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const root = fileURLToPath(new URL("../../", import.meta.url));

/** The built site the gates judge; `npm test` builds it before these tests run. */
export function builtSite(): string {
  const dist = join(root, "dist");
  if (!existsSync(join(dist, "index.html"))) throw new Error("dist/index.html does not exist: run npm run build first");
  return dist;
}
