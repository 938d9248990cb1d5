import { readFileSync } from "node:fs";
import { join } from "node:path";
import { HtmlValidate, Parser, type HtmlElement, type ResolvedConfig } from "html-validate";
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

const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/**
 * Attribute values as the parser returns them still hold character references; decode the
 * numeric ones and the few named ones a generator writes. Others are left as written.
 */
function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === "#") {
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

let parserConfig: Promise<ResolvedConfig> | undefined;

/** One parser configuration for every page: parsing needs only html-validate's element table. */
function config(): Promise<ResolvedConfig> {
  parserConfig ??= Promise.resolve(new HtmlValidate({ root: true, extends: [] }).getConfigFor("page.html"));
  return parserConfig;
}

/** The URL in `<meta http-equiv="refresh" content="0; url=/x/">`. */
function refreshTarget(content: string): string | undefined {
  const m = /^\s*\d+(?:\.\d*)?\s*[;,]\s*(?:url\s*=\s*)?(['"]?)(.+?)\1\s*$/i.exec(content);
  return m?.[2];
}

/** Reads one page: its ids and every URL it refers to, with lines. */
export async function scanPage(html: string, where: { file: string }): Promise<PageScan> {
  const root = new Parser(await config()).parseHtml({
    data: html,
    filename: where.file,
    line: 1,
    column: 1,
    offset: 0,
  });
  const ids: string[] = [];
  const targets = new Set<string>();
  const refs: Reference[] = [];
  let refreshTo: string | undefined;
  const attr = (el: HtmlElement, name: string): string | undefined => {
    const v = el.getAttributeValue(name);
    return v === null ? undefined : decodeEntities(v);
  };
  for (const el of root.querySelectorAll("*")) {
    const tag = el.tagName.toLowerCase();
    const line = el.location.line;
    const id = attr(el, "id");
    if (id !== undefined && id !== "") {
      if (!el.closest("svg")) ids.push(id);
      targets.add(id);
    }
    const name = tag === "a" ? attr(el, "name") : undefined;
    if (name) targets.add(name);
    const rel = (attr(el, "rel") ?? "").toLowerCase().split(/\s+/).filter(Boolean);
    for (const a of URL_ATTRS[tag] ?? []) {
      const url = attr(el, a);
      if (url !== undefined) refs.push({ tag, attr: a, url: url.trim(), rel, line });
    }
    const srcset = tag === "img" || tag === "source" ? attr(el, "srcset") : undefined;
    for (const candidate of srcset ? srcset.split(",") : []) {
      const url = candidate.trim().split(/\s+/)[0];
      if (url) refs.push({ tag, attr: "srcset", url, rel, line });
    }
    if (tag === "meta" && attr(el, "http-equiv")?.toLowerCase() === "refresh") {
      const url = refreshTarget(attr(el, "content") ?? "");
      if (url) {
        refreshTo = url;
        refs.push({ tag, attr: "content", url, rel, line });
      }
    }
  }
  for (const found of scanInlineSvg(html)) {
    if (found.id) targets.add(found.id);
    if (found.ref) refs.push(found.ref);
  }
  refs.sort((a, b) => a.line - b.line);
  return { file: where.file, url: urlForFile(where.file), ids, targets, refs, refreshTo };
}

const SVG_BLOCK = /<svg\b[\s\S]*?<\/svg\s*>/gi;
const SVG_TAG = /<([a-zA-Z][\w:-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g;
const SVG_ATTR = /\s([^\s=>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

/**
 * html-validate's parser keeps only the SVG elements it knows (`<svg>`, `<title>`), so the
 * ids and links inside a chart are read here, from the raw markup of each `<svg>` block.
 */
function scanInlineSvg(html: string): { id?: string; ref?: Reference }[] {
  const found: { id?: string; ref?: Reference }[] = [];
  for (const block of html.matchAll(SVG_BLOCK)) {
    for (const tag of block[0].matchAll(SVG_TAG)) {
      const name = (tag[1] ?? "").toLowerCase();
      if (name === "svg" || name === "title") continue;
      const line = html.slice(0, (block.index ?? 0) + (tag.index ?? 0)).split("\n").length;
      for (const a of (tag[2] ?? "").matchAll(SVG_ATTR)) {
        const key = (a[1] ?? "").toLowerCase();
        const value = decodeEntities(a[2] ?? a[3] ?? a[4] ?? "");
        if (key === "id" && value) found.push({ id: value });
        if ((key === "href" || key === "xlink:href") && value) {
          found.push({ ref: { tag: name, attr: key, url: value.trim(), rel: [], line } });
        }
      }
    }
  }
  return found;
}

/** Lists and parses a built site once, for every gate that reads its HTML. */
export async function scanSite(dir: string): Promise<SiteScan> {
  const list = listFiles(dir);
  const pages = new Map<string, PageScan>();
  for (const file of list) {
    if (!file.endsWith(".html")) continue;
    pages.set(file, await scanPage(readFileSync(join(dir, file), "utf8"), { file }));
  }
  return { dir, files: new Set(list), pages };
}
