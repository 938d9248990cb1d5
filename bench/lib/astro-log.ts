/**
 * Reads an `astro build` log (lines timed on arrival by `measure`) into phases:
 * start-up and content validation, bundling, rendering pages, and the search
 * index; plus render time per route, from the "(+Nms)" Astro prints per page.
 */
import { stripVTControlCharacters } from "node:util";
import type { LogLine } from "./measure.ts";

export interface BuildLog {
  /** From Astro's "N page(s) built" line. */
  readonly pages: number | undefined;
  /** From our search integration's "Indexed N pages" line. */
  readonly indexedPages: number | undefined;
  /** Milliseconds from start to "Building static entrypoints" (config, integrations' setup incl. content validation, build info). */
  readonly setupMs: number | undefined;
  /** Bundling: to "generating static routes". */
  readonly bundleMs: number | undefined;
  /** Rendering every route: to the end of static generation. */
  readonly renderMs: number | undefined;
  /** From the end of static generation to "Indexed N pages": the `astro:build:done` hooks, Pagefind and any that run before it. */
  readonly indexMs: number | undefined;
  /** Render time summed per route group, slowest first. */
  readonly routes: readonly RouteTime[];
}

export interface RouteTime {
  /** e.g. `/kpis/[…]/`, `/feeds/kpis/[…].xml`, `/index.html`. */
  readonly route: string;
  readonly pages: number;
  readonly ms: number;
}

const strip = stripVTControlCharacters;

/** `/kpis/salt-waits-003/index.html` → `/kpis/[…]/`; single pages keep their path. */
export function routeGroup(path: string): string {
  const parts = path
    .replace(/index\.html$/, "")
    .split("/")
    .filter(Boolean);
  const stable = new Set([
    "kpis",
    "reports",
    "meetings",
    "decisions",
    "plans",
    "actions",
    "data",
    "feeds",
    "committees",
    "schema",
    "calendars",
    "about",
  ]);
  const grouped = parts.map((p, i) => {
    if (stable.has(p) && !(i === parts.length - 1 && p.includes("."))) return p;
    if (/^v\d+$/.test(p)) return "v[n]";
    const ext = /\.[a-z]+$/.exec(p)?.[0] ?? "";
    return i === 0 ? p : `[…]${ext}`;
  });
  const trailing = path.endsWith("/") || path.endsWith("index.html") ? "/" : "";
  return `/${grouped.join("/")}${trailing}`.replace(/\/+$/, trailing ? "/" : "") || "/";
}

export function parseBuildLog(lines: readonly LogLine[]): BuildLog {
  const find = (re: RegExp, from = 0) => {
    for (let i = from; i < lines.length; i++) if (re.test(strip(lines[i]!.text))) return i;
    return -1;
  };
  const entry = find(/Building static entrypoints/);
  const generating = find(/generating static routes/);
  const done = generating >= 0 ? find(/\[build\] ✓ Completed in/, generating) : -1;
  const indexed = find(/Indexed \d+ pages/);
  const built = find(/\d+ page\(s\) built in/);
  const at = (i: number) => (i >= 0 ? lines[i]!.t : undefined);
  const diff = (a: number, b: number) => (a >= 0 && b >= 0 ? lines[b]!.t - lines[a]!.t : undefined);

  const byRoute = new Map<string, { pages: number; ms: number }>();
  for (const { text } of lines) {
    // "(+12ms)", "(+3.54s)", or "(+1m 7s)" for a slow page.
    const m = /[├└]─ (\/\S*) \(\+(?:(\d+)m\s*)?(\d+(?:\.\d+)?)(ms|s)\)/.exec(strip(text));
    if (!m) continue;
    const ms = Number(m[2] ?? 0) * 60_000 + Number(m[3]) * (m[4] === "s" ? 1000 : 1);
    const key = routeGroup(m[1]!);
    const r = byRoute.get(key) ?? { pages: 0, ms: 0 };
    r.pages++;
    r.ms += ms;
    byRoute.set(key, r);
  }
  return {
    pages: built >= 0 ? Number(/(\d+) page\(s\) built/.exec(strip(lines[built]!.text))![1]) : undefined,
    indexedPages: indexed >= 0 ? Number(/Indexed (\d+) pages/.exec(strip(lines[indexed]!.text))![1]) : undefined,
    setupMs: at(entry),
    bundleMs: diff(entry, generating),
    renderMs: diff(generating, done),
    indexMs: diff(done, indexed),
    routes: [...byRoute].map(([route, r]) => ({ route, ...r })).sort((a, b) => b.ms - a.ms),
  };
}
