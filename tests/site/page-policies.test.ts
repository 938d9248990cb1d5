/** Every built page states its own browser policies: a minimal Content-Security-Policy and a referrer policy. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listFiles } from "../../tools/gates/site-files.ts";
import { inlineHashes } from "../../src/lib/page-csp.ts";
import { builtSite } from "./built-site.ts";

const dist = builtSite();
const pages = listFiles(dist).filter((f) => f.endsWith(".html"));
const read = (page: string) => readFileSync(join(dist, page), "utf8");

describe("every built page", () => {
  it("has a Content-Security-Policy allowing only the hashes of its own inline scripts and styles", () => {
    const wrong = pages.flatMap((page) => {
      const html = read(page);
      const policy = /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(html)?.[1];
      if (!policy) return [`${page}: no Content-Security-Policy`];
      const { scripts, styles } = inlineHashes(html);
      const listed = (directive: string) =>
        (new RegExp(`${directive} ([^;]*)`).exec(policy)?.[1] ?? "").split(" ").filter((s) => s.startsWith("'sha"));
      return [
        ...listed("script-src").filter((h) => !scripts.has(h)),
        ...listed("style-src").filter((h) => !styles.has(h)),
      ].map((h) => `${page}: allows ${h}, which it does not use`);
    });
    expect(pages.length).toBeGreaterThan(100);
    expect(wrong).toEqual([]);
  });

  it("tells the browser never to send the page's address to the sites it links to", () => {
    expect(pages.filter((page) => !read(page).includes('<meta name="referrer" content="no-referrer">'))).toEqual([]);
  });
});
