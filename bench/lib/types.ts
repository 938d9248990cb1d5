/** The shape of one benchmark run, as written to bench/.work/results/latest.json. */
import type { BuildLog } from "./astro-log.ts";
import type { SearchTransfer } from "./search-transfer.ts";
import type { PageWeight } from "./weight.ts";

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGb: number;
  readonly node: string;
  readonly astro: string;
  readonly pagefind: string;
  readonly os: string;
  readonly commit: string;
  readonly date: string;
}

export interface BuildFigures {
  readonly ok: boolean;
  readonly timedOut: boolean;
  readonly wallMs: number;
  /** User + system CPU time of the build and its children (undefined without /usr/bin/time). */
  readonly cpuMs?: number | undefined;
  /** Pages Astro reports built (its count is of HTML pages). */
  readonly pages: number | undefined;
  /** Files rendered (pages, data files, feeds) by the end of the build or when it was stopped, from the log. */
  readonly pagesRendered: number;
  readonly htmlPages: number | undefined;
  readonly peakTreeMb: number;
  readonly maxRssMb: number | undefined;
  /** Each process's own sampled peak (MB), largest first: the build's Node process, Pagefind's indexer. */
  readonly peakByProcess: readonly { name: string; mb: number }[];
  readonly distBytes: number | undefined;
  /** Every file written, pages, data files, feeds, assets and the search index. */
  readonly distFiles: number | undefined;
  readonly pagefindBytes: number | undefined;
  readonly pagefindFiles: number | undefined;
  readonly log: Omit<BuildLog, "routes">;
  readonly routes: BuildLog["routes"];
  readonly logFile: string;
}

export interface TargetResult {
  /** "sample", "scale 1", … */
  readonly name: string;
  readonly scale: number | undefined;
  readonly root: string;
  readonly generateMs: number | undefined;
  readonly check: { ok: boolean; wallMs: number; peakTreeMb: number; summary: string };
  /** `npm run check` again after one KPI file changed (synthetic content only). */
  readonly incrementalCheck?: { ok: boolean; wallMs: number; cpuMs: number | undefined; file: string } | undefined;
  /** The heaviest HTML pages, gzipped (level 9), heaviest first. */
  readonly heaviest?: readonly { file: string; raw: number; gzip: number }[] | undefined;
  readonly build: BuildFigures;
  readonly baseline: BuildFigures | undefined;
  readonly pages: readonly (PageWeight & { role: string })[];
  readonly scripts:
    { pages: number; withScript: number; searchElsewhere: readonly string[]; noTarget: readonly string[] } | undefined;
  readonly search: SearchTransfer | undefined;
  readonly searchSkipped: string | undefined;
}

export interface BenchResult {
  readonly machine: Machine;
  readonly options: { scales: readonly number[]; full: boolean; timeoutMin: number; query: string };
  readonly targets: readonly TargetResult[];
}
