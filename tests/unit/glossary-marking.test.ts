import { describe, expect, it } from "vitest";
import { markAcronyms } from "../../src/lib/glossary-marking.ts";
import type { Term } from "../../src/schemas/index.ts";

const terms: Term[] = [
  { id: "ehcp", term: "EHCP", expansion: "Education, Health and Care Plan", definition: "A plan.", aliases: [] },
  {
    id: "send",
    term: "SEND",
    expansion: "special educational needs and disabilities",
    definition: "Needs.",
    aliases: [],
  },
  { id: "local-offer", term: "Local Offer", definition: "Services.", aliases: [] },
];
const mark = (html: string) => markAcronyms(html, { terms, glossaryPath: "/glossary/" });

describe("markAcronyms", () => {
  it("links the first use to the glossary and spells it out beside it", () => {
    expect(mark("<p>Each EHCP is reviewed.</p>")).toBe(
      '<p>Each <a class="term" href="/glossary/#ehcp"><abbr title="Education, Health and Care Plan">EHCP</abbr></a> <span class="expansion">(Education, Health and Care Plan)</span> is reviewed.</p>',
    );
  });
  it("marks only the first use on a page", () => {
    expect(mark("<p>EHCP one.</p><p>EHCP two.</p>").match(/class="term"/g)).toHaveLength(1);
  });
  it("does not spell it out again where the page already has", () => {
    expect(mark("<p>An Education, Health and Care Plan (EHCP) is a plan.</p>")).not.toContain('class="expansion"');
  });
  it("never marks text inside a link or a heading, and marks the next use instead", () => {
    const out = mark('<h2>EHCP</h2><p><a href="/x/">EHCP</a> then EHCP.</p>');
    expect(out).toContain("<h2>EHCP</h2>");
    expect(out).toContain('<a href="/x/">EHCP</a> then <a class="term"');
  });
  it("marks a plural use, keeping the plural", () => {
    expect(mark("<p>Two EHCPs.</p>")).toContain('<abbr title="Education, Health and Care Plan">EHCP</abbr>s</a>');
  });
  it("leaves attribute values and words that merely contain an acronym alone", () => {
    const html = '<p title="EHCP">EHCPx and SENDIASS</p>';
    expect(mark(html)).toBe(html);
  });
  it("ignores terms that are not acronyms", () => {
    expect(mark("<p>The Local Offer.</p>")).toBe("<p>The Local Offer.</p>");
  });
});
