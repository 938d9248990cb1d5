import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import type { GateProblem } from "../published-problem.ts";
import { CONTENT_SECURITY_POLICY, REFERRER_POLICY } from "../security-policy.ts";

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
    const fromProblem = typeof from === "string" ? sitePathProblem(from) : NOT_SITE_PATH;
    const toProblem = typeof to === "string" ? sitePathProblem(to) : NOT_SITE_PATH;
    if (typeof from !== "string" || fromProblem) {
      fail(line, `from: ${fromProblem}, got ${JSON.stringify(from ?? null)}`);
      ok = false;
    } else if (seen.has(from)) {
      fail(line, `from: ${from} is already answered by the entry at line ${seen.get(from)}; keep one`);
      ok = false;
    }
    if ((to === undefined) === (gone === undefined)) {
      fail(line, "give exactly one of to (where it moved) or gone (why it was removed)");
      ok = false;
    } else if (to !== undefined && toProblem) {
      fail(line, `to: ${toProblem}, got ${JSON.stringify(to)}`);
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
  for (const p of chainProblems(entries)) fail(p.line, p.message);
  return { entries, problems };
}

const NOT_SITE_PATH = 'expected an address on this site starting with "/"';
const CONTROL_OR_SPACE = /[\p{Cc}\p{Cf}\p{Z}]/u;

/**
 * Why a value is not a plain address on this site, or undefined when it is. The address
 * becomes a file path in the built site and a rule in the host's `_redirects`, and a
 * browser reads it relative to the site, so it must be one unambiguous path: a single
 * leading "/", no dot segments, no backslashes, no "//", no spaces or control characters,
 * and none of these hidden behind percent-encoding (checked on every decoding, any case).
 */
function sitePathProblem(value: string): string | undefined {
  if (!value.startsWith("/")) return NOT_SITE_PATH;
  let layer = value;
  for (let decodings = 0; ; decodings++) {
    if (CONTROL_OR_SPACE.test(layer)) return "an address may not contain spaces or control characters";
    if (layer.includes("\\")) return "an address may not contain a backslash (\\)";
    if (layer.includes("?")) return "an address here may not have a query (?…)";
    const path = layer.split("#")[0]!;
    if (path.startsWith("//") || path.includes("//")) return 'an address may not contain "//"';
    if (path.split("/").some((segment) => segment === "." || segment === ".."))
      return 'an address may not contain "." or ".." segments';
    if (!layer.includes("%")) break;
    if (decodings === 3) return 'an address may not be percent-encoded more than once (as in "%252e")';
    try {
      layer = decodeURIComponent(layer);
    } catch {
      return 'an address may only use "%" to encode a character, as in %20';
    }
  }
  if (value.split("#").length > 2) return 'an address may contain at most one "#"';
  const base = "https://portal.invalid";
  const url = new URL(value, base);
  if (url.origin !== base || url.pathname + url.hash !== value)
    return "expected the address exactly as a browser shows it (letters other than a–z written with %, as in %C3%A9)";
  return undefined;
}

const withoutFragment = (path: string): string => path.split("#")[0]!;

/**
 * Entries whose `to` is itself answered by another entry: a chain (the reader is sent on
 * twice, and hosts may stop following) or a loop (the reader is never delivered).
 */
function chainProblems(entries: readonly RedirectEntry[]): { line: number; message: string }[] {
  const byFrom = new Map(entries.map((e) => [e.from, e]));
  const next = (to: string): RedirectEntry | undefined => byFrom.get(to) ?? byFrom.get(withoutFragment(to));
  const problems: { line: number; message: string }[] = [];
  for (const entry of entries) {
    if (!("to" in entry)) continue;
    const first = next(entry.to);
    if (!first) continue;
    const seen = new Set<string>([entry.from]);
    let last: RedirectEntry = first;
    let loop = false;
    while (true) {
      if (seen.has(last.from)) {
        loop = true;
        break;
      }
      seen.add(last.from);
      const after = "to" in last ? next(last.to) : undefined;
      if (!after) break;
      last = after;
    }
    problems.push({
      line: entry.line,
      message: loop
        ? `to: ${entry.to} is itself redirected (line ${first.line}), and following the entries leads back here: a loop never delivers the reader. Point each entry at a live page`
        : "to" in last
          ? `to: ${entry.to} is itself redirected (line ${first.line}); point this entry straight at ${last.to}`
          : `to: ${entry.to} is itself marked gone (line ${last.line}); point this entry at a live page or mark it gone too`,
    });
  }
  return problems;
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
    <meta http-equiv="content-security-policy" content="${CONTENT_SECURITY_POLICY}">
    <meta name="referrer" content="${REFERRER_POLICY}">
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
