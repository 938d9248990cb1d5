import type { SiteScan } from "./html-scan.ts";
import type { GateProblem } from "../../src/lib/published-problem.ts";
import { resolvePath } from "./site-files.ts";

/** A stand-in origin for resolving relative addresses; anything that leaves it is external. */
const BASE = "http://site.invalid";

/**
 * Every internal link, resource and form target must reach a file in the site, and every
 * `#fragment` must land on an `id` (or `<a name>`) in the page it points at. External
 * addresses are not fetched: they are the privacy gate's business when a page loads them.
 */
export function checkLinks(site: SiteScan): GateProblem[] {
  const problems: GateProblem[] = [];
  for (const page of site.pages.values()) {
    for (const ref of page.refs) {
      if (ref.url === "" || /^(mailto|tel|sms|data|javascript|blob):/i.test(ref.url)) continue;
      let target: URL;
      try {
        target = new URL(ref.url, BASE + page.url);
      } catch {
        problems.push(problem(page, ref, `"${ref.url}" is not a well-formed address`));
        continue;
      }
      if (target.origin !== BASE) continue;
      const hit = resolvePath(site.files, target.pathname);
      const shown = target.pathname + target.search + target.hash;
      if (!hit.found) {
        problems.push(problem(page, ref, `${describe(ref)} ${shown}: ${hit.reason}`));
        continue;
      }
      const fragment = decodeFragment(target.hash);
      if (fragment === "" || fragment.toLowerCase() === "top") continue;
      const landing = site.pages.get(hit.file);
      if (!landing) {
        problems.push(
          problem(page, ref, `${describe(ref)} ${shown}: #${fragment} points into a file that is not a page`),
        );
      } else if (!landing.targets.has(fragment)) {
        problems.push(
          problem(page, ref, `${describe(ref)} ${shown}: ${landing.url} has no element with id="${fragment}"`),
        );
      }
    }
  }
  return problems;
}

function decodeFragment(hash: string): string {
  const raw = hash.replace(/^#/, "");
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function describe(ref: { tag: string; attr: string }): string {
  if (ref.tag === "a" || ref.tag === "area") return "link to";
  if (ref.tag === "meta") return "redirect to";
  if (ref.tag === "form") return "form sends to";
  return `<${ref.tag} ${ref.attr}> loads`;
}

function problem(page: { url: string; file: string }, ref: { line: number }, message: string): GateProblem {
  return { gate: "links", page: page.url, where: `${page.file}:${ref.line}`, message };
}
