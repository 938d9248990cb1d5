/**
 * Astro writes the hashes of every inline script and style in the whole build into
 * every page's Content-Security-Policy. A page should allow only what it runs: this
 * keeps, in each page's policy, only the hashes of that page's own inline scripts and
 * styles, found by parsing the page (never by pattern-matching its markup).
 */
import { createHash } from "node:crypto";
import { ELEMENT_NODE, parse, walkSync, type Node } from "ultrahtml";

/** `<script>` types a browser runs; anything else (JSON-LD, say) is data and needs no hash. */
const SCRIPT_TYPES = new Set(["", "module", "text/javascript", "application/javascript"]);

const HASH_SOURCE = /^'sha(?:256|384|512)-[A-Za-z0-9+/=]+'$/;
const META = '<meta http-equiv="content-security-policy" content="';

const digest = (algorithm: string, text: string): string =>
  `'${algorithm}-${createHash(algorithm).update(text, "utf8").digest("base64")}'`;

/** The hash sources (`'sha256-…'`, in each algorithm) of a page's inline scripts and styles. */
export function inlineHashes(html: string): { scripts: Set<string>; styles: Set<string> } {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  walkSync(parse(html), (node: Node) => {
    if (node.type !== ELEMENT_NODE) return;
    const attributes = node.attributes as Record<string, string>;
    const isScript =
      node.name === "script" && !("src" in attributes) && SCRIPT_TYPES.has((attributes["type"] ?? "").toLowerCase());
    if (!isScript && node.name !== "style") return;
    const text = (node.children as Node[]).map((child) => String(child.value ?? "")).join("");
    for (const algorithm of ["sha256", "sha384", "sha512"]) (isScript ? scripts : styles).add(digest(algorithm, text));
  });
  return { scripts, styles };
}

/**
 * The page with its policy's `script-src` and `style-src` hashes cut to those of its own
 * inline scripts and styles; every other source and directive is kept as written. A page
 * without the policy `<meta>` is returned unchanged.
 */
export function trimPolicyHashes(html: string): string {
  const start = html.indexOf(META);
  if (start === -1) return html;
  const from = start + META.length;
  const end = html.indexOf('"', from);
  const { scripts, styles } = inlineHashes(html);
  const policy = html
    .slice(from, end)
    .split(";")
    .map((directive) => {
      const [name, ...sources] = directive.trim().split(/\s+/);
      const needed = name === "script-src" ? scripts : name === "style-src" ? styles : undefined;
      if (!needed) return directive;
      const kept = sources.filter((s) => !HASH_SOURCE.test(s) || needed.has(s));
      return `${directive.startsWith(" ") ? " " : ""}${[name, ...kept].join(" ")}`;
    })
    .join(";");
  return html.slice(0, from) + policy + html.slice(end);
}
