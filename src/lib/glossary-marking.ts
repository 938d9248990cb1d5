/**
 * Explains acronyms where readers meet them: the first use of each glossary acronym
 * on a page becomes a link to its glossary entry, with the words it stands for
 * written out beside it (readable without a mouse, unlike a tooltip), unless the
 * page has already spelt them out.
 */
import type { Term } from "../schemas/index.ts";

/** Elements whose text is never marked: links cannot nest, headings stay clean, code and SVG are not prose. */
const SKIP = new Set([
  "a",
  "abbr",
  "script",
  "style",
  "svg",
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
]);
const VOID = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "source",
  "track",
  "wbr",
]);

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const plain = (html: string) =>
  html
    .replace(/<[^>]*>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

export interface MarkOptions {
  readonly terms: readonly Term[];
  /** Where the glossary lives, e.g. `/glossary/`. */
  readonly glossaryPath: string;
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
  const pageText = plain(html).toLowerCase();
  const done = new Set<string>();
  const stack: string[] = [];
  let skipDepth = 0;
  let seenText = "";

  return html.replace(/(<[^>]+>)|([^<]+)/g, (match, tag: string | undefined, text: string | undefined) => {
    if (tag) {
      const m = /^<(\/)?([a-zA-Z][a-zA-Z0-9-]*)/.exec(tag);
      if (m) {
        const name = m[2]!.toLowerCase();
        if (m[1]) {
          const i = stack.lastIndexOf(name);
          if (i >= 0) {
            for (const open of stack.splice(i)) if (SKIP.has(open)) skipDepth--;
          }
        } else if (!VOID.has(name) && !tag.endsWith("/>")) {
          stack.push(name);
          if (SKIP.has(name)) skipDepth++;
        }
      }
      return match;
    }
    const chunk = text!;
    if (skipDepth > 0) {
      seenText += chunk;
      return chunk;
    }
    const marked = chunk.replace(pattern, (match: string, word: string, plural: string, offset: number) => {
      if (done.has(word)) return match;
      done.add(word);
      const term = byWord.get(word)!;
      const expansion = term.expansion!;
      const before = plain(seenText + chunk.slice(0, offset)).toLowerCase();
      const after = chunk.slice(offset + match.length, offset + match.length + expansion.length + 8).toLowerCase();
      const spelt =
        before.includes(expansion.toLowerCase()) ||
        after.includes(expansion.toLowerCase()) ||
        !pageText.includes(word.toLowerCase());
      const link = `<a class="term" href="${options.glossaryPath}#${term.id}"><abbr title="${escapeHtml(expansion)}">${word}</abbr>${plural}</a>`;
      return spelt ? link : `${link} <span class="expansion">(${escapeHtml(expansion)})</span>`;
    });
    seenText += chunk;
    return marked;
  });
}
