import { readdirSync } from "node:fs";
import { join, sep } from "node:path";

/**
 * Every file under `dir`, as `/`-separated paths relative to it, sorted by code point
 * so that output built from the list is the same on every machine.
 */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) out.push(path);
    }
  };
  walk("");
  return out.map((p) => p.split(sep).join("/")).sort(byCodePoint);
}

export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `kpis/x/index.html` → `/kpis/x/`; `index.html` → `/`; `data/x.csv` → `/data/x.csv`. */
export function urlForFile(file: string): string {
  if (file === "index.html") return "/";
  if (file.endsWith("/index.html")) return `/${file.slice(0, -"index.html".length)}`;
  return `/${file}`;
}

export type Resolution =
  { readonly found: true; readonly file: string } | { readonly found: false; readonly reason: string };

/**
 * The file a static host serves for a URL path, as the site's `trailingSlash: "always"`
 * contract has it: `/x/` is `x/index.html`; `/x` must be a file named `x`, and when only
 * `x/index.html` exists the link is missing its trailing slash.
 */
export function resolvePath(files: ReadonlySet<string>, path: string): Resolution {
  let decoded: string;
  try {
    decoded = decodeURI(path);
  } catch {
    return { found: false, reason: `"${path}" is not a well-formed address` };
  }
  const rel = decoded.replace(/^\/+/, "");
  if (rel.endsWith("/") || rel === "") {
    const file = `${rel}index.html`;
    return files.has(file) ? { found: true, file } : { found: false, reason: "no page has that address" };
  }
  if (files.has(rel)) return { found: true, file: rel };
  if (files.has(`${rel}/index.html`))
    return { found: false, reason: `the page is at ${path}/ (with a trailing slash)` };
  return { found: false, reason: "no page or file has that address" };
}
