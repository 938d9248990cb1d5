/**
 * Explains acronyms where readers meet them: the first use of each glossary acronym
 * on a page becomes a link to its glossary entry, with the words it stands for
 * written out beside it (readable without a mouse, unlike a tooltip), unless the
 * page has already spelt them out.
 *
 * The page is parsed with parse5, the WHATWG parser, so the text nodes walked here are
 * the ones a browser will see, whatever an officer's text contains (`>`, quotes,
 * `<meta …>` written as words). New markup is built as nodes and serialised by parse5,
 * which escapes every text and attribute value; it replaces only the source range of
 * the text node it marks, so every other byte of the page stays as Astro wrote it.
 */
import { defaultTreeAdapter as tree, parseFragment, serialize, type DefaultTreeAdapterTypes as T } from "parse5";
import type { Term } from "../schemas/index.ts";

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
]);
const HTML_NS = "http://www.w3.org/1999/xhtml";

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const squash = (s: string) => s.replace(/\s+/g, " ").toLowerCase();
/** Matches words however the page breaks lines between them, in any case. */
const loosely = (words: string) => new RegExp(words.trim().split(/\s+/).map(escapeRegExp).join("\\s+"), "i");

export interface MarkOptions {
  readonly terms: readonly Term[];
  /** Where the glossary lives, e.g. `/glossary/`. */
  readonly glossaryPath: string;
}

interface TextRun {
  readonly node: T.TextNode;
  /** Inside an element in SKIP, or outside HTML (SVG, MathML). */
  readonly skip: boolean;
  /** Everything the page says before this run, element boundaries as spaces. */
  readonly offset: number;
}

/** Text nodes in document order, and the page's text with element boundaries as spaces. */
function textRuns(root: T.ParentNode): { runs: TextRun[]; pageText: string } {
  const runs: TextRun[] = [];
  let pageText = "";
  const visit = (node: T.ParentNode, skip: boolean) => {
    for (const child of node.childNodes) {
      if (child.nodeName === "#text") {
        const textNode = child as T.TextNode;
        runs.push({ node: textNode, skip, offset: pageText.length });
        pageText += textNode.value;
      } else if ("tagName" in child) {
        pageText += " ";
        visit(child, skip || SKIP.has(child.tagName) || child.namespaceURI !== HTML_NS);
        pageText += " ";
      }
    }
  };
  visit(root, false);
  return { runs, pageText };
}

function element(tagName: string, attrs: Record<string, string>, children: (T.Element | string)[]): T.Element {
  const el = tree.createElement(
    tagName,
    HTML_NS as T.Element["namespaceURI"],
    Object.entries(attrs).map(([name, value]) => ({ name, value })),
  );
  for (const child of children) {
    if (typeof child === "string") tree.insertText(el, child);
    else tree.appendChild(el, child);
  }
  return el;
}

/** Marks the first use of each acronym in an HTML fragment. Text inside SKIP elements is left alone. */
export function markAcronyms(html: string, options: MarkOptions): string {
  const acronyms = options.terms.filter((t) => t.expansion && /^[A-Z][A-Za-z0-9&/]*[A-Z0-9]$/.test(t.term));
  if (acronyms.length === 0) return html;
  const byWord = new Map(acronyms.map((t) => [t.term, t]));
  const pattern = new RegExp(
    `(?<![\\w&/-])(${[...byWord.keys()]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join("|")})(s?)(?![\\w/-])`,
    "g",
  );
  const { runs, pageText } = textRuns(parseFragment(html, { sourceCodeLocationInfo: true }));
  const done = new Set<string>();
  const edits: { start: number; end: number; html: string }[] = [];

  for (const run of runs) {
    const location = run.node.sourceCodeLocation;
    if (run.skip || !location || done.size === byWord.size) continue;
    // A text node is one source range only when nothing was parsed out of the middle of it
    // (foster-parented table text can merge around a row): such a node is left unmarked.
    const tag = html.indexOf("<", location.startOffset);
    if (tag !== -1 && tag < location.endOffset) continue;
    const chunk = run.node.value;
    const pieces = tree.createDocumentFragment();
    let from = 0;
    for (const match of chunk.matchAll(pattern)) {
      const [whole, word = "", plural = ""] = match;
      if (done.has(word)) continue;
      done.add(word);
      const term = byWord.get(word)!;
      const expansion = term.expansion!;
      const end = match.index + whole.length;
      const writtenAt = pageText.search(loosely(expansion));
      const spelt =
        (writtenAt !== -1 && writtenAt < run.offset + match.index) ||
        squash(chunk.slice(end, end + expansion.length + 8)).includes(squash(expansion));
      if (match.index > from) tree.insertText(pieces, chunk.slice(from, match.index));
      tree.appendChild(
        pieces,
        element("a", { class: "term", href: `${options.glossaryPath}#${term.id}` }, [
          element("abbr", { title: expansion }, [word]),
          ...(plural ? [plural] : []),
        ]),
      );
      if (!spelt) {
        tree.insertText(pieces, " ");
        tree.appendChild(pieces, element("span", { class: "expansion" }, [`(${expansion})`]));
      }
      from = end;
    }
    if (from === 0) continue;
    if (from < chunk.length) tree.insertText(pieces, chunk.slice(from));
    edits.push({ start: location.startOffset, end: location.endOffset, html: serialize(pieces) });
  }

  let out = html;
  for (const edit of edits.reverse()) out = out.slice(0, edit.start) + edit.html + out.slice(edit.end);
  return out;
}
