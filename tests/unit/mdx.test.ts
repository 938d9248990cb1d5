import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPortal } from "../../src/lib/content/load.ts";
import { diffableText, proseOutline, reportProse } from "../../src/lib/views/report-prose.ts";
import { textChanges } from "../../src/lib/version-diff.ts";
import type { Portal } from "../../src/lib/content/model.ts";
import { problemsOf, replaceIn, withFixture } from "../helpers/content-root.ts";

const V1 = "content/reports/progress/v1.md";
const KPI = "data/kpis/waits.json";
/** The fixture's v1 front matter ends on line 14, so an MDX body's first line is line 15. */
const FIRST = 15;

/** Turns the fixture's v1.md into v1.mdx with `body` as its text. */
function asMdx(root: string, body: string): void {
  const text = readFileSync(join(root, V1), "utf8");
  const frontMatter = text.slice(0, text.indexOf("---", 3) + 4);
  rmSync(join(root, V1));
  writeFileSync(join(root, `${V1}x`), frontMatter + body);
}

const mdxProblems = (body: string, edit: (root: string) => void = () => {}) =>
  problemsOf((root) => {
    edit(root);
    asMdx(root, body);
  });

const FILE = `${V1}x`;

/** Loads the fixture with v1 as MDX and gives its page's text parts, with the portal. */
function loaded<T>(body: string, edit: (root: string) => void, use: (portal: Portal) => T): T {
  return withFixture(
    (root) => {
      edit(root);
      asMdx(root, body);
    },
    (root) => {
      const result = loadPortal(root);
      if (!result.ok) throw new Error(result.problems.map((p) => `${p.file}:${p.line} ${p.message}`).join("\n"));
      return use(result.portal);
    },
  );
}

const htmlOf = (portal: Portal) =>
  reportProse(portal, portal.reports[0]!.versions[0]!)
    .map((p) => (p.kind === "html" ? p.html : `[chart ${p.kpi.title}]`))
    .join("");

describe("an .mdx report refuses everything but the portal's components, with file and line", () => {
  it("refuses an import", () => {
    expect(mdxProblems('## Summary\n\nimport Chart from "./chart.js"\n\nText.\n')).toEqual([
      `${FILE}:${FIRST + 2} — an import is not allowed in a report: a report is text, with only the portal's own components (<KpiChart>, <KpiFigure>, <DecisionLink>, <ActionStatus>), which need no import. Delete the line`,
    ]);
  });
  it("refuses an export", () => {
    expect(mdxProblems("## Summary\n\nexport const waits = 29\n")).toEqual([
      `${FILE}:${FIRST + 2} — an export is not allowed in a report: a report is text, with only the portal's own components (<KpiChart>, <KpiFigure>, <DecisionLink>, <ActionStatus>), which need no import. Delete the line`,
    ]);
  });
  it("refuses an expression in the text", () => {
    expect(mdxProblems("## Summary\n\nWaits are {process.env.SECRET} weeks.\n")).toEqual([
      `${FILE}:${FIRST + 2} — a JavaScript expression {process.env.SECRET} is not allowed in a report. Write the text itself; for a brace as a character, write \\{ and \\}`,
    ]);
  });
  it("refuses an expression as a prop", () => {
    expect(mdxProblems('Waits: <KpiFigure kpi={"wa" + "its"} period="2019-10" />\n')).toEqual([
      `${FILE}:${FIRST} — the prop kpi of <KpiFigure> is an expression {"wa" + "its"}: props are literal text, in quotes. Write kpi="…" with the value in double quotes`,
    ]);
  });
  it("refuses a spread attribute", () => {
    expect(mdxProblems('\n<KpiChart kpi="waits" {...props} />\n')).toEqual([
      `${FILE}:${FIRST + 1} — <KpiChart> has a spread attribute {...props}: props must be written out, each as name="text". Write each prop with a quoted value, e.g. kpi="…"`,
    ]);
  });
  it("refuses a component that is not the portal's, suggesting the nearest", () => {
    expect(mdxProblems('Waits: <KpiFigur kpi="waits" period="2019-10" />\n')).toEqual([
      `${FILE}:${FIRST} — <KpiFigur> is not one of the portal's components: a report may use <KpiChart>, <KpiFigure>, <DecisionLink>, <ActionStatus>. Did you mean <KpiFigure>?`,
    ]);
  });
  it("refuses a raw HTML element", () => {
    expect(mdxProblems('## Summary\n\nWaits are <script src="https://evil.example/x.js"></script> falling.\n')).toEqual(
      [
        `${FILE}:${FIRST + 2} — raw HTML is not allowed in a report; found <script>. Use Markdown instead (e.g. **bold**, - lists, | tables |); for a literal < write \\<`,
      ],
    );
  });
  it("refuses a prop with no literal value", () => {
    expect(mdxProblems('Waits: <KpiFigure kpi="waits" period />\n')).toEqual([
      `${FILE}:${FIRST} — the prop period of <KpiFigure> has no value: props are literal text. Write period="…" with the value in double quotes`,
    ]);
  });
  it("refuses an indicator that does not exist, suggesting the nearest", () => {
    expect(mdxProblems('## Summary\n\nWaits: <KpiFigure kpi="wait" period="2019-10" />\n')).toEqual([
      `${FILE}:${FIRST + 2} — <KpiFigure> names the indicator "wait", but there is no data/kpis/wait.json. Did you mean waits?`,
    ]);
  });
  it("refuses a period that is not a period", () => {
    expect(mdxProblems('Waits: <KpiFigure kpi="waits" period="Oct 2019" />\n')).toEqual([
      expect.stringMatching(
        /^content\/reports\/progress\/v1\.mdx:15 — <KpiFigure> has period "Oct 2019", which is not a period\. Write a period: a date \(2023-10-19\), /,
      ),
    ]);
  });
  it("refuses a period the indicator has no figure for", () => {
    expect(mdxProblems('Waits: <KpiFigure kpi="waits" period="2019-09" />\n')).toEqual([
      `${FILE}:${FIRST} — waits has no figure for 2019-09 in its series all; its periods are 2019-10, 2019-11, 2019-12. Use one of those periods, or add the figure to the indicator's file first`,
    ]);
  });
  it("refuses a figure not yet published at the version's date", () => {
    expect(mdxProblems('Waits: <KpiFigure kpi="waits" period="2019-12" />\n')).toEqual([
      `${FILE}:${FIRST} — the figure of waits for 2019-12 was not yet published by 10 December 2019, this version's date (its period had not ended and it has no earlier asAt day). A report shows figures as published at its date: use an earlier period`,
    ]);
  });
  it("refuses a decision and an action that do not exist", () => {
    expect(
      mdxProblems(
        'See <DecisionLink decision="board-2019-12-10-9" /> and <ActionStatus action="example-plan/9-9" />.\n',
      ),
    ).toEqual([
      `${FILE}:${FIRST} — <DecisionLink> names the decision "board-2019-12-10-9", but no meeting records a decision with that id. Did you mean board-2019-12-10-1?`,
      `${FILE}:${FIRST} — <ActionStatus> names the action "example-plan/9-9", but no plan has it. Did you mean example-plan/1-1?`,
    ]);
  });
  it("refuses a link to a decision taken after the version's date", () => {
    expect(
      mdxProblems('See <DecisionLink decision="board-2019-12-10-1" />.\n', (root) =>
        replaceIn(root, V1, "published: 2019-12-10", "published: 2019-11-30"),
      ),
    ).toEqual([
      `${FILE}:${FIRST} — <DecisionLink> names board-2019-12-10-1, taken on 10 December 2019, after this version was published (30 November 2019). Link it from a later version of the report`,
    ]);
  });
  it("refuses a chart inside a sentence", () => {
    expect(mdxProblems('Waits <KpiChart kpi="waits" /> are falling.\n')).toEqual([
      `${FILE}:${FIRST} — <KpiChart> stands on its own, at the top level of the report, not in a sentence, list, quote or table. Put it on a line of its own, with a blank line before and after, not indented`,
    ]);
  });
  it("locates MDX that cannot be read, such as an HTML comment", () => {
    expect(mdxProblems("## Summary\n\nWaits are falling.\n\n<!-- draft -->\n")).toEqual([
      `${FILE}:${FIRST + 4} — this is not valid MDX: Unexpected character \`!\` (U+0021) before name, expected a character that can start a name, such as a letter, \`$\`, or \`_\`. In an .mdx report, < and { start a component or code: write \\< and \\{ for the characters themselves`,
    ]);
  });
  it("reports every problem of the file in one run", () => {
    expect(mdxProblems('import X from "x"\n\n<b>Bold</b> and {x}\n').map((p) => p.split(" — ")[0])).toEqual([
      `${FILE}:${FIRST}`,
      `${FILE}:${FIRST + 2}`,
      `${FILE}:${FIRST + 2}`,
    ]);
  });
  it("refuses v1.md and v1.mdx side by side", () => {
    expect(problemsOf((root) => writeFileSync(join(root, `${V1}x`), readFileSync(join(root, V1), "utf8")))).toEqual([
      `${FILE} — version 1 is written twice, as ${V1} and as ${FILE}. Keep one of the two files`,
    ]);
  });
});

describe("an .mdx report renders its components with the record as it stood at the version's date", () => {
  const corrected = (root: string) =>
    replaceIn(
      root,
      KPI,
      '{ "period": "2019-10", "value": 29 }',
      '{ "period": "2019-10", "value": 28, "revisions": [{ "value": 29, "revised": "2020-01-15", "reason": "Late referrals added" }] }',
    );

  it("shows a figure as published at the version's date, and says so, even after a later correction", () => {
    const html = loaded('Waits were <KpiFigure kpi="waits" period="2019-10" /> in October.\n', corrected, htmlOf);
    expect(html).toBe(
      '<p>Waits were <span class="kpi-figure">29 weeks <span class="kpi-figure__note">(as published on 10 December 2019; corrected on 15 January 2020 to 28 weeks)</span></span> in October.</p>\n',
    );
  });
  it("charts only the figures published by the version's date, at their values then", () => {
    loaded('## Summary\n\n<KpiChart kpi="waits" />\n', corrected, (portal) => {
      const chart = reportProse(portal, portal.reports[0]!.versions[0]!).find((p) => p.kind === "chart");
      if (chart?.kind !== "chart") throw new Error("no chart");
      expect(chart.kpi.title).toBe("Waiting time for speech and language therapy, as published on 10 December 2019");
      expect(chart.panels[0]!.rows.map((r) => [r.label, r.cells[0]?.value ?? null])).toEqual([
        ["October 2019", 29],
        ["November 2019", null],
      ]);
      expect(chart.panels[0]!.svg).toContain("as published on 10 December 2019");
    });
  });
  it("places a chart between the paragraphs around it, with table numbers and heading ids running on", () => {
    const body = '## Before\n\n| a |\n|---|\n| 1 |\n\n<KpiChart kpi="waits" />\n\n## After\n\n| b |\n|---|\n| 2 |\n';
    expect(loaded(body, () => {}, htmlOf)).toMatch(
      /^<h2 id="section-before">Before<\/h2>\n<section class="table-wrap" tabindex="0" aria-label="Table 1">[\s\S]*<\/section>\[chart Waiting time for speech and language therapy, as published on 10 December 2019\]<h2 id="section-after">After<\/h2>\n<section class="table-wrap" tabindex="0" aria-label="Table 2">/,
    );
  });
  it("links a decision as the decisions list does, and shows an action's status as the version records it", () => {
    const html = loaded(
      'See <DecisionLink decision="board-2019-12-10-1" />; <ActionStatus action="example-plan/1-1" />.\n',
      () => {},
      htmlOf,
    );
    expect(html).toBe(
      '<p>See <a href="/decisions/board-2019-12-10-1/">Minute 1</a>; <a href="/plans/example-plan/actions/1-1/">Action 1.1</a>: <strong class="tag tag--warn">At risk</strong>.</p>\n',
    );
  });
  it("shows an action's status as an earlier report recorded it by the version's date, saying when", () => {
    const V2 = "content/reports/progress/v2.md";
    const html = withFixture(
      (root) => {
        replaceIn(root, V2, /actions:\n(?: {2}.*\n)+/, "");
        const text = readFileSync(join(root, V2), "utf8");
        rmSync(join(root, V2));
        writeFileSync(
          join(root, `${V2}x`),
          `${text}\n<ActionStatus action="example-plan/1-1" /> and <ActionStatus action="example-plan/1-2" />\n`,
        );
      },
      (root) => {
        const result = loadPortal(root);
        if (!result.ok) throw new Error(result.problems.map((p) => p.message).join("\n"));
        return reportProse(result.portal, result.portal.reports[0]!.versions[1]!)
          .map((p) => (p.kind === "html" ? p.html : ""))
          .join("");
      },
    );
    expect(html).toContain(
      '<p><a href="/plans/example-plan/actions/1-1/">Action 1.1</a>: <strong class="tag tag--warn">At risk</strong> (as reported on 10 December 2019) and <a href="/plans/example-plan/actions/1-2/">Action 1.2</a>: <strong class="tag tag--neutral">Not yet reported</strong></p>',
    );
  });
  it("keeps hostile text as text around and beside the components", () => {
    const html = loaded(
      'Waits &lt;script&gt;alert(1)&lt;/script&gt; were <KpiFigure kpi="waits" period="2019-10" /> \\<img src=x onerror=alert(1)>.\n',
      () => {},
      htmlOf,
    );
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });
  it("lists its headings for the contents list, and compares with the previous version in the words readers see", () => {
    loaded(
      '## Figures\n\nWaits were <KpiFigure kpi="waits" period="2019-10" />.\n',
      () => {},
      (portal) => {
        const version = portal.reports[0]!.versions[0]!;
        expect(proseOutline(version)).toEqual([{ id: "section-figures", text: "Figures" }]);
        expect(textChanges("## Figures\n\nWaits were 29 weeks.", diffableText(portal, version))).toEqual([
          { kind: "removed", text: "Waits were 29 weeks." },
          { kind: "added", text: "Waits were 29 weeks \\(as published on 10 December 2019\\)." },
        ]);
      },
    );
  });
});
