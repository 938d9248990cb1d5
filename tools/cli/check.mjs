/**
 * `npm run check`: validates every content file under the content root (PORTAL_DIR, or the current
 * folder) and prints every problem, located (tools/cli/check-run.ts).
 *
 * Node strips the types from each TypeScript module and compiles it on every start: about 0.7 s of a
 * check that takes well under a second after one edit. Its compile cache keeps both between runs, in
 * node_modules/.cache/node-compile/ (checked against each module's text, so an edited module is
 * compiled again); the check is imported only once the cache is on, so it loads through it. This file
 * is JavaScript because Node would load its type stripper for this file alone (0.1 s) before the cache is on.
 */
import { enableCompileCache } from "node:module";
import { fileURLToPath } from "node:url";

enableCompileCache(fileURLToPath(new URL("../../node_modules/.cache/node-compile", import.meta.url)));
await import("./check-run.ts");
