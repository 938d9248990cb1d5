import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { GateProblem } from "../../src/lib/published-problem.ts";
import { listFiles } from "./site-files.ts";

export interface DirComparison {
  readonly onlyInFirst: string[];
  readonly onlyInSecond: string[];
  /** Files in both whose bytes differ. */
  readonly differing: string[];
}

/** Compares two folders byte for byte, file by file. */
export function compareDirs(first: string, second: string): DirComparison {
  const a = listFiles(first);
  const b = listFiles(second);
  const inB = new Set(b);
  const inA = new Set(a);
  return {
    onlyInFirst: a.filter((f) => !inB.has(f)),
    onlyInSecond: b.filter((f) => !inA.has(f)),
    differing: a.filter((f) => inB.has(f) && !readFileSync(join(first, f)).equals(readFileSync(join(second, f)))),
  };
}

/** One problem per file that makes two builds of the same content differ. */
export function determinismProblems(c: DirComparison): GateProblem[] {
  const p = (file: string, message: string): GateProblem => ({ gate: "determinism", page: `/${file}`, message });
  return [
    ...c.onlyInFirst.map((f) => p(f, "is written by the first build but not by the second")),
    ...c.onlyInSecond.map((f) => p(f, "is written by the second build but not by the first")),
    ...c.differing.map((f) => p(f, "differs between two builds of the same content")),
  ];
}
