import { fileURLToPath } from "node:url";

/** The folder of one hand-made site under `tests/fixtures/gates/`. */
export const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/gates/${name}/`, import.meta.url));
