/**
 * Every built page states its own browser policies: the one strict Content-Security-Policy, which allows no
 * inline script or style, and a referrer policy; and no page has inline code that policy would block.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, type DefaultTreeAdapterTypes as T } from "parse5";
import { describe, expect, it } from "vitest";
import { listFiles } from "../../tools/gates/site-files.ts";
import { CONTENT_SECURITY_POLICY } from "../../src/lib/security-policy.ts";
import { builtSite } from "./built-site.ts";

const dist = builtSite();
const pages = listFiles(dist).filter((f) => f.endsWith(".html"));
const read = (page: string) => readFileSync(join(dist, page), "utf8");

function elements(node: T.ParentNode): T.Element[] {
  return node.childNodes.flatMap((child) => ("tagName" in child ? [child, ...elements(child)] : []));
}
const attr = (el: T.Element, name: string) => el.attrs.find((a) => a.name === name)?.value;
/** `<script>` types a browser runs; anything else (JSON-LD) is data, which the policy does not govern. */
const RUNS = new Set(["", "module", "text/javascript", "application/javascript"]);

describe("every built page", () => {
  const parsed = pages.map((page) => ({ page, all: elements(parse(read(page))) }));

  it("has the strict Content-Security-Policy in a <meta>, before any script or style", () => {
    const wrong = parsed.flatMap(({ page, all }) => {
      const index = all.findIndex(
        (el) => el.tagName === "meta" && attr(el, "http-equiv") === "content-security-policy",
      );
      if (index === -1) return [`${page}: no Content-Security-Policy`];
      const policy = attr(all[index]!, "content");
      const early = all.slice(0, index).filter((el) => ["script", "style", "link"].includes(el.tagName));
      return [
        ...(policy === CONTENT_SECURITY_POLICY ? [] : [`${page}: policy is "${policy}"`]),
        ...early.map((el) => `${page}: <${el.tagName}> before the policy`),
      ];
    });
    expect(pages.length).toBeGreaterThan(100);
    expect(wrong).toEqual([]);
  });

  it("has no inline script, style element or style attribute, which the policy would block", () => {
    const inline = parsed.flatMap(({ page, all }) =>
      all.flatMap((el) => {
        if (
          el.tagName === "script" &&
          attr(el, "src") === undefined &&
          RUNS.has((attr(el, "type") ?? "").toLowerCase())
        )
          return [`${page}: inline <script>`];
        if (el.tagName === "style") return [`${page}: <style>`];
        return attr(el, "style") === undefined ? [] : [`${page}: style="${attr(el, "style")}" on <${el.tagName}>`];
      }),
    );
    expect(inline).toEqual([]);
  });

  it("runs the site's scripts from its own files", () => {
    const scripts = parsed.flatMap(({ all }) => all.filter((el) => el.tagName === "script" && attr(el, "src")));
    expect(scripts.length).toBeGreaterThan(0);
    expect(
      scripts
        .map((el) => attr(el, "src"))
        .filter((src) => !src!.startsWith("/_astro/") && !src!.startsWith("/pagefind/")),
    ).toEqual([]);
  });

  it("tells the browser never to send the page's address to the sites it links to", () => {
    expect(pages.filter((page) => !read(page).includes('<meta name="referrer" content="no-referrer">'))).toEqual([]);
  });
});
