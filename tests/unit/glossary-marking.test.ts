import { parseFragment, type DefaultTreeAdapterTypes as T } from "parse5";
import { describe, expect, it } from "vitest";
import { markAndReport } from "../../src/lib/glossary-marking.ts";
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
const mark = (html: string) => markAndReport(html, { terms, glossaryPath: "/glossary/" }).html;

/** Every element in an HTML fragment as a browser parses it, with its attributes. */
/** The text of an HTML fragment as a browser parses it, a space between elements, scripts and styles left out. */
function textOfHtml(html: string): string {
  const parts: string[] = [];
  const visit = (node: T.ParentNode) => {
    for (const child of node.childNodes) {
      if (child.nodeName === "#text") parts.push((child as T.TextNode).value);
      else if ("tagName" in child && child.tagName !== "script" && child.tagName !== "style") {
        parts.push(" ");
        visit(child);
        parts.push(" ");
      }
    }
  };
  visit(parseFragment(html));
  return parts.join("").replace(/\s+/g, " ").trim();
}

function elements(html: string): { tag: string; attrs: Record<string, string> }[] {
  const out: { tag: string; attrs: Record<string, string> }[] = [];
  const visit = (node: T.ParentNode) => {
    for (const child of node.childNodes) {
      if (!("tagName" in child)) continue;
      out.push({ tag: child.tagName, attrs: Object.fromEntries(child.attrs.map((a) => [a.name, a.value])) });
      visit(child);
    }
  };
  visit(parseFragment(html));
  return out;
}

describe("markAndReport: marking", () => {
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
  it("marks an acronym in text that ends the fragment", () => {
    expect(mark("Each EHCP")).toContain('<abbr title="Education, Health and Care Plan">EHCP</abbr>');
  });

  describe("with hostile text", () => {
    it("keeps a > in an attribute inside the attribute and marks only the text", () => {
      const html =
        '<p><a href="/kpis/x/" title="Waiting > 18 weeks for EHCP">KPI</a> Waiting &gt; 18 weeks for an EHCP</p>';
      const out = mark(html);
      expect(elements(out).map((e) => e.tag)).toEqual(["p", "a", "a", "abbr", "span"]);
      expect(elements(out)[1]!.attrs["title"]).toBe("Waiting > 18 weeks for EHCP");
      expect(out).toContain('Waiting &gt; 18 weeks for an <a class="term"');
    });
    it("leaves markup written as text as text", () => {
      const html =
        '<p>&lt;meta http-equiv="refresh" content="0;url=https://evil.example/"&gt; and &lt;a href="https://evil.example/"&gt;Sign in&lt;/a&gt; EHCP</p>';
      const out = mark(html);
      expect(elements(out).map((e) => e.tag)).toEqual(["p", "a", "abbr", "span"]);
      expect(elements(out)[1]!.attrs["href"]).toBe("/glossary/#ehcp");
      expect(out).toContain('&lt;meta http-equiv="refresh"');
    });
    it("escapes quotes and angle brackets in an expansion", () => {
      const hostile: Term = {
        id: "qq",
        term: "QQ",
        expansion: 'Quote" onmouseover="alert(1)" <meta http-equiv="refresh">',
        definition: "A test.",
        aliases: [],
      };
      const out = markAndReport("<p>The QQ.</p>", { terms: [hostile], glossaryPath: "/glossary/" }).html;
      expect(elements(out)).toEqual([
        { tag: "p", attrs: {} },
        { tag: "a", attrs: { class: "term", href: "/glossary/#qq" } },
        { tag: "abbr", attrs: { title: hostile.expansion } },
        { tag: "span", attrs: { class: "expansion" } },
      ]);
    });
    it("keeps entities in marked text as the same characters", () => {
      expect(mark("<p>Tom &amp; Jerry&#39;s EHCP &lt;3</p>")).toBe(
        '<p>Tom &amp; Jerry\'s <a class="term" href="/glossary/#ehcp"><abbr title="Education, Health and Care Plan">EHCP</abbr></a> <span class="expansion">(Education, Health and Care Plan)</span> &lt;3</p>',
      );
    });
    it("counts an expansion written with entities as spelt out", () => {
      const withAmp: Term = { ...terms[0]!, expansion: "Education & Care Plan" };
      const out = markAndReport("<p>An Education &amp; Care Plan (EHCP).</p>", {
        terms: [withAmp],
        glossaryPath: "/glossary/",
      }).html;
      expect(out).not.toContain('class="expansion"');
    });
  });
});

describe("acronyms a reader meets only where they cannot be explained in place", () => {
  const report = (html: string, title = "A page") =>
    markAndReport(html, { terms, glossaryPath: "/glossary/", title }).unexplained.map((t) => t.term);
  it("lists an acronym met only in a heading or a link", () => {
    expect(report("<h2>SEND support</h2><p>Text.</p>")).toEqual(["SEND"]);
    expect(report('<p>See <a href="/x/">the EHCP list</a>.</p>')).toEqual(["EHCP"]);
  });
  it("lists an acronym in the page title that the page never explains", () => {
    expect(report("<p>Figures.</p>", "KPI 3/5: SEND training")).toEqual(["SEND"]);
  });
  it("does not list an acronym explained in the text, or spelt out anywhere on the page", () => {
    expect(report("<h2>SEND support</h2><p>More SEND help.</p>")).toEqual([]);
    expect(report("<h2>SEND</h2><p>Special educational needs and disabilities matter.</p>")).toEqual([]);
  });
  it("ignores script and style, which no reader meets", () => {
    expect(report('<script type="application/ld+json">{"name":"EHCP"}</script><p>Text.</p>')).toEqual([]);
  });
  it("lists each acronym once, in the order met", () => {
    expect(report("<h2>EHCP</h2><h3>SEND and EHCP</h3>")).toEqual(["EHCP", "SEND"]);
  });
});

describe("the marked page's text, for search synonyms", () => {
  const textOf = (html: string) =>
    markAndReport(html, { terms, glossaryPath: "/glossary/" }).text.replace(/\s+/g, " ").trim();
  it("is what a reader meets: the words it wrote out beside an acronym included, scripts and styles left out", () => {
    expect(textOf("<p>Each EHCP is <b>reviewed</b>.</p><script>var SEND = 1;</script><style>p{}</style>")).toBe(
      "Each EHCP is reviewed . (Education, Health and Care Plan)",
    );
  });
  it("is the same text as a separate parse of the marked page finds", () => {
    const html = "<h2>SEND &amp; EHCP</h2><p>The EHCP &lt;review&gt; is due.</p>";
    const words = (s: string) => s.replace(/[().]/g, " ").split(/\s+/).filter(Boolean).sort();
    expect(words(textOf(html))).toEqual(words(textOfHtml(mark(html))));
  });
});

describe("terms and descriptions, for search", () => {
  const marked = (html: string, withTerms = terms) =>
    markAndReport(html, { terms: withTerms, glossaryPath: "/glossary/" }).html;

  it("ends each term and description with a space, so search never runs 'Who leads it' into the answer", () => {
    expect(marked("<dl><div><dt>Who leads it</dt><dd>The council</dd></div></dl>")).toBe(
      "<dl><div><dt>Who leads it </dt><dd>The council </dd></div></dl>",
    );
  });

  it("adds no second space, and spaces a description that ends in a link", () => {
    expect(marked('<dl><dt>Lead </dt><dd><a href="/x/">Sefton</a></dd></dl>')).toBe(
      '<dl><dt>Lead </dt><dd><a href="/x/">Sefton</a> </dd></dl>',
    );
  });

  it("spaces them on a page with no glossary too, and keeps acronyms marked inside them", () => {
    expect(marked("<dl><dt>Plan</dt><dd>An EHCP</dd></dl>", [])).toBe("<dl><dt>Plan </dt><dd>An EHCP </dd></dl>");
    expect(marked("<p>An EHCP</p><dl><dt>Plan</dt><dd>An EHCP</dd></dl>")).toMatch(/<dd>An EHCP <\/dd>/);
  });
});
