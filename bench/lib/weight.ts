/**
 * Page weight as a browser would fetch it: the HTML, every stylesheet it links or
 * inlines, every script it links or inlines (and the modules those import), each
 * measured raw, gzip (level 9, as a static host precompresses) and brotli (quality 11).
 * Each inline `<svg>` is also measured on its own, compressed, for the chart budget.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

export interface Bytes {
  readonly raw: number;
  readonly gzip: number;
  readonly brotli: number;
}

export interface PageWeight {
  /** The page's URL path. */
  readonly path: string;
  readonly html: Bytes;
  readonly css: Bytes;
  readonly js: Bytes;
  /** Script files (or "inline") the page loads. */
  readonly scripts: readonly string[];
  /** Every inline SVG on the page, each compressed alone. */
  readonly svgs: readonly Bytes[];
  /** Whether the page carries a figure with an SVG chart and a data table in its HTML. */
  readonly staticChartAndTable: boolean;
}

export function bytesOf(data: string | Buffer): Bytes {
  const buf = typeof data === "string" ? Buffer.from(data) : data;
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
    }).length,
  };
}

const sum = (items: readonly Bytes[]): Bytes => ({
  raw: items.reduce((n, b) => n + b.raw, 0),
  gzip: items.reduce((n, b) => n + b.gzip, 0),
  brotli: items.reduce((n, b) => n + b.brotli, 0),
});

/** A local asset's file for a URL path in the page, or undefined for external or missing ones. */
function assetFile(dist: string, url: string): string | undefined {
  if (!url.startsWith("/") || url.startsWith("//")) return undefined;
  const file = join(dist, decodeURIComponent(url.split(/[?#]/)[0]!));
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

/** A module and, recursively, the local modules it imports statically. */
function moduleClosure(dist: string, file: string, seen: Set<string>): void {
  if (seen.has(file)) return;
  seen.add(file);
  const code = readFileSync(file, "utf8");
  for (const m of code.matchAll(
    /(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']|["'`](\/[\w./-]+\.js)["'`]/g,
  )) {
    // Static imports, and absolute script paths in string literals (dynamic imports such as /pagefind/pagefind.js).
    const spec = (m[1] ?? m[2])!;
    const target = spec.startsWith("/")
      ? assetFile(dist, spec)
      : spec.startsWith(".")
        ? join(dirname(file), spec)
        : undefined;
    if (target && existsSync(target)) moduleClosure(dist, target, seen);
  }
}

export function pageWeight(dist: string, path: string): PageWeight {
  const htmlFile = join(dist, path.endsWith("/") ? `${path}index.html` : path);
  const html = readFileSync(htmlFile, "utf8");
  const css: Bytes[] = [];
  const js: Bytes[] = [];
  const scripts: string[] = [];
  for (const m of html.matchAll(/<link\b[^>]*>/g)) {
    const tag = m[0];
    if (!/rel=["']?stylesheet/.test(tag)) continue;
    const href = /href=["']?([^"'\s>]+)/.exec(tag)?.[1];
    const file = href ? assetFile(dist, href) : undefined;
    if (file) css.push(bytesOf(readFileSync(file)));
  }
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)) css.push(bytesOf(m[1]!));
  const modules = new Set<string>();
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const attrs = m[1]!;
    if (/type=["']?application\/(?:ld\+)?json/.test(attrs)) continue;
    const src = /src=["']?([^"'\s>]+)/.exec(attrs)?.[1];
    if (src) {
      const file = assetFile(dist, src);
      if (file) moduleClosure(dist, file, modules);
    } else if (m[2]!.trim()) {
      js.push(bytesOf(m[2]!));
      scripts.push("inline");
      // Inline modules can import bundled chunks too.
      for (const imp of m[2]!.matchAll(/["'`](\/[\w./-]+\.js)["'`]/g)) {
        const file = assetFile(dist, imp[1]!);
        if (file) moduleClosure(dist, file, modules);
      }
    }
  }
  for (const file of modules) {
    js.push(bytesOf(readFileSync(file)));
    scripts.push(`/${relative(dist, file)}`);
  }
  const svgs = [...html.matchAll(/<svg\b[\s\S]*?<\/svg>/g)].map((m) => bytesOf(m[0]));
  return {
    path,
    html: bytesOf(html),
    css: sum(css),
    js: sum(js),
    scripts,
    svgs,
    staticChartAndTable: /<figure\b[\s\S]*?<svg\b[\s\S]*?<\/figure>/.test(html) && /<table\b/.test(html),
  };
}

/** Total size of a directory's files, and how many there are. */
export function dirSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  if (!existsSync(dir)) return { bytes, files };
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        bytes += statSync(p).size;
        files++;
      }
    }
  };
  walk(dir);
  return { bytes, files };
}

/** Every HTML page under `dist`, as URL paths (`/kpis/x/`), sorted. */
export function htmlPages(dist: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== "pagefind" && e.name !== "_astro") walk(p);
      } else if (e.name.endsWith(".html")) {
        const rel = `/${relative(dist, p)}`;
        out.push(rel.endsWith("/index.html") ? rel.slice(0, -"index.html".length) : rel);
      }
    }
  };
  walk(dist);
  return out.sort();
}

/** The largest `index.html` directly under `dist/{section}/*` (e.g. the heaviest KPI page). */
export function largestPage(dist: string, section: string): string | undefined {
  const dir = join(dist, section);
  if (!existsSync(dir)) return undefined;
  let best: { path: string; size: number } | undefined;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (!e.isDirectory()) continue;
    const file = join(dir, e.name, "index.html");
    if (!existsSync(file)) continue;
    const size = statSync(file).size;
    if (!best || size > best.size || (size === best.size && e.name < best.path))
      best = { path: `/${section}/${e.name}/`, size };
  }
  return best?.path;
}

/** The `data-*` attributes and ids a script looks for: what it would enhance. */
function hooksOf(code: string): string[] {
  const attrs = [...code.matchAll(/\[(data-[\w-]+)|dataset\[["'](\w+)["']\]|\.dataset\.(\w+)/g)].map((m) =>
    m[1] ? m[1] : `data-${(m[2] ?? m[3])!.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
  );
  const ids = [...code.matchAll(/getElementById\(\s*["']([\w-]+)["']\s*\)/g)].map((m) => `id="${m[1]}"`);
  return [...attrs, ...ids];
}

/**
 * Which pages load script. The search bundle belongs on /search/ only; any other
 * script should only come with an element it enhances: an attribute or id it looks
 * for must be in the page's markup.
 */
export function scriptPlacement(dist: string): {
  pages: number;
  withScript: number;
  searchElsewhere: string[];
  noTarget: string[];
} {
  const pages = htmlPages(dist);
  let withScript = 0;
  const searchElsewhere: string[] = [];
  const noTarget: string[] = [];
  for (const path of pages) {
    const html = readFileSync(join(dist, path.endsWith("/") ? `${path}index.html` : path), "utf8");
    const tags = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(
      (m) => !/application\/(?:ld\+)?json/.test(m[1]!),
    );
    if (tags.length === 0) continue;
    withScript++;
    const markup = html.replace(/<script\b[\s\S]*?<\/script>/g, "");
    const isSearchPage = /id="search-form"/.test(markup);
    if (!isSearchPage && tags.some((m) => /pagefind|startSearch/i.test(m[1]! + m[2]!))) searchElsewhere.push(path);
    const code = tags
      .map((m) => {
        const src = /src=["']?([^"'\s>]+)/.exec(m[1]!)?.[1];
        const file = src ? assetFile(dist, src) : undefined;
        return file ? readFileSync(file, "utf8") : m[2]!;
      })
      .join("\n");
    if (!isSearchPage && !hooksOf(code).some((hook) => markup.includes(hook))) noTarget.push(path);
  }
  return { pages: pages.length, withScript, searchElsewhere, noTarget };
}
