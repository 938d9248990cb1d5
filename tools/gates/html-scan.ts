import { readFileSync } from "node:fs";
import { join } from "node:path";
import { isTag, type ChildNode } from "domhandler";
import { DomUtils, parseDocument } from "htmlparser2";
import { listFiles, urlForFile } from "./site-files.ts";

/** A URL a page points at, from an attribute of one element. */
export interface Reference {
  /** Lower-case tag name, e.g. `a`, `link`, `img`. */
  readonly tag: string;
  /** The attribute it came from, e.g. `href`, `src`, `srcset`, `content` (meta refresh). */
  readonly attr: string;
  /** The address, entity-decoded, as written (relative or absolute). */
  readonly url: string;
  /** `rel` tokens, lower case; empty where the element has none. */
  readonly rel: readonly string[];
  /** 1-based line in the HTML file. */
  readonly line: number;
}

export interface PageScan {
  /** Path relative to the site folder, e.g. `kpis/x/index.html`. */
  readonly file: string;
  /** Published address, e.g. `/kpis/x/`. */
  readonly url: string;
  /** Every `id` outside inline SVG, in document order; ids inside a chart's SVG are its wiring. */
  readonly ids: readonly string[];
  /** All ids, in SVG too, and `<a name>`s: everything a `#fragment` can land on. */
  readonly targets: ReadonlySet<string>;
  readonly refs: readonly Reference[];
  /** Set when the page is a `<meta http-equiv="refresh">` redirect. */
  readonly refreshTo?: string | undefined;
  /** Whether search indexes the page (an element has `data-pagefind-body`). */
  readonly searched: boolean;
}

export interface SiteScan {
  readonly dir: string;
  /** Every file, relative and `/`-separated. */
  readonly files: ReadonlySet<string>;
  /** Every `.html` file, keyed by its relative path. */
  readonly pages: ReadonlyMap<string, PageScan>;
}

/** Attributes that hold one URL, by the elements that carry them. */
const URL_ATTRS: Record<string, readonly string[]> = {
  a: ["href"],
  area: ["href"],
  link: ["href"],
  script: ["src"],
  img: ["src"],
  iframe: ["src"],
  source: ["src"],
  video: ["src", "poster"],
  audio: ["src"],
  track: ["src"],
  embed: ["src"],
  object: ["data"],
  input: ["src"],
  form: ["action"],
  blockquote: ["cite"],
  q: ["cite"],
  ins: ["cite"],
  del: ["cite"],
};

/** The URL in `<meta http-equiv="refresh" content="0; url=/x/">`. */
function refreshTarget(content: string): string | undefined {
  const m = /^\s*\d+(?:\.\d*)?\s*[;,]\s*(?:url\s*=\s*)?(['"]?)(.+?)\1\s*$/i.exec(content);
  return m?.[2];
}

/**
 * Reads one page with htmlparser2, which keeps every element of an inline SVG (a chart's ids and links) and
 * decodes character references in attribute values: its ids, every URL it refers to, with lines, and
 * whether search indexes it.
 */
export function scanPage(html: string, where: { file: string }): PageScan {
  const lineStarts = [0];
  for (let i = html.indexOf("\n"); i !== -1; i = html.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  /** The 1-based line of a source offset. */
  const lineAt = (offset: number): number => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
  const ids: string[] = [];
  const targets = new Set<string>();
  const refs: Reference[] = [];
  let refreshTo: string | undefined;
  let searched = false;
  const visit = (nodes: readonly ChildNode[], inSvg: boolean): void => {
    for (const el of nodes) {
      if (!isTag(el)) continue;
      const tag = el.name;
      const svg = inSvg || tag === "svg";
      const line = lineAt(el.startIndex ?? 0);
      const attr = (name: string): string | undefined => el.attribs[name];
      const id = attr("id");
      if (id !== undefined && id !== "") {
        // Ids inside a chart's SVG are its own wiring, not places a page's links land.
        if (!svg) ids.push(id);
        targets.add(id);
      }
      const name = tag === "a" ? attr("name") : undefined;
      if (name) targets.add(name);
      if ("data-pagefind-body" in el.attribs) searched = true;
      const rel = (attr("rel") ?? "").toLowerCase().split(/\s+/).filter(Boolean);
      for (const a of inSvg ? SVG_URL_ATTRS : (URL_ATTRS[tag] ?? [])) {
        const url = attr(a);
        if (url !== undefined && (!inSvg || url !== "")) refs.push({ tag, attr: a, url: url.trim(), rel, line });
      }
      const srcset = tag === "img" || tag === "source" ? attr("srcset") : undefined;
      for (const candidate of srcset ? srcset.split(",") : []) {
        const url = candidate.trim().split(/\s+/)[0];
        if (url) refs.push({ tag, attr: "srcset", url, rel, line });
      }
      if (tag === "meta" && attr("http-equiv")?.toLowerCase() === "refresh") {
        const url = refreshTarget(attr("content") ?? "");
        if (url) {
          refreshTo = url;
          refs.push({ tag, attr: "content", url, rel, line });
        }
      }
      visit(el.children, svg);
    }
  };
  visit(parseDocument(html, { withStartIndices: true }).children, false);
  return { file: where.file, url: urlForFile(where.file), ids, targets, refs, refreshTo, searched };
}

/**
 * The page without its `<meta http-equiv="refresh">` elements, so that a browser shows a redirect page
 * instead of following it; the page as it is when it has none.
 */
export function withoutRefresh(html: string): string {
  const refreshes = DomUtils.findAll(
    (el) => el.name === "meta" && el.attribs["http-equiv"]?.toLowerCase() === "refresh",
    parseDocument(html, { withStartIndices: true, withEndIndices: true }).children,
  );
  let out = html;
  for (const el of refreshes.reverse()) out = out.slice(0, el.startIndex!) + out.slice(el.endIndex! + 1);
  return out;
}

/** Attributes that hold a URL on an element inside an SVG (a link, a `<use>`). */
const SVG_URL_ATTRS = ["href", "xlink:href"] as const;

/** Lists and parses a built site once, for every gate that reads its HTML. */
export function scanSite(dir: string): SiteScan {
  const list = listFiles(dir);
  const pages = new Map<string, PageScan>();
  for (const file of list) {
    if (!file.endsWith(".html")) continue;
    pages.set(file, scanPage(readFileSync(join(dir, file), "utf8"), { file }));
  }
  return { dir, files: new Set(list), pages };
}
