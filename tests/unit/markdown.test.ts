import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../src/lib/content/markdown.ts";

describe("renderMarkdown", () => {
  it("neutralises raw HTML even if it got past the check: a script is shown as text, never run", () => {
    expect(renderMarkdown('<script>alert("x")</script>')).toBe(
      "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>\n",
    );
  });
  it("renders a javascript: link as text, not a link", () => {
    expect(renderMarkdown("[click](javascript:alert(1))")).not.toContain("<a ");
  });
  it.each([
    "[click](java&#x09;script:alert(1))",
    "[click](%6Aavascript:alert(1))",
    "[click](data:text/html,x)",
    "![x](data:image/png;base64,AAAA)",
  ])("renders a disguised script or data address as text, not a link: %s", (source) => {
    const html = renderMarkdown(source);
    expect(html).not.toContain("<a ");
    expect(html).not.toContain("<img ");
  });
  it("marks a link to another website as leaving the site, in words for screen readers", () => {
    expect(renderMarkdown("See [the DfE guidance](https://www.gov.uk/send).")).toBe(
      '<p>See <a href="https://www.gov.uk/send" rel="external">the DfE guidance<span class="visually-hidden"> (another website)</span></a>.</p>\n',
    );
  });
  it("leaves links within the site and email links unmarked", () => {
    expect(renderMarkdown("[KPIs](/kpis/) or [email](mailto:send@example.org)")).toBe(
      '<p><a href="/kpis/">KPIs</a> or <a href="mailto:send@example.org">email</a></p>\n',
    );
  });
  it("gives table alignment as a class, since the CSP forbids inline styles", () => {
    const html = renderMarkdown("| a | b |\n|---|--:|\n| 1 | 2 |\n");
    expect(html).toContain('<td class="align-right">2</td>');
    expect(html).not.toContain("style=");
  });
  it("wraps each table in its own labelled, keyboard-focusable scroll region", () => {
    const html = renderMarkdown("| a |\n|---|\n| 1 |\n\n| b |\n|---|\n| 2 |\n");
    expect(html.match(/<section class="table-wrap" tabindex="0" aria-label="Table \d">/g)).toEqual([
      '<section class="table-wrap" tabindex="0" aria-label="Table 1">',
      '<section class="table-wrap" tabindex="0" aria-label="Table 2">',
    ]);
  });
  it("keeps a table's column headings out of search excerpts", () => {
    expect(renderMarkdown("| What | Who |\n|---|---|\n| A | B |\n")).toContain('<thead data-pagefind-ignore="">');
  });

  it("renders the same text the same way every time (a page renders a report's text twice, from kept tokens)", () => {
    const text =
      "| a | b |\n|:-:|--:|\n| 1 | 2 |\n\nSee [the DfE guidance](https://www.gov.uk/send).\n\n## Next steps\n";
    const first = renderMarkdown(text);
    expect(first).toContain('<th class="align-center">a</th>');
    expect(renderMarkdown(text)).toBe(first);
    expect(renderMarkdown(text)).toBe(first);
  });
});
