/**
 * Summarises V8 CPU profiles (`node --cpu-prof`) written by a build: the functions
 * with the most self time and the most total time (self plus what they call), with
 * the file and line they are defined at. Astro bundles `src/` into chunks, so lines
 * point into the bundle; the function names lead back to `src/`.
 *
 *   node bench/lib/cpuprofile.ts bench/.work/results/profiles/scale-2/  [--top 25]
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface HotFunction {
  readonly name: string;
  readonly where: string;
  readonly selfMs: number;
  readonly totalMs: number;
}

const short = (url: string) =>
  url
    .replace(/^file:\/\//, "")
    .replace(/^.*\/node_modules\//, "node_modules/")
    .replace(/^.*\/(\.prerender|\.astro|bench\/\.work)\//, "$1/");

export function summarise(profile: Profile): { totalMs: number; functions: HotFunction[] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const key = (n: ProfileNode) =>
    `${n.callFrame.functionName || "(anonymous)"}\u0000${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id)!;
    self.set(key(node), (self.get(key(node)) ?? 0) + us);
    // Count each function once per sample however deep its recursion.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const k = key(byId.get(at)!);
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + us);
    }
  }
  const functions = [...total].map(([k, us]) => {
    const [name, where] = k.split("\u0000") as [string, string];
    return { name, where, selfMs: (self.get(k) ?? 0) / 1000, totalMs: us / 1000 };
  });
  return { totalMs: (profile.endTime - profile.startTime) / 1000, functions };
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { top: { type: "string", default: "25" } },
  });
  const top = Number(values.top);
  for (const target of positionals) {
    const files = statSync(target).isDirectory()
      ? readdirSync(target)
          .filter((f) => f.endsWith(".cpuprofile"))
          .map((f) => join(target, f))
      : [target];
    for (const file of files) {
      const { totalMs, functions } = summarise(JSON.parse(readFileSync(file, "utf8")) as Profile);
      if (totalMs < 1000) continue;
      console.log(`\n${file}: ${(totalMs / 1000).toFixed(1)} s profiled`);
      const interesting = functions.filter((f) => !/^\((?:root|program|idle|garbage collector)\)$/.test(f.name));
      console.log("  by total time (self + callees):");
      for (const f of interesting
        .filter((f) => f.where.includes("src/") || f.where.includes("prerender") || f.where.includes("chunks"))
        .sort((a, b) => b.totalMs - a.totalMs)
        .slice(0, top))
        console.log(`    ${(f.totalMs / 1000).toFixed(2).padStart(8)} s  ${f.name}  ${f.where}`);
      console.log("  by self time:");
      for (const f of [...functions].sort((a, b) => b.selfMs - a.selfMs).slice(0, top))
        console.log(`    ${(f.selfMs / 1000).toFixed(2).padStart(8)} s  ${f.name}  ${f.where}`);
    }
  }
}
