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

/** Raw HTML is switched off: officer Markdown can never inject markup or script. */
const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
md.validateLink = isSafeLink;

// A link to another website says so, to screen readers in words and to everyone else with an arrow (site.css).
md.renderer.rules["link_open"] = (tokens, i, options, _env, self) => {
  const token = tokens[i]!;
  if (isExternal(token.attrGet("href") ?? "")) {
    token.attrSet("rel", "external");
    const close = tokens.slice(i + 1).find((t) => t.type === "link_close");
    if (close) close.meta = { external: true };
  }
  return self.renderToken(tokens, i, options);
};
md.renderer.rules["link_close"] = (tokens, i, options, _env, self) =>
  `${(tokens[i]!.meta as { external?: boolean } | null)?.external ? '<span class="visually-hidden"> (another website)</span>' : ""}${self.renderToken(tokens, i, options)}`;

// Column alignment becomes a class, not an inline style: the Content-Security-Policy allows no inline styles.
for (const rule of ["th_open", "td_open"] as const) {
  md.renderer.rules[rule] = (tokens, i, options, _env, self) => {
    const token = tokens[i]!;
    const align = /text-align:(left|right|center)/.exec(token.attrGet("style") ?? "")?.[1];
    if (align) {
      token.attrs = (token.attrs ?? []).filter(([name]) => name !== "style");
      token.attrJoin("class", `align-${align}`);
    }
    return self.renderToken(tokens, i, options);
  };
}

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
// Column headings carry no meaning out of their table: kept out of search excerpts ("WhatWhoBy whenStatus").
md.renderer.rules["thead_open"] = (tokens, i, options, _env, self) => {
  tokens[i]!.attrSet("data-pagefind-ignore", "");
  return self.renderToken(tokens, i, options);
};
md.renderer.rules["table_close"] = (tokens, i, options, _env, self) => `${self.renderToken(tokens, i, options)}</section>`;

/** Renders officer Markdown to HTML. Headings start at h2 because every page has its own h1. */
export function renderMarkdown(source: string): string {
  return md.render(source, {});
}

/** The h2 headings of officer Markdown, with the ids the rendered HTML gives them, for a contents list. */
export function outlineOf(source: string): { id: string; text: string }[] {
  const tokens = md.parse(source, {});
  return tokens.flatMap((t, i) =>
    t.type === "heading_open" && t.tag === "h2"
      ? [{ id: t.attrGet("id") ?? "", text: (tokens[i + 1]?.children ?? []).map((c) => c.content).join("") }]
      : [],
  );
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
