import MarkdownIt from "markdown-it";
import type { Problem } from "./problems.ts";
import { slugify } from "../slug.ts";

/** Raw HTML is switched off: officer Markdown can never inject markup or script. */
const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

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

const HTML_TAG = /<\/?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?\/?>|<!--/;
const AUTOLINK = /^<(?:https?:|mailto:)[^<>\s]*>$/;

/**
 * Problems a Markdown body would cause on the page: raw HTML (refused, not silently
 * dropped, so the officer knows) and top-level headings (the page already has one).
 */
export function checkMarkdown(options: { file: string; body: string; firstLine: number }): Problem[] {
  const problems: Problem[] = [];
  let fenced = false;
  options.body.split("\n").forEach((line, i) => {
    const at = { file: options.file, line: options.firstLine + i };
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced) return;
    const withoutCode = line.replace(/`[^`]*`/g, "");
    const tag = HTML_TAG.exec(withoutCode);
    if (tag && !AUTOLINK.test(tag[0])) {
      problems.push({
        ...at,
        message: `raw HTML is not allowed in Markdown; found ${JSON.stringify(tag[0].slice(0, 40))}`,
        fix: "Use Markdown instead (e.g. **bold**, - lists, | tables |); for a literal < write \\<",
      });
    }
    if (/^#\s/.test(line)) {
      problems.push({
        ...at,
        message: "a top-level heading (# …) is not allowed: the page title is already the top heading",
        fix: "Use ## for sections",
      });
    }
  });
  return problems;
}
