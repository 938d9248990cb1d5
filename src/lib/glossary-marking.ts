/**
 * Explains acronyms where readers meet them: the first use of each glossary acronym
 * on a page becomes a link to its glossary entry, with the words it stands for
 * written out beside it (readable without a mouse, unlike a tooltip), unless the
 * page has already spelt them out.
 *
 * The page is read by htmlparser2's tokenizer, which follows the HTML rules for quoted attributes
 * and raw-text elements, so only real text is marked, whatever an officer's text contains (`>`,
 * quotes, `<meta …>` written as words). No tree is built: the layout reads every page, and on a large
 * page the tree cost as much again as the tokenizer. New markup is built as nodes and serialised by
 * dom-serializer, which escapes every text and attribute value; it replaces only the source range of
 * the text it marks, so every other byte of the page stays as Astro wrote it. (htmlparser2 rather than
 * parse5: it reads these pages about five times faster; the tests check the result with parse5, the
 * browsers' algorithm.)
 */
import render from "dom-serializer";
import { Element, Text, type ChildNode } from "domhandler";
import { Parser } from "htmlparser2";
import type { Term } from "../schemas/index.ts";
import { cached } from "./maps.ts";
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

/** Elements whose text search would otherwise run into the next one's ("Who leads itThe council"). */
const TERM_ELEMENTS = new Set(["dt", "dd"]);

const squash = (s: string) => s.replace(/\s+/g, " ").toLowerCase();

export interface MarkOptions {
  readonly terms: readonly Term[];
  /** Where the glossary lives, e.g. `/glossary/`. */
  readonly glossaryPath: string;
}

interface TextRun {
  /** The text, its character references decoded. */
  data: string;
  /** Where it starts and ends (inclusive) in the page's source. */
  readonly start: number;
  end: number;
  /** Inside an element in SKIP. */
  readonly skip: boolean;
  /** Inside a script or style: not text a reader meets. */
  readonly raw: boolean;
  /** Where the run starts in the page's text. */
  readonly offset: number;
}

/** What one pass of the tokenizer gives. */
interface Scan {
  /** Text nodes in document order (text between two tags is one run, as in the DOM). */
  readonly runs: TextRun[];
  /** The page's text with element boundaries as spaces. */
  readonly pageText: string;
  /** Where a space goes before the end tag of a term or description whose text does not end in one. */
  readonly spacing: Edit[];
}

/**
 * Reads the page once with htmlparser2's tokenizer, without building a tree: the text runs and the
 * page's texts, and the term spacing (see `TERM_ELEMENTS`). Elements open and close in the same order
 * as in the tree htmlparser2 would build (implied end tags included), so the texts are the same.
 */
function scan(html: string): Scan {
  const runs: TextRun[] = [];
  const page: string[] = [];
  let pageLength = 0;
  const spacing: Edit[] = [];
  /** Per open element: whether its text is skipped, and whether it is raw. */
  const open: { skip: boolean; raw: boolean }[] = [];
  let run: TextRun | undefined;
  const boundary = () => {
    run = undefined;
    page.push(" ");
    pageLength += 1;
  };
  const parser: Parser = new Parser(
    {
      onopentag(name) {
        const parent = open.at(-1);
        open.push({
          skip: (parent?.skip ?? false) || SKIP.has(name),
          raw: (parent?.raw ?? false) || name === "script" || name === "style",
        });
        boundary();
      },
      onclosetag(name) {
        open.pop();
        boundary();
        if (TERM_ELEMENTS.has(name)) {
          const endTag = `</${name}>`;
          const at = parser.endIndex + 1 - endTag.length;
          if (html.slice(at, parser.endIndex + 1) === endTag && !/\s/.test(html[at - 1] ?? ""))
            spacing.push({ start: at, end: at, html: " " });
        }
      },
      ontext(data) {
        const where = open.at(-1);
        if (run) {
          run.data += data;
          run.end = parser.endIndex;
        } else {
          run = {
            data,
            start: parser.startIndex,
            end: parser.endIndex,
            skip: where?.skip ?? false,
            raw: where?.raw ?? false,
            offset: pageLength,
          };
          runs.push(run);
        }
        page.push(data);
        pageLength += data.length;
      },
      oncomment() {
        run = undefined;
      },
      oncdatastart() {
        run = undefined;
      },
      onprocessinginstruction() {
        run = undefined;
      },
    },
    {},
  );
  parser.end(html);
  return { runs, pageText: page.join(""), spacing };
}

/** The page's text as a reader meets it: without the text of scripts and styles. */
function readerText({ runs, pageText }: Scan): string {
  const parts: string[] = [];
  let from = 0;
  for (const run of runs)
    if (run.raw) {
      parts.push(pageText.slice(from, run.offset));
      from = run.offset + run.data.length;
    }
  parts.push(pageText.slice(from));
  return parts.join("");
}

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly html: string;
}

/** What marking needs of a glossary, worked out once per glossary rather than once per page. */
interface Marker {
  readonly byWord: ReadonlyMap<string, Term>;
  readonly pattern: RegExp;
}
const markers = new WeakMap<readonly Term[], Marker | undefined>();
function markerFor(terms: readonly Term[]): Marker | undefined {
  return cached(markers, terms, () => compileMarker(terms));
}
function compileMarker(terms: readonly Term[]): Marker | undefined {
  const acronyms = terms.filter((t) => t.expansion && /^[A-Z][A-Za-z0-9&/]*[A-Z0-9]$/.test(t.term));
  const byWord = new Map(acronyms.map((t) => [t.term, t]));
  return acronyms.length === 0
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
}

function element(name: string, attribs: Record<string, string>, children: (Element | string)[]): Element {
  return new Element(
    name,
    attribs,
    children.map((c) => (typeof c === "string" ? new Text(c) : c)),
  );
}

/**
 * Marks the first use of each acronym in an HTML fragment (text inside SKIP elements is left alone), and
 * reports the glossary acronyms a reader meets only where they cannot be explained in place (the page
 * title, headings, link text, captions) and that the page never spells out: the page lists those
 * separately, so no acronym goes unexplained. Also gives the marked page's text as a reader meets it (no
 * scripts or styles), from the same parse, for the search synonyms (src/lib/search-synonyms.ts): the
 * layout parses each page once.
 */
export function markAndReport(html: string, options: MarkOptions & { title?: string | undefined }): Marked {
  const page = scan(html);
  const { runs, pageText } = page;
  const edits: Edit[] = page.spacing;
  const marker = markerFor(options.terms);
  if (!marker) return marked(applyEdits(html, edits), [], page, []);
  const { byWord, pattern } = marker;
  const writtenAt = spelledOut(pageText);
  /** Expansions written out beside an acronym: text the marked page has and `readerText` lacks. */
  const added: string[] = [];
  const done = new Set<string>();

  for (const run of runs) {
    const { start: startIndex, end: endIndex } = run;
    if (run.skip || done.size === byWord.size) continue;
    // A text node is one source range only when nothing was parsed out of the middle of it
    // (an ignored end tag between two pieces of text): such a node is left unmarked.
    const tag = html.indexOf("<", startIndex);
    if (tag !== -1 && tag <= endIndex) continue;
    const chunk = run.data;
    const pieces: ChildNode[] = [];
    let from = 0;
    for (const match of matchesIn(chunk, pattern)) {
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
  const texts = [options.title ?? "", ...runs.filter((r) => r.skip && !r.raw).map((r) => r.data)];
  for (const text of texts)
    for (const match of matchesIn(text, pattern)) {
      const word = match[1] ?? "";
      const term = byWord.get(word);
      if (!term || done.has(word) || unexplained.includes(term)) continue;
      const spelt =
        writtenAt(term.expansion ?? "") !== -1 || squash(options.title ?? "").includes(squash(term.expansion ?? ""));
      if (!spelt) unexplained.push(term);
    }
  return marked(out, unexplained, page, added);
}

/**
 * Each match of a global pattern in `text`, as `matchAll` finds them, but on the pattern itself: `matchAll`
 * makes a copy of the pattern for every text, and a page has thousands of texts while the glossary's
 * pattern has a hundred spellings.
 */
function* matchesIn(text: string, pattern: RegExp): Generator<RegExpExecArray> {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) yield match;
}

/** What `markAndReport` gives a page. */
export interface Marked {
  readonly html: string;
  readonly unexplained: Term[];
  /**
   * The marked page's text as a reader meets it, with the page's own spacing (element boundaries are
   * spaces); worked out when first read (search pages only).
   */
  readonly text: string;
}

/** `added`: the expansions written out beside an acronym, text the marked page has and the scan lacks. */
function marked(html: string, unexplained: Term[], page: Scan, added: readonly string[]): Marked {
  let text: string | undefined;
  return {
    html,
    unexplained,
    get text() {
      return (text ??= [readerText(page), ...added].join(" "));
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
      at = word && lower.includes(word.toLowerCase()) ? pageText.search(looseWords(expansion, "i")) : -1;
      found.set(expansion, at);
    }
    return at;
  };
}

/**
 * Applies edits to ranges of the original text (which never overlap) in one pass: the text between
 * them is copied once, however many edits a long page has.
 */
function applyEdits(html: string, edits: readonly Edit[]): string {
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
