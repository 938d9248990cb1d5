import MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import type { Problem } from "./problems.ts";
import { slugify } from "../slug.ts";

const UNSAFE_SCHEME = /^(?:javascript|vbscript|data|file):/;
const markdownItValidateLink = new MarkdownIt().validateLink;

/**
 * Whether a link or image address, as markdown-it has normalised it (entities decoded,
 * percent-encoded), may become an `href`: markdown-it's own rule, and then no
 * script, data or file scheme even when hidden by percent-encoding, case, spaces or
 * control characters (browsers drop tabs and newlines inside a scheme).
 */
function isSafeLink(url: string): boolean {
  if (!markdownItValidateLink(url)) return false;
  let decoded = url;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    // A stray "%" is not an encoding; check the address as written.
  }
  return !UNSAFE_SCHEME.test(decoded.replace(/[\p{Cc}\p{Cf}\p{Z}]/gu, "").toLowerCase());
}

/** Whether a link leaves the site: an absolute web address. */
const isExternal = (href: string): boolean => /^(?:https?:)?\/\//i.test(href);

/**
 * The portal's renderer: raw HTML is switched off, so officer Markdown can never inject markup or
 * script; links are checked; headings, tables and external links get the portal's markup.
 */
function portalMarkdown(): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.validateLink = isSafeLink;
  // The portal's attributes are set on the tokens once, when a text is parsed (`parsed` keeps its tokens for
  // every render of the text); the renderer's rules only write markup.
  md.core.ruler.push("portal_attributes", (state) => {
    for (const block of state.tokens) {
      // Column alignment becomes a class, not an inline style: the Content-Security-Policy allows no inline styles.
      if (block.type === "th_open" || block.type === "td_open") {
        const align = /text-align:(left|right|center)/.exec(block.attrGet("style") ?? "")?.[1];
        if (align) {
          block.attrs = (block.attrs ?? []).filter(([name]) => name !== "style");
          block.attrJoin("class", `align-${align}`);
        }
      }
      // Column headings carry no meaning out of their table: kept out of search excerpts ("WhatWhoBy whenStatus").
      if (block.type === "thead_open") block.attrSet("data-pagefind-ignore", "");
      // A link to another website says so, to screen readers in words and to everyone else with an arrow
      // (site.css): its closing token is marked for the words.
      const inline = block.children ?? [];
      inline.forEach((token, i) => {
        if (token.type !== "link_open" || !isExternal(token.attrGet("href") ?? "")) return;
        token.attrSet("rel", "external");
        const close = inline.slice(i + 1).find((t) => t.type === "link_close");
        if (close) close.meta = { external: true };
      });
    }
    return true;
  });
  md.renderer.rules["link_close"] = (tokens, i, options, _env, self) =>
    `${(tokens[i]!.meta as { external?: boolean } | null)?.external ? '<span class="visually-hidden"> (another website)</span>' : ""}${self.renderToken(tokens, i, options)}`;

  // Every heading gets an id ("section-" and its words), so a contents list and a councillor's link can point at it.
  md.core.ruler.push("heading_ids", (state) => {
    const used = new Set<string>();
    state.tokens.forEach((token, i) => {
      if (token.type !== "heading_open") return;
      const base = `section-${slugify(state.tokens[i + 1]?.content ?? "")}`;
      let id = base;
      for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
      used.add(id);
      token.attrSet("id", id);
    });
    return true;
  });

  // A wide table scrolls inside a labelled region that keyboard users can focus and scroll.
  md.renderer.rules["table_open"] = (tokens, i, options, env: { tables?: number }, self) => {
    env.tables = (env.tables ?? 0) + 1;
    return `<section class="table-wrap" tabindex="0" aria-label="Table ${env.tables}">${self.renderToken(tokens, i, options)}`;
  };
  md.renderer.rules["table_close"] = (tokens, i, options, _env, self) => `${self.renderToken(tokens, i, options)}</section>`;
  return md;
}

const md = portalMarkdown();

/** Renders officer Markdown to HTML. Headings start at h2 because every page has its own h1. */
export function renderMarkdown(source: string): string {
  return md.renderer.render(parsed(source), md.options, {});
}

/** The h2 headings of officer Markdown, with the ids the rendered HTML gives them, for a contents list. */
export function outlineOf(source: string): { id: string; text: string }[] {
  return headings(parsed(source));
}

/**
 * The last text parsed, and its tokens: a report page asks for its text's headings and its HTML in
 * turn, and a long report need not be parsed twice. (Every attribute is set when the text is parsed; the
 * renderer's rules change no token, so the same tokens always render to the same HTML.)
 */
let last: { source: string; tokens: Token[] } | undefined;
function parsed(source: string): Token[] {
  if (last?.source !== source) last = { source, tokens: md.parse(source, {}) };
  return last.tokens;
}

function headings(tokens: Token[]): { id: string; text: string }[] {
  return tokens.flatMap((t, i) =>
    t.type === "heading_open" && t.tag === "h2"
      ? [{ id: t.attrGet("id") ?? "", text: (tokens[i + 1]?.children ?? []).map((c) => c.content).join("") }]
      : [],
  );
}

/**
 * Where an MDX component stands in its Markdown (see `mdx.ts`): SUB (U+001A), "B" for a block or
 * "I" for a component in a sentence, its index, SUB. Officer text can never hold it: the content
 * check refuses every control character in a body.
 */
export const mdxPlaceholder = (index: number, block: boolean): string => `\u001A${block ? "B" : "I"}${index}\u001A`;
/* eslint-disable no-control-regex -- the placeholder is a control character so that no officer text can be one */
const BLOCK_LINE = /^(?:[ \t]*\u001AB\d+\u001A)+[ \t]*$/;
const PLACEHOLDER = /\u001A([BI])(\d+)\u001A/g;
/* eslint-enable no-control-regex */

interface MdxEnv {
  /** The index of each component placed, in document order. */
  placed?: number[];
  /** The HTML of a component in a sentence. */
  component?: (index: number) => string;
  tables?: number;
}

/**
 * The renderer for the Markdown of an MDX report: the same as every other body, less indented code
 * (MDX has none, so the same text is not code in one and prose in the other), plus its components:
 * a line holding only a block component's placeholder becomes an `mdx_block` token, and a placeholder
 * in a sentence an `mdx_inline` token that renders as the component's HTML.
 */
const mdxMd = portalMarkdown().disable("code");
mdxMd.block.ruler.before(
  "paragraph",
  "mdx_block",
  (state, startLine, _endLine, silent) => {
    const line = state.src.slice(state.bMarks[startLine]! + state.tShift[startLine]!, state.eMarks[startLine]!);
    if (!BLOCK_LINE.test(line)) return false;
    if (silent) return true;
    for (const m of line.matchAll(PLACEHOLDER)) {
      const token = state.push("mdx_block", "", 0);
      token.meta = { index: Number(m[2]) };
      token.map = [startLine, startLine + 1];
    }
    state.line = startLine + 1;
    return true;
  },
  { alt: ["paragraph", "reference", "blockquote", "list"] },
);
mdxMd.core.ruler.push("mdx_components", (state) => {
  const env = state.env as MdxEnv;
  const placed = (env.placed ??= []);
  for (const token of state.tokens) {
    if (token.type === "mdx_block") placed.push((token.meta as { index: number }).index);
    if (token.type !== "inline" || !token.children) continue;
    token.children = token.children.flatMap((child) => {
      if (child.type !== "text" || !child.content.includes("\u001A")) return [child];
      const out: Token[] = [];
      let from = 0;
      for (const m of child.content.matchAll(PLACEHOLDER)) {
        if (m[1] !== "I") continue;
        const text = new state.Token("text", "", 0);
        text.content = child.content.slice(from, m.index);
        const component = new state.Token("mdx_inline", "", 0);
        component.meta = { index: Number(m[2]) };
        placed.push(Number(m[2]));
        out.push(text, component);
        from = m.index + m[0].length;
      }
      const rest = new state.Token("text", "", 0);
      rest.content = child.content.slice(from);
      return [...out, rest].filter((t) => t.type !== "text" || t.content !== "");
    });
  }
  return true;
});
mdxMd.renderer.rules["mdx_inline"] = (tokens, i, _options, env: MdxEnv) =>
  env.component?.((tokens[i]!.meta as { index: number }).index) ?? "";

/** The index of each component the renderer finds in an MDX report's Markdown, in document order. */
export function placedComponents(markdown: string): number[] {
  const env: MdxEnv = {};
  mdxMd.parse(markdown, env);
  return env.placed ?? [];
}

/** A part of an MDX report's text: rendered Markdown (with its components in sentences), or a block component. */
export type MdxPart = { readonly kind: "html"; readonly html: string } | { readonly kind: "block"; readonly index: number };

/**
 * Renders an MDX report's Markdown in parts, split at its block components so that a page can
 * place each with its own component; heading ids and table numbers run on across the parts.
 */
export function renderMdx(markdown: string, options: { component: (index: number) => string }): MdxPart[] {
  const env: MdxEnv = { component: options.component };
  const tokens = mdxMd.parse(markdown, env);
  const parts: MdxPart[] = [];
  let from = 0;
  const html = (to: number) => {
    if (to > from) parts.push({ kind: "html", html: mdxMd.renderer.render(tokens.slice(from, to), mdxMd.options, env) });
  };
  tokens.forEach((token, i) => {
    if (token.type !== "mdx_block" || token.level !== 0) return;
    html(i);
    parts.push({ kind: "block", index: (token.meta as { index: number }).index });
    from = i + 1;
  });
  html(tokens.length);
  return parts;
}

/** The h2 headings of an MDX report's Markdown, with the ids the rendered HTML gives them. */
export function mdxOutlineOf(markdown: string): { id: string; text: string }[] {
  return headings(mdxMd.parse(markdown, {}));
}

/** Renders a short inline fragment (no paragraph wrapper). */
export function renderInline(source: string): string {
  return md.renderInline(source);
}

/**
 * The same parser with raw HTML recognised and every link kept, so that the check sees
 * exactly what the renderer would drop: HTML tokens (an escaped \\< is text, not a tag)
 * and links whose address the renderer refuses.
 */
const scanner = new MarkdownIt({ html: true, linkify: false, typographer: false });
scanner.validateLink = () => true;

/** The first tag of a piece of raw HTML, to quote in a message. */
const firstTag = (html: string): string => {
  const text = html.trim();
  const end = text.indexOf(">");
  return (end === -1 ? text : text.slice(0, end + 1)).slice(0, 40);
};

/** Each inline token with the 0-based line it is on, counted from its block's first line. */
function* inlineTokens(block: Token): Generator<{ token: Token; line: number }> {
  let line = block.map?.[0] ?? 0;
  for (const token of block.children ?? []) {
    yield { token, line };
    if (token.type === "softbreak" || token.type === "hardbreak") line++;
  }
}

/**
 * Problems a Markdown body would cause on the page, found on markdown-it's tokens: raw
 * HTML (refused, not silently dropped, so the officer knows), links the renderer would
 * refuse (script, data and file addresses), and top-level headings, `# …` or a line
 * underlined with `===` (the page already has one).
 */
export function checkMarkdown(options: { file: string; body: string; firstLine: number }): Problem[] {
  const problems: Problem[] = [];
  const htmlLines = new Set<number>();
  const at = (line: number) => ({ file: options.file, line: options.firstLine + line });
  const rawHtml = (line: number, html: string) => {
    if (htmlLines.has(line)) return;
    htmlLines.add(line);
    problems.push({
      ...at(line),
      message: `raw HTML is not allowed in Markdown; found ${JSON.stringify(firstTag(html))}`,
      fix: "Use Markdown instead (e.g. **bold**, - lists, | tables |); for a literal < write \\<",
    });
  };
  for (const block of scanner.parse(options.body, {})) {
    const line = block.map?.[0] ?? 0;
    if (block.type === "html_block") rawHtml(line, block.content);
    if (block.type === "heading_open" && block.tag === "h1")
      problems.push({
        ...at(line),
        message: `a top-level heading (${block.markup === "=" ? "a line underlined with ===" : "# …"}) is not allowed: the page title is already the top heading`,
        fix: block.markup === "=" ? "Start the line with ## instead, and remove the === line" : "Use ## for sections",
      });
    for (const { token, line: inlineLine } of inlineTokens(block)) {
      if (token.type === "html_inline") rawHtml(inlineLine, token.content);
      const url = token.type === "link_open" ? token.attrGet("href") : token.type === "image" ? token.attrGet("src") : null;
      if (url !== null && !isSafeLink(url))
        problems.push({
          ...at(inlineLine),
          message: `${token.type === "image" ? "an image from" : "a link to"} ${JSON.stringify(url.slice(0, 60))} is not allowed: only web addresses (https://…), email addresses (mailto:…) and pages on this site can be linked`,
          fix: "Link to a page on the web instead, or remove the link",
        });
    }
  }
  return problems;
}
