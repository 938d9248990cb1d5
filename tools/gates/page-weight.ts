/**
 * No page too heavy for a phone: every built HTML page must be at most 150 KB once gzipped
 * (level 9, as the benchmark measures). A page that outgrows it (a log of every decision, every
 * change) needs splitting, as /decisions/{year}/ did (docs/performance.md).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { GateProblem } from "../../src/lib/published-problem.ts";
import { urlForFile } from "./site-files.ts";

const MAX_PAGE_GZIP = 150 * 1024;

export interface PageSize {
  /** Relative to the site folder, e.g. `decisions/index.html`. */
  readonly file: string;
  readonly raw: number;
  readonly gzip: number;
}

/**
 * The heaviest pages, heaviest gzipped first: every page whose raw size could exceed `limit` once
 * gzipped, and at least the `top` largest. Gzip never shrinks less than it adds (a few bytes per
 * 16 KB block and an 18-byte frame), so a page more than 1 KB under the limit raw cannot exceed it.
 */
export function heaviestPages(
  dir: string,
  files: Iterable<string>,
  options: { limit?: number; top?: number } = {},
): PageSize[] {
  const limit = options.limit ?? MAX_PAGE_GZIP;
  const sized = [...files]
    .filter((f) => f.endsWith(".html"))
    .map((file) => ({ file, bytes: readFileSync(join(dir, file)) }))
    .sort((a, b) => b.bytes.length - a.bytes.length);
  return sized
    .filter((p, i) => i < (options.top ?? 5) || p.bytes.length > limit - 1024)
    .map((p) => ({ file: p.file, raw: p.bytes.length, gzip: gzipSync(p.bytes, { level: 9 }).length }))
    .sort((a, b) => b.gzip - a.gzip);
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** Every page over the limit once gzipped, as gate problems. */
export function checkPageWeight(dir: string, files: Iterable<string>, limit = MAX_PAGE_GZIP): GateProblem[] {
  return heaviestPages(dir, files, { limit, top: 0 })
    .filter((p) => p.gzip > limit)
    .map((p) => ({
      gate: "weight",
      page: urlForFile(p.file),
      where: p.file,
      message: `the page is ${kb(p.gzip)} gzipped (${kb(p.raw)} raw), over the ${kb(limit)} a phone on a slow connection should fetch; split it into pages`,
    }));
}
