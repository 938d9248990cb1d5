import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Reference, SiteScan } from "./html-scan.ts";
import type { GateProblem } from "../../src/lib/published-problem.ts";
import { urlForFile } from "./site-files.ts";

/** `rel` values that only describe a link; a `<link>` carrying nothing else is never fetched. */
const DESCRIPTIVE_RELS = new Set([
  "canonical",
  "alternate",
  "author",
  "license",
  "me",
  "help",
  "next",
  "prev",
  "bookmark",
  "external",
  "nofollow",
  "noopener",
  "noreferrer",
  "tag",
]);

/** Elements whose URL attributes the browser fetches while the page loads. */
const LOADING_TAGS = new Set([
  "link",
  "script",
  "img",
  "iframe",
  "source",
  "video",
  "audio",
  "track",
  "embed",
  "object",
  "input",
  "image",
  "use",
  "feimage",
]);

const BASE = "http://site.invalid";

function isExternal(url: string): boolean {
  try {
    const u = new URL(url, `${BASE}/`);
    return (u.protocol === "http:" || u.protocol === "https:") && u.origin !== BASE;
  } catch {
    return false;
  }
}

function loads(ref: Reference): boolean {
  if (!LOADING_TAGS.has(ref.tag)) return false;
  return ref.tag !== "link" || ref.rel.length === 0 || ref.rel.some((r) => !DESCRIPTIVE_RELS.has(r));
}

const CSS_URL = /url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3/gi;

function externalCssUrls(text: string): { url: string; line: number }[] {
  const found: { url: string; line: number }[] = [];
  for (const m of text.matchAll(CSS_URL)) {
    const url = (m[2] ?? m[4] ?? "").trim();
    if (/^(https?:)?\/\//i.test(url)) found.push({ url, line: text.slice(0, m.index).split("\n").length });
  }
  return found;
}

/**
 * No page may make a visitor's browser contact another website: no script, stylesheet,
 * image, frame or font from another origin, in HTML or in CSS. Links people choose to
 * follow are fine.
 */
export function checkThirdPartyReferences(site: SiteScan): GateProblem[] {
  const problems: GateProblem[] = [];
  for (const page of site.pages.values()) {
    for (const ref of page.refs) {
      if (loads(ref) && isExternal(ref.url)) {
        problems.push({
          gate: "privacy",
          page: page.url,
          where: `${page.file}:${ref.line}`,
          message: `<${ref.tag} ${ref.attr}="${ref.url}"> loads from another website, which tells it about the visit; serve the file from this site instead`,
        });
      }
    }
  }
  for (const file of site.files) {
    if (!file.endsWith(".css") && !file.endsWith(".html")) continue;
    for (const { url, line } of externalCssUrls(readFileSync(join(site.dir, file), "utf8"))) {
      problems.push({
        gate: "privacy",
        page: urlForFile(file),
        where: `${file}:${line}`,
        message: `CSS loads ${url} from another website; serve the file from this site instead`,
      });
    }
  }
  return problems;
}
