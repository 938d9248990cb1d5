import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import type { GateProblem } from "../gates/problem.ts";

/**
 * One record of `content/redirects.yml`, which answers every published URL that no
 * longer exists. The file is a YAML list:
 *
 * ```yaml
 * - from: /kpis/ehcp-timeliness/      # the old address, as published
 *   to: /kpis/kpi-1-1/                # a live address on this site
 * - from: /reports/draft-2020/
 *   gone: Published by mistake before the committee met; withdrawn on 3 March 2020.
 * - from: /kpis/kpi-1-1/#q3           # an anchor: the page still loads, at its top
 *   to: /kpis/kpi-1-1/#values
 * ```
 *
 * Entries are only ever added: a councillor's old link must keep working.
 */
export type RedirectEntry =
  | { readonly from: string; readonly to: string; readonly line: number }
  | { readonly from: string; readonly gone: string; readonly line: number };

export const REDIRECTS_FILE = "content/redirects.yml";

/** Parses and checks `redirects.yml`, reporting every problem at once. A missing file is an empty list. */
export function parseRedirects(
  text: string | undefined,
  file = REDIRECTS_FILE,
): { entries: RedirectEntry[]; problems: GateProblem[] } {
  const entries: RedirectEntry[] = [];
  const problems: GateProblem[] = [];
  if (text === undefined || text.trim() === "") return { entries, problems };
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const lineOf = (node: Node | null | undefined): number => (node?.range ? lines.linePos(node.range[0]).line : 1);
  const fail = (line: number, message: string): void => {
    problems.push({ gate: "urls", page: file, where: `${file}:${line}`, message });
  };
  for (const e of doc.errors) fail(e.linePos?.[0].line ?? 1, `not valid YAML: ${e.message.split("\n")[0]}`);
  if (doc.errors.length) return { entries, problems };
  if (!isSeq(doc.contents)) {
    fail(lineOf(doc.contents), "expected a list of entries, each with from and to (or from and gone)");
    return { entries, problems };
  }
  const seen = new Map<string, number>();
  for (const item of doc.contents.items) {
    const line = lineOf(item as Node);
    if (!isMap(item)) {
      fail(line, "each entry must have from and to (or from and gone)");
      continue;
    }
    const fields: Record<string, unknown> = {};
    for (const pair of item.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : "";
      if (!["from", "to", "gone"].includes(key))
        fail(lineOf(pair.key as Node), `unknown key "${key}"; expected from, to or gone`);
      else fields[key] = isScalar(pair.value) ? pair.value.value : pair.value;
    }
    const { from, to, gone } = fields;
    let ok = true;
    if (typeof from !== "string" || !isSitePath(from)) {
      fail(line, `from: expected an address on this site starting with "/", got ${JSON.stringify(from ?? null)}`);
      ok = false;
    } else if (seen.has(from)) {
      fail(line, `from: ${from} is already answered by the entry at line ${seen.get(from)}; keep one`);
      ok = false;
    }
    if ((to === undefined) === (gone === undefined)) {
      fail(line, "give exactly one of to (where it moved) or gone (why it was removed)");
      ok = false;
    } else if (to !== undefined && (typeof to !== "string" || !isSitePath(to))) {
      fail(line, `to: expected an address on this site starting with "/", got ${JSON.stringify(to)}`);
      ok = false;
    } else if (gone !== undefined && (typeof gone !== "string" || gone.trim() === "")) {
      fail(line, "gone: expected a sentence saying why the page was removed");
      ok = false;
    } else if (to === from) {
      fail(line, `to: ${String(to)} redirects to itself`);
      ok = false;
    }
    if (!ok) continue;
    seen.set(from as string, line);
    entries.push(
      typeof to === "string"
        ? { from: from as string, to, line }
        : { from: from as string, gone: (gone as string).trim(), line },
    );
  }
  return { entries, problems };
}

function isSitePath(value: string): boolean {
  return value.startsWith("/") && !value.startsWith("//") && !/[\s?]/.test(value);
}

/** The file a static host serves for a page address, or undefined when it is not a page. */
function pageFile(path: string): string | undefined {
  if (path.includes("#")) return undefined;
  const rel = decodeURI(path).slice(1);
  if (rel === "" || rel.endsWith("/")) return `${rel}index.html`;
  return rel.endsWith(".html") ? rel : undefined;
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function pageHtml(options: { title: string; siteTitle: string | undefined; head: string; body: string }): string {
  const title = escapeHtml(options.siteTitle ? `${options.title} – ${options.siteTitle}` : options.title);
  return `<!DOCTYPE html>
<html lang="en-GB">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="robots" content="noindex">
${options.head}    <title>${title}</title>
  </head>
  <body>
    <a href="#main">Skip to main content</a>
    <main id="main">
${options.body}    </main>
  </body>
</html>
`;
}

/**
 * The static files that answer old addresses on any host: for each moved page a page that
 * sends the browser on at once (`<meta http-equiv="refresh">`, with a link for when it does
 * not), for each removed page a page that says why, and a `_redirects` file (Netlify,
 * Cloudflare Pages) so hosts that read it answer with a real 301. Anchor entries produce no
 * file: a browser never sends the fragment, so the page itself must keep loading.
 */
export function redirectFiles(
  entries: readonly RedirectEntry[],
  options: { siteTitle?: string | undefined } = {},
): { path: string; contents: string }[] {
  const files: { path: string; contents: string }[] = [];
  const hostRules: string[] = [];
  for (const entry of [...entries].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))) {
    const path = pageFile(entry.from);
    if ("to" in entry) {
      if (!entry.from.includes("#")) hostRules.push(`${entry.from} ${entry.to} 301`);
      if (!path) continue;
      const to = escapeHtml(entry.to);
      files.push({
        path,
        contents: pageHtml({
          title: "This page has moved",
          siteTitle: options.siteTitle,
          head: `    <meta http-equiv="refresh" content="0; url=${to}">\n    <link rel="canonical" href="${to}">\n`,
          body: `      <h1>This page has moved</h1>\n      <p>It is now at <a href="${to}">${to}</a>. If your browser does not take you there, follow that link.</p>\n`,
        }),
      });
    } else if (path) {
      files.push({
        path,
        contents: pageHtml({
          title: "This page has been removed",
          siteTitle: options.siteTitle,
          head: "",
          body: `      <h1>This page has been removed</h1>\n      <p>${escapeHtml(entry.gone)}</p>\n      <p><a href="/">Go to the home page</a></p>\n`,
        }),
      });
    }
  }
  if (hostRules.length) files.push({ path: "_redirects", contents: `${hostRules.join("\n")}\n` });
  return files;
}
