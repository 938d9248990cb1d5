import { describe, expect, it } from "vitest";
import { agendaItemId, letterGroups, meetingContents, reportContents } from "../../src/lib/outline.ts";
import { outlineOf, renderMarkdown } from "../../src/lib/content/markdown.ts";

const term = (t: string) => ({ id: t.toLowerCase(), term: t, definition: "x", aliases: [] });

describe("contents lists", () => {
  it("groups glossary terms by letter, A to Z, case and accents aside, with digits first", () => {
    const groups = letterGroups([term("SEND"), term("ASD"), term("Écoute"), term("adhd"), term("16-19 bursary")]);
    expect(groups.map((g) => [g.letter, g.id, g.terms.map((t) => t.term)])).toEqual([
      ["0–9", "letter-other", ["16-19 bursary"]],
      ["A", "letter-a", ["adhd", "ASD"]],
      ["E", "letter-e", ["Écoute"]],
      ["S", "letter-s", ["SEND"]],
    ]);
  });

  it("gives each Markdown heading an id the contents list links to, unique on the page", () => {
    const body = "## Summary\n\ntext\n\n## Risks & issues\n\n### Detail\n\n## Summary\n";
    expect(outlineOf(body)).toEqual([
      { id: "section-summary", text: "Summary" },
      { id: "section-risks-issues", text: "Risks & issues" },
      { id: "section-summary-2", text: "Summary" },
    ]);
    expect(renderMarkdown(body)).toContain('<h2 id="section-summary-2">Summary</h2>');
    expect(renderMarkdown(body)).toContain('<h3 id="section-detail">Detail</h3>');
  });

  it("lists a report's sections that are shown, then its own headings", () => {
    const items = reportContents({
      versions: 1,
      hasPrevious: false,
      recommendations: 2,
      actions: 0,
      kpis: 1,
      headings: [{ id: "section-summary", text: "Summary" }],
    });
    expect(items).toEqual([
      { href: "#recommendations", label: "Recommendations" },
      { href: "#kpi-statuses", label: "Indicators in this report" },
      { href: "#report-text", label: "The report", children: [{ href: "#section-summary", label: "Summary" }] },
    ]);
  });

  it("lists a meeting's agenda items by number, or by position where none is printed", () => {
    const agenda = [{ number: "12", title: "SEND update" }, { title: "Any other business" }];
    expect(agendaItemId(agenda[0]!, 0)).toBe("item-12");
    expect(agendaItemId(agenda[1]!, 1)).toBe("item-position-2");
    expect(meetingContents({ agenda, reports: 0, decisions: 0, minutes: false })).toEqual([
      {
        href: "#agenda",
        label: "Agenda",
        children: [
          { href: "#item-12", label: "Item 12: SEND update" },
          { href: "#item-position-2", label: "Any other business" },
        ],
      },
      { href: "#decisions", label: "Decisions" },
    ]);
  });
});
