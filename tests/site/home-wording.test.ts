/**
 * The home page in the site's own words keeps to sentences of 25 words or fewer (GOV.UK's guide for
 * plain English). Officer-written text the page marks `data-officer-text` (titles, topic descriptions,
 * minutes) and hidden search text are left out: the officers answer for those. Headings and link lists
 * are not sentences, so the paragraphs are what is read.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DomUtils, parseDocument } from "htmlparser2";
import type { AnyNode, Element } from "domhandler";
import { describe, expect, it } from "vitest";
import { builtSite } from "./built-site.ts";

const MAX_WORDS = 25;

/** The text a reader sees in `node`, without officer-written or hidden parts. */
function ownText(node: AnyNode): string {
  if (node.type === "text") return (node as unknown as { data: string }).data;
  if (node.type !== "tag" && node.type !== "root") return "";
  const el = node as Element;
  if (el.attribs && ("data-officer-text" in el.attribs || "hidden" in el.attribs)) return " ";
  if (el.name === "svg" || el.name === "script" || el.name === "style") return " ";
  return el.children.map(ownText).join("");
}

/** Sentences in a paragraph's text: split after . ! or ? where a new sentence starts. */
function sentences(text: string): string[] {
  return text
    .replace(/\s+/g, " ")
    .trim()
    .split(/(?<=[.!?])\s+(?=[A-Z0-9"“‘(])/)
    .filter((s) => /[A-Za-z]/.test(s));
}

/** Words a reader reads: tokens with a letter or a digit (a "·" separator is not one). */
const words = (s: string) => s.split(" ").filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

describe("the home page's own wording", () => {
  const html = readFileSync(join(builtSite(), "index.html"), "utf8");
  const main = DomUtils.findOne((e) => e.name === "main", parseDocument(html).children);
  const paragraphs = main ? DomUtils.findAll((e) => e.name === "p", [main]).map(ownText) : [];
  const all = paragraphs.flatMap(sentences);

  it("reads the opening and the figures' dates among its sentences", () => {
    expect(all).toContain("Every figure says which period it is for.");
    expect(all.some((s) => /^Latest figure for .+\.$/.test(s))).toBe(true);
    expect(all.length).toBeGreaterThan(20);
  });

  it(`keeps every sentence to ${MAX_WORDS} words or fewer`, () => {
    expect(all.filter((s) => words(s) > MAX_WORDS)).toEqual([]);
  });
});
