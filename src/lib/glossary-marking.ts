/**
 * Explains acronyms where readers meet them: the first use of each glossary acronym
 * on a page becomes a link to its glossary entry, with the words it stands for
 * written out beside it (readable without a mouse, unlike a tooltip), unless the
 * page has already spelt them out.
 *
 * The page is parsed into a tree with htmlparser2, whose tokenizer follows the HTML
 * rules for quoted attributes and raw-text elements, so only real text nodes are walked,
 * whatever an officer's text contains (`>`, quotes, `<meta …>` written as words). New
 * markup is built as nodes and serialised by dom-serializer, which escapes every text and
 * attribute value; it replaces only the source range of the text node it marks, so every
 * other byte of the page stays as Astro wrote it. (htmlparser2 rather than parse5: this
 * runs on every page, and it parses these pages about five times faster; the tests check
 * the result with parse5, the browsers' algorithm.)
 */
import render from "dom-serializer";
import { Element, Text, type ChildNode, type ParentNode } from "domhandler";
import { parseDocument } from "htmlparser2";
import type { Term } from "../schemas/index.ts";
import { escapeRegExp, looseWords } from "./word-pattern.ts";

/** Elements whose text is never marked: links cannot nest, headings stay clean, code is not prose. */
const SKIP = new Set([
  "a",
  "abbr",
  "script",
  "style",
  "title",
  "code",
  "pre",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "button",
  "option",
  "select",
  "textarea",
  "dfn",
  "caption",
  "th",
  "summary",
  "figcaption",
  "template",
  "svg",
  "math",
  "noscript",
  "iframe",
  "noembed",
  "noframes",
  "xmp",
  "plaintext",
]);

const squash = (s: string) => s.replace(/\s+/g, " ").toLowerCase();

export interface MarkOptions {
  readonly terms: readonly Term[];
  /** Where the glossary lives, e.g. `/glossary/`. */
  readonly glossaryPath: string;
}

interface TextRun {
  readonly node: Text;
  /** Inside an element in SKIP. */
  readonly skip: boolean;
  /** Inside a script or style: not text a reader meets. */
  readonly raw: boolean;
  /** Where the run starts in the page's text. */
  readonly offset: number;
}

/**
 * Text nodes in document order; the page's text with element boundaries as spaces; and the text a
 * reader meets (the same without scripts and styles), as search reads it.
 */
function textRuns(root: ParentNode): { runs: TextRun[]; pageText: string; readerText: string } {
  const runs: TextRun[] = [];
  let pageText = "";
  const reader: string[] = [];
  const visit = (node: ParentNode, skip: boolean, raw: boolean) => {
    for (const child of node.children) {
      if (child instanceof Text) {
        runs.push({ node: child, skip, raw, offset: pageText.length });
        pageText += child.data;
        if (!raw) reader.push(child.data);
      } else if (child instanceof Element) {
        pageText += " ";
        reader.push(" ");
        visit(child, skip || SKIP.has(child.name), raw || child.name === "script" || child.name === "style");
        pageText += " ";
        reader.push(" ");
      }
    }
  };
  visit(root, false, false);
  return { runs, pageText, readerText: reader.join("") };
}

/** What marking needs of a glossary, worked out once per glossary rather than once per page. */
interface Marker {
  readonly byWord: ReadonlyMap<string, Term>;
  readonly pattern: RegExp;
}
const markers = new WeakMap<readonly Term[], Marker | undefined>();
function markerFor(terms: readonly Term[]): Marker | undefined {
  if (markers.has(terms)) return markers.get(terms);
  const acronyms = terms.filter((t) => t.expansion && /^[A-Z][A-Za-z0-9&/]*[A-Z0-9]$/.test(t.term));
  const byWord = new Map(acronyms.map((t) => [t.term, t]));
  const marker =
    acronyms.length === 0
      ? undefined
      : {
          byWord,
          pattern: new RegExp(
            `(?<![\\w&/-])(${[...byWord.keys()]
              .sort((a, b) => b.length - a.length)
              .map(escapeRegExp)
              .join("|")})(s?)(?![\\w/-])`,
            "g",
          ),
        };
  markers.set(terms, marker);
  return marker;
}
/** Each expansion's pattern, in any case and however the page breaks lines, compiled once. */
const looseCache = new Map<string, RegExp>();
const loosely = (words: string): RegExp => {
  let re = looseCache.get(words);
  if (!re) looseCache.set(words, (re = looseWords(words, "i")));
  return re;
};

function element(name: string, attribs: Record<string, string>, children: (Element | string)[]): Element {
  return new Element(
    name,
    attribs,
    children.map((c) => (typeof c === "string" ? new Text(c) : c)),
  );
}

/** Marks the first use of each acronym in an HTML fragment. Text inside SKIP elements is left alone. */
export function markAcronyms(html: string, options: MarkOptions): string {
  return markAndReport(html, options).html;
}

/**
 * Marks acronyms as `markAcronyms` does, and reports the glossary acronyms a reader meets only where
 * they cannot be explained in place (the page title, headings, link text, captions) and that the page
 * never spells out: the page lists those separately, so no acronym goes unexplained. Also gives the
 * marked page's text as a reader meets it (no scripts or styles), from the same parse, for the
 * search synonyms (src/lib/search-synonyms.ts): the layout parses each page once.
 */
export function markAndReport(html: string, options: MarkOptions & { title?: string | undefined }): Marked {
  const doc = parseDocument(html, { withStartIndices: true, withEndIndices: true });
  const { runs, pageText, readerText } = textRuns(doc);
  const edits: { start: number; end: number; html: string }[] = termSpacing(html, doc);
  const marker = markerFor(options.terms);
  if (!marker) return marked(applyEdits(html, edits), [], [readerText]);
  const { byWord, pattern } = marker;
  const writtenAt = spelledOut(pageText);
  /** Expansions written out beside an acronym: text the marked page has and `readerText` lacks. */
  const added: string[] = [];
  const done = new Set<string>();

  for (const run of runs) {
    const { startIndex, endIndex } = run.node;
    if (run.skip || startIndex === null || endIndex === null || done.size === byWord.size) continue;
    // A text node is one source range only when nothing was parsed out of the middle of it
    // (an ignored end tag between two pieces of text): such a node is left unmarked.
    const tag = html.indexOf("<", startIndex);
    if (tag !== -1 && tag <= endIndex) continue;
    const chunk = run.node.data;
    const pieces: ChildNode[] = [];
    let from = 0;
    for (const match of chunk.matchAll(pattern)) {
      const [whole, word = "", plural = ""] = match;
      if (done.has(word)) continue;
      done.add(word);
      const term = byWord.get(word)!;
      const expansion = term.expansion!;
      const end = match.index + whole.length;
      const at = writtenAt(expansion);
      const spelt =
        (at !== -1 && at < run.offset + match.index) ||
        squash(chunk.slice(end, end + expansion.length + 8)).includes(squash(expansion));
      if (match.index > from) pieces.push(new Text(chunk.slice(from, match.index)));
      pieces.push(
        element("a", { class: "term", href: `${options.glossaryPath}#${term.id}` }, [
          element("abbr", { title: expansion }, [word]),
          ...(plural ? [plural] : []),
        ]),
      );
      if (!spelt) {
        pieces.push(new Text(" "), element("span", { class: "expansion" }, [`(${expansion})`]));
        added.push(`(${expansion})`);
      }
      from = end;
    }
    if (from === 0) continue;
    if (from < chunk.length) pieces.push(new Text(chunk.slice(from)));
    edits.push({ start: startIndex, end: endIndex + 1, html: render(pieces, { encodeEntities: "utf8" }) });
  }

  const out = applyEdits(html, edits);

  const unexplained: Term[] = [];
  const texts = [options.title ?? "", ...runs.filter((r) => r.skip && !r.raw).map((r) => r.node.data)];
  for (const text of texts)
    for (const match of text.matchAll(pattern)) {
      const word = match[1] ?? "";
      const term = byWord.get(word);
      if (!term || done.has(word) || unexplained.includes(term)) continue;
      const spelt =
        writtenAt(term.expansion ?? "") !== -1 || squash(options.title ?? "").includes(squash(term.expansion ?? ""));
      if (!spelt) unexplained.push(term);
    }
  return marked(out, unexplained, [readerText, ...added]);
}

/** What `markAndReport` gives a page. */
export interface Marked {
  readonly html: string;
  readonly unexplained: Term[];
  /** The marked page's text as a reader meets it, its spaces squashed; worked out when first read (search pages only). */
  readonly text: string;
}

function marked(html: string, unexplained: Term[], texts: string[]): Marked {
  let text: string | undefined;
  return {
    html,
    unexplained,
    get text() {
      return (text ??= squashSpace(texts.join(" ")));
    },
  };
}

/**
 * Where the page's text first spells out each expansion (however it breaks lines, in any case), or -1,
 * looked for once per expansion. The loose pattern is slow over a long page, and most pages never spell a
 * term out, so the page is first searched, lower-cased, for the expansion's longest word, which any match
 * holds (bar case pairs such as the Greek final sigma, where the cost of a miss is an expansion written out
 * twice).
 */
function spelledOut(pageText: string): (expansion: string) => number {
  const found = new Map<string, number>();
  let lower: string | undefined;
  return (expansion) => {
    let at = found.get(expansion);
    if (at === undefined) {
      const word = expansion.split(/\s+/).reduce((a, b) => (b.length > a.length ? b : a), "");
      lower ??= pageText.toLowerCase();
      at = word && lower.includes(word.toLowerCase()) ? pageText.search(loosely(expansion)) : -1;
      found.set(expansion, at);
    }
    return at;
  };
}

const squashSpace = (s: string) => s.replace(/\s+/g, " ").trim();

/**
 * Applies edits to ranges of the original text (which never overlap) in one pass: the text between
 * them is copied once, however many edits a long page has.
 */
function applyEdits(html: string, edits: readonly { start: number; end: number; html: string }[]): string {
  if (edits.length === 0) return html;
  const parts: string[] = [];
  let from = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    parts.push(html.slice(from, edit.start), edit.html);
    from = edit.end;
  }
  parts.push(html.slice(from));
  return parts.join("");
}

/** Elements whose text search would otherwise run into the next one's ("Who leads itThe council"). */
const TERM_ELEMENTS = new Set(["dt", "dd"]);

/**
 * A space before the end tag of every term and description whose text does not end in one: invisible on
 * the page, but Pagefind (which adds none after these elements) then indexes and excerpts the words apart.
 */
function termSpacing(html: string, root: ParentNode): { start: number; end: number; html: string }[] {
  const edits: { start: number; end: number; html: string }[] = [];
  const visit = (node: ChildNode): void => {
    if (!(node instanceof Element)) return;
    node.children.forEach(visit);
    if (!TERM_ELEMENTS.has(node.name) || node.endIndex === null) return;
    const endTag = `</${node.name}>`;
    const at = node.endIndex + 1 - endTag.length;
    if (html.slice(at, node.endIndex + 1) !== endTag || /\s/.test(html[at - 1] ?? "")) return;
    edits.push({ start: at, end: at, html: " " });
  };
  root.children.forEach(visit);
  return edits;
}
