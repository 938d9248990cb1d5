import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPortal } from "../../src/lib/content/load.ts";
import { FIXTURE, problemsOf, replaceIn } from "../helpers/content-root.ts";

const KPI = "data/kpis/waits.json";
const PLAN = "content/plans/example-plan.md";
const V1 = "content/reports/progress/v1.md";
const MEETING = "content/meetings/board-2019-12-10.md";

describe("the fixture content root", () => {
  it("loads with no problems", () => {
    expect(loadPortal(FIXTURE).ok).toBe(true);
  });
});

describe("schema problems are located by file, line and field", () => {
  it("names the allowed statuses when a status is misspelt", () => {
    expect(problemsOf((r) => replaceIn(r, V1, "status: at-risk", "status: atrisk"))).toMatchInlineSnapshot(`
      [
        "content/reports/progress/v1.md:10 — actions[0].status: expected one of not-started, on-track, at-risk, off-track, complete, not-rated; got "atrisk"",
      ]
    `);
  });
  it("refuses an unknown field and says how to fix it", () => {
    expect(problemsOf((r) => replaceIn(r, V1, "summary:", "colour: red\nsummary:"))).toMatchInlineSnapshot(`
      [
        "content/reports/progress/v1.md:3 — colour: unknown field "colour". Remove it, or check its spelling against the fields listed in schema/ (generated from src/schemas/)",
      ]
    `);
  });
  it("refuses a number where text is expected instead of coercing it", () => {
    expect(problemsOf((r) => replaceIn(r, V1, "title: Progress report", "title: 42"))).toEqual([
      `content/reports/progress/v1.md:2 — title: expected text; got the number 42. Put it in quotes: "42"`,
    ]);
  });
  it("reports a missing required field at its parent", () => {
    expect(problemsOf((r) => replaceIn(r, KPI, '"unit": "weeks",', ""))).toEqual([
      "data/kpis/waits.json:1 — unit: required, but missing. Add it: one of percent, count, weeks, days, gbp, rate, score",
    ]);
  });
  it("refuses an impossible date", () => {
    expect(problemsOf((r) => replaceIn(r, V1, "published: 2019-12-10", "published: 2019-02-30"))).toEqual([
      expect.stringMatching(
        /^content\/reports\/progress\/v1\.md:4 — published: expected a period: a date \(2023-10-19\), month .*half term \(AY2022\/23-spring-2\)$/,
      ),
    ]);
  });
  it("refuses a missing value without a reason, never reading it as zero", () => {
    expect(problemsOf((r) => replaceIn(r, KPI, ', "missing": "Tracker not in place"', ""))).toEqual([
      'data/kpis/waits.json:20 — series[0].values[1].missing: a value of null needs a reason: add "missing": "why there is no figure", or "suppressed": true',
    ]);
  });
  it("asks for quotes when a period is written as a bare number", () => {
    expect(problemsOf((r) => replaceIn(r, V1, "published: 2019-12-10", "published: 2019"))).toEqual([
      'content/reports/progress/v1.md:4 — published: expected text; got the number 2019. Put it in quotes: "2019"',
    ]);
  });
  it("refuses a value given as text", () => {
    expect(problemsOf((r) => replaceIn(r, KPI, '"value": 29', '"value": "29"'))).toEqual([
      'data/kpis/waits.json:19 — series[0].values[0].value: expected a number; got "29"',
    ]);
  });
  it("locates invalid JSON", () => {
    expect(problemsOf((r) => replaceIn(r, KPI, '"unit": "weeks",', '"unit": "weeks",,'))).toEqual([
      expect.stringMatching(/^data\/kpis\/waits\.json:6 — this is not valid JSON: /),
    ]);
  });
  it("locates invalid YAML front matter", () => {
    expect(problemsOf((r) => replaceIn(r, V1, "summary: How the plan is going.", "summary: [unclosed"))).toEqual([
      expect.stringMatching(/^content\/reports\/progress\/v1\.md:\d+ — this is not valid YAML: /),
    ]);
  });
  it("refuses YAML aliases with a located message instead of crashing", () => {
    expect(
      problemsOf((r) => replaceIn(r, V1, "title: Progress report", "title: &t Progress report\nsummary2: *t")),
    ).toEqual([
      "content/reports/progress/v1.md:3 — YAML anchors and aliases (&name, *name) are not allowed. Write the value out in full where it is used",
    ]);
  });
  it("refuses a duplicate key", () => {
    expect(
      problemsOf((r) => replaceIn(r, V1, "title: Progress report", "title: Progress report\ntitle: Again")),
    ).toEqual([
      expect.stringMatching(/^content\/reports\/progress\/v1\.md:3 — this is not valid YAML: Map keys must be unique/),
    ]);
  });
  it("refuses a name written twice in one JSON object, at the second", () => {
    expect(problemsOf((r) => replaceIn(r, KPI, '"unit": "weeks",', '"unit": "weeks",\n  "unit": "days",'))).toEqual([
      'data/kpis/waits.json:7 — this is not valid JSON for the portal: "unit" is written twice in the same object, and only the last would be read. Keep one of the two',
    ]);
  });
  it("does not mistake the same name in two objects, or a value, for a name written twice", () => {
    expect(
      problemsOf((r) => replaceIn(r, KPI, '"unit": "weeks",', '"unit": "weeks", "notes": ["unit", "unit"],')),
    ).toEqual([expect.stringMatching(/notes: unknown field/)]);
  });
  it("refuses a file without front matter", () => {
    expect(problemsOf((r) => writeFileSync(join(r, PLAN), "Just text"))).toEqual([
      "content/plans/example-plan.md:1 — front matter is missing: the file must start with a line of three hyphens (---), the fields, and another ---. Copy the opening lines from an existing file of the same kind",
    ]);
  });
  it("refuses raw HTML in Markdown, naming the line", () => {
    expect(
      problemsOf((r) =>
        replaceIn(r, V1, "Waits are falling.", 'Waits <script src="https://evil.example/x.js"></script> fall.'),
      ),
    ).toEqual([
      'content/reports/progress/v1.md:17 — raw HTML is not allowed in Markdown; found "<script src=\\"https://evil.example/x.js\\">". Use Markdown instead (e.g. **bold**, - lists, | tables |); for a literal < write \\<',
    ]);
  });
  it("refuses a top-level heading in Markdown", () => {
    expect(problemsOf((r) => replaceIn(r, V1, "## Summary", "# Summary"))).toEqual([
      "content/reports/progress/v1.md:15 — a top-level heading (# …) is not allowed: the page title is already the top heading. Use ## for sections",
    ]);
  });
  it("refuses a top-level heading written as a line underlined with ===", () => {
    expect(problemsOf((r) => replaceIn(r, V1, "## Summary", "Summary\n======="))).toEqual([
      "content/reports/progress/v1.md:15 — a top-level heading (a line underlined with ===) is not allowed: the page title is already the top heading. Start the line with ## instead, and remove the === line",
    ]);
  });
  it("accepts a second-level heading written as a line underlined with ---", () => {
    expect(problemsOf((r) => replaceIn(r, V1, "## Summary", "Summary\n-------"))).toEqual([]);
  });
  it("does not mistake an escaped \\< or HTML in code for raw HTML", () => {
    expect(
      problemsOf((r) => replaceIn(r, V1, "Waits are falling.", "Waits \\<b> fall; `<b>` is bold.\n\n```\n<div>\n```")),
    ).toEqual([]);
  });
  it.each([
    ["[the plan](javascript:alert(1))", "javascript:alert(1)"],
    ["[the plan](JaVaScRiPt:alert(1))", "JaVaScRiPt:alert(1)"],
    ["[the plan](java&#x09;script:alert(1))", "java%09script:alert(1)"],
    ["[the plan](<  javascript:alert(1)>)", "javascript:alert(1)"],
    ["[the plan](%6Aavascript:alert(1))", "%6Aavascript:alert(1)"],
    ["[the plan](vbscript:msgbox(1))", "vbscript:msgbox(1)"],
    ["[the plan](data:text/html;base64,PHNjcmlwdD4=)", "data:text/html;base64,PHNjcmlwdD4="],
    ["<javascript:alert(1)>", "javascript:alert(1)"],
  ])("refuses a script or data link in Markdown, however it is disguised: %s", (link, shown) => {
    expect(problemsOf((r) => replaceIn(r, V1, "Waits are falling.", `Waits are falling: ${link}.`))).toEqual([
      `content/reports/progress/v1.md:17 — a link to ${JSON.stringify(shown)} is not allowed: only web addresses (https://…), email addresses (mailto:…) and pages on this site can be linked. Link to a page on the web instead, or remove the link`,
    ]);
  });
  it("refuses a data: image in Markdown, naming the line", () => {
    expect(
      problemsOf((r) => replaceIn(r, V1, "Waits are falling.", "Waits\nfall ![chart](data:image/png;base64,AAAA)")),
    ).toEqual([
      'content/reports/progress/v1.md:18 — an image from "data:image/png;base64,AAAA" is not allowed: only web addresses (https://…), email addresses (mailto:…) and pages on this site can be linked. Link to a page on the web instead, or remove the link',
    ]);
  });
  it("refuses a file name that is not a URL slug", () => {
    expect(problemsOf((r) => writeFileSync(join(r, "data/kpis/Waits Two.json"), "{}"))).toEqual([
      'data/kpis/Waits Two.json — the file name "Waits Two" is not a valid URL slug: use lower-case letters, digits and single hyphens. Rename it, e.g. to waits-two.json',
    ]);
  });
  it("refuses a stray file in a collection folder", () => {
    expect(problemsOf((r) => writeFileSync(join(r, "content/plans/notes.txt"), "x"))).toEqual([
      "content/plans/notes.txt — unexpected file in content/plans: each plan is one .md file. Rename it to end in .md, or move it out of content/plans",
    ]);
  });
});

describe("cross-checks", () => {
  it("suggests the nearest action when a report names a missing one", () => {
    expect(problemsOf((r) => replaceIn(r, V1, "action: example-plan/1-1", "action: example-plan/1-3"))).toEqual([
      'content/reports/progress/v1.md:9 — actions[0].action: no action "example-plan/1-3" exists. Did you mean "example-plan/1-1"?',
    ]);
  });
  it("fails a KPI value whose period the series' frequency cannot have", () => {
    expect(problemsOf((r) => replaceIn(r, KPI, '"period": "2019-10"', '"period": "2019-Q4"'))).toEqual([
      'data/kpis/waits.json:19 — series[0].values[0].period: "2019-Q4" is not a period a monthly series can have. Use a month period, or put this value in a series of its own with the right frequency',
    ]);
  });
  it("fails a period given twice in one series", () => {
    expect(problemsOf((r) => replaceIn(r, KPI, '"period": "2019-10"', '"period": "2019-12"'))).toEqual([
      'data/kpis/waits.json:21 — series[0].values[2].period: period "2019-12" appears twice in series "all" (first at values[0]). Keep one value per period; record a correction with revisions instead',
    ]);
  });
  it("fails a meeting of a committee that does not exist", () => {
    expect(problemsOf((r) => replaceIn(r, MEETING, "committee: example-board", "committee: example-bord"))).toEqual([
      'content/meetings/board-2019-12-10.md:2 — committee: no committee "example-bord" exists. Did you mean "example-board"?',
    ]);
  });
  it("fails a decision id used twice", () => {
    expect(
      problemsOf((r) => {
        writeFileSync(
          join(r, "content/meetings/board-2020-03-10.md"),
          "---\ncommittee: example-board\ndate: 2020-03-10\nstatus: held\ndecisions:\n  - id: board-2019-12-10-1\n    ref: Minute 1\n    kind: noted\n    text: Noted.\n---\n",
        );
      }),
    ).toEqual([
      'content/meetings/board-2020-03-10.md:6 — decisions[0].id: decision id "board-2019-12-10-1" is already used in content/meetings/board-2019-12-10.md. Decision ids must be unique across all meetings',
    ]);
  });
  it("refuses a decision id that is a bare year: /decisions/{year}/ is that year's page", () => {
    expect(
      problemsOf((r) => {
        writeFileSync(
          join(r, "content/meetings/board-2020-03-10.md"),
          "---\ncommittee: example-board\ndate: 2020-03-10\nstatus: held\ndecisions:\n  - id: '2020'\n    ref: Minute 1\n    kind: noted\n    text: Noted.\n---\n",
        );
      }),
    ).toEqual([
      `content/meetings/board-2020-03-10.md:6 — decisions[0].id: decision id "2020" is a bare year, and /decisions/2020/ is the page of that year's decisions. Add what tells it apart, e.g. its meeting: board-2020-03-10-2020`,
    ]);
  });
  it("fails a decision about a KPI that does not exist", () => {
    expect(problemsOf((r) => replaceIn(r, MEETING, "kpis: [waits]", "kpis: [waiting]"))).toEqual([
      'content/meetings/board-2019-12-10.md:20 — decisions[0].kpis[0]: no KPI "waiting" exists. Did you mean "waits"?',
    ]);
  });
  it("fails a decision on an agenda item the meeting does not have", () => {
    expect(problemsOf((r) => replaceIn(r, MEETING, 'item: "1"', 'item: "7"'))).toEqual([
      'content/meetings/board-2019-12-10.md:16 — decisions[0].item: no agenda item "7" in this meeting. Use one of 1',
    ]);
  });
  it("fails a paper pointing at a report version that does not exist", () => {
    expect(problemsOf((r) => replaceIn(r, MEETING, "report: progress", "report: progress/v3"))).toEqual([
      'content/meetings/board-2019-12-10.md:12 — agenda[0].papers[0].report: report "progress" has no version 3. It has versions 1, 2',
    ]);
  });
  it("fails an action whose KPI does not exist", () => {
    expect(problemsOf((r) => replaceIn(r, PLAN, "kpis: [waits]", "kpis: [waits, nowhere]"))).toEqual([
      'content/plans/example-plan.md:16 — areas[0].actions[0].kpis[1]: no KPI "nowhere" exists. Check the spelling, or add data/kpis/nowhere.json',
    ]);
  });
  it("fails report versions that skip a number", () => {
    expect(
      problemsOf((r) => {
        writeFileSync(
          join(r, "content/reports/progress/v4.md"),
          '---\ntitle: T\nsummary: S\npublished: "2020"\nstatus: published\nchanges: More.\n---\n',
        );
      }),
    ).toEqual([
      "content/reports/progress/v4.md — versions must run v1, v2, … without gaps; expected v3.md, found v4.md. Rename it to v3.md",
    ]);
  });
  it("requires a change note from version 2 on", () => {
    expect(
      problemsOf((r) =>
        replaceIn(r, "content/reports/progress/v2.md", "changes: Corrected the status of action 1.1.\n", ""),
      ),
    ).toEqual([
      "content/reports/progress/v2.md:1 — changes: required from version 2 on, but missing. Say in a sentence what changed from the previous version",
    ]);
  });
  it("fails a relative target when the KPI has no baseline value", () => {
    expect(
      problemsOf((r) => {
        replaceIn(r, KPI, '"baseline": { "value": 30, "period": "2019-06" },', "");
        replaceIn(
          r,
          KPI,
          '{ "kind": "value", "value": 25 }',
          '{ "kind": "baseline-plus", "change": -10, "by": "percent" }',
        );
      }),
    ).toEqual([
      "data/kpis/waits.json:11 — targets[0].target: this target is relative to the baseline, but the KPI has no baseline value. Add baseline.value, or store the target as unquantified until the baseline is set",
    ]);
  });
  it("reports every problem in one run, across files", () => {
    const problems = problemsOf((r) => {
      replaceIn(r, V1, "status: at-risk", "status: atrisk");
      replaceIn(r, MEETING, "committee: example-board", "committee: nobody");
      replaceIn(r, KPI, '"value": 29', '"value": "29"');
    });
    expect(problems).toHaveLength(3);
  });
  it("does not report a reference as missing when its file merely failed validation", () => {
    expect(problemsOf((r) => replaceIn(r, KPI, '"unit": "weeks",', '"unit": "wks",'))).toEqual([
      'data/kpis/waits.json:6 — unit: expected one of percent, count, weeks, days, gbp, rate, score; got "wks"',
    ]);
  });
});

describe("topics", () => {
  const SITE = "content/site.yml";
  /** Declares two topics in the fixture's site settings. */
  const declare = (root: string) =>
    replaceIn(
      root,
      SITE,
      "featuredPlan: example-plan",
      [
        "featuredPlan: example-plan",
        "topics:",
        "  - id: waiting-for-therapy",
        "    label: Waiting for therapy",
        "    description: How long children wait for therapy.",
        "  - id: ehc-plans",
        "    label: EHC plans",
        "    description: Education, health and care plans.",
      ].join("\n"),
    );

  it("accepts indicators and actions tagged with declared topics, and a site with no topics at all", () => {
    expect(
      problemsOf((r) => {
        declare(r);
        replaceIn(
          r,
          KPI,
          '"source": "Fixture",',
          '"source": "Fixture",\n  "topics": ["waiting-for-therapy", "ehc-plans"],',
        );
        replaceIn(r, PLAN, "kpis: [waits]", "kpis: [waits]\n        topics: [waiting-for-therapy]");
      }),
    ).toEqual([]);
    expect(problemsOf(() => {})).toEqual([]);
  });
  it("fails an indicator tagged with a topic the site settings do not declare, suggesting the nearest", () => {
    expect(
      problemsOf((r) => {
        declare(r);
        replaceIn(r, KPI, '"source": "Fixture",', '"source": "Fixture",\n  "topics": ["waiting-for-therapies"],');
      }),
    ).toEqual([
      'data/kpis/waits.json:9 — topics[0]: no topic "waiting-for-therapies" is declared in content/site.yml. Did you mean "waiting-for-therapy"?',
    ]);
  });
  it("fails an action tagged with an undeclared topic, listing the declared ones", () => {
    expect(
      problemsOf((r) => {
        declare(r);
        replaceIn(r, PLAN, "kpis: [waits]", "kpis: [waits]\n        topics: [school-attendance]");
      }),
    ).toEqual([
      'content/plans/example-plan.md:17 — areas[0].actions[0].topics[0]: no topic "school-attendance" is declared in content/site.yml. Use one of waiting-for-therapy, ehc-plans, or add it to topics in content/site.yml',
    ]);
  });
  it("fails a topic tag when the site declares no topics, saying how to declare one", () => {
    expect(
      problemsOf((r) => replaceIn(r, PLAN, "kpis: [waits]", "kpis: [waits]\n        topics: [ehc-plans]")),
    ).toEqual([
      'content/plans/example-plan.md:17 — areas[0].actions[0].topics[0]: no topic "ehc-plans" is declared in content/site.yml. Add it to topics in content/site.yml, with a label and a one-line description',
    ]);
  });
  it("fails a topic declared twice", () => {
    expect(
      problemsOf((r) => {
        declare(r);
        replaceIn(r, SITE, "  - id: ehc-plans", "  - id: waiting-for-therapy");
      }),
    ).toEqual([
      'content/site.yml:13 — topics[1].id: duplicate topic id "waiting-for-therapy" (first used at topics[0].id)',
    ]);
  });
  it("fails a history link to a heading the plan does not have, listing those it has", () => {
    const history = (heading: string) => (root: string) => {
      replaceIn(root, PLAN, "This plan is a **fixture**.", "This plan is a **fixture**.\n\n## How it began\n\nText.");
      replaceIn(
        root,
        SITE,
        "featuredPlan: example-plan",
        `featuredPlan: example-plan\nhistory:\n  label: How it began\n  plan: example-plan\n  heading: ${heading}`,
      );
    };
    expect(problemsOf(history("How  it BEGAN"))).toEqual([]);
    expect(problemsOf(history("The inspection"))).toEqual([
      'content/site.yml:12 — history.heading: the plan "example-plan" has no heading "The inspection". Use one of "How it began"',
    ]);
  });
});

describe("missing folders", () => {
  it("fails when there are no plans", () => {
    expect(problemsOf((r) => rmSync(join(r, "content/plans"), { recursive: true }))).toContain(
      "content/plans — no plans found: the portal needs at least one plan. Add content/plans/{plan}.md",
    );
  });
  it("fails when a report folder is empty", () => {
    expect(problemsOf((r) => mkdirSync(join(r, "content/reports/empty")))).toEqual([
      "content/reports/empty — a report folder needs at least v1.md",
    ]);
  });
});

describe("redirects", () => {
  it("checks content/redirects.yml with the rest of the content", () => {
    expect(
      problemsOf((r) => writeFileSync(join(r, "content/redirects.yml"), "- from: /kpis/old/\n  to: kpis/new/\n")),
    ).toEqual(['content/redirects.yml:1 — to: expected an address on this site starting with "/", got "kpis/new/"']);
  });
  it("refuses, with their lines, redirects that would leave the site or never arrive", () => {
    const text = [
      "- from: /%2E%2e/%2e%2E/outside/",
      "  to: /kpis/waits/",
      "- from: /kpis/old/",
      "  to: /\\elsewhere.example/",
      "- from: /kpis/a/",
      "  to: /kpis/b/",
      "- from: /kpis/b/",
      "  to: /kpis/a/",
    ].join("\n");
    expect(problemsOf((r) => writeFileSync(join(r, "content/redirects.yml"), text))).toEqual([
      'content/redirects.yml:1 — from: an address may not contain "." or ".." segments, got "/%2E%2e/%2e%2E/outside/"',
      'content/redirects.yml:3 — to: an address may not contain a backslash (\\), got "/\\\\elsewhere.example/"',
      "content/redirects.yml:5 — to: /kpis/b/ is itself redirected (line 7), and following the entries leads back here: a loop never delivers the reader. Point each entry at a live page",
      "content/redirects.yml:7 — to: /kpis/a/ is itself redirected (line 5), and following the entries leads back here: a loop never delivers the reader. Point each entry at a live page",
    ]);
  });
});

describe("a broken report version", () => {
  it("is reported once, not again by everything that cites it", () => {
    expect(problemsOf((r) => replaceIn(r, V1, "status: published", "status: publishd"))).toEqual([
      'content/reports/progress/v1.md:5 — status: expected one of draft, published, withdrawn; got "publishd"',
    ]);
  });
});

describe("characters a field cannot hold", () => {
  it("refuses a line break in a one-line field, naming the column", () => {
    expect(problemsOf((r) => replaceIn(r, KPI, '"Waiting time for speech', '"Waiting time\\nfor speech'))).toEqual([
      "data/kpis/waits.json:4 — title: contains a line break (U+000A) at column 13. Write it on one line",
    ]);
  });
  it("refuses a carriage return written as an escape", () => {
    expect(problemsOf((r) => replaceIn(r, KPI, '"ref": "KPI 1/1"', '"ref": "KPI\\r1/1"'))).toEqual([
      "data/kpis/waits.json:3 — ref: contains a line break (U+000D) at column 4. Write it on one line",
    ]);
  });
  it("refuses a control character and says it is invisible", () => {
    expect(problemsOf((r) => replaceIn(r, V1, "title: Progress report", 'title: "Progress\\x07 report"'))).toEqual([
      "content/reports/progress/v1.md:2 — title: contains a control character (U+0007) at column 9. Delete it: it is invisible and often comes from copying out of a PDF or a word processor",
    ]);
  });
  it("refuses a C1 control character and a bidirectional override", () => {
    expect(
      problemsOf((r) => {
        replaceIn(r, V1, "title: Progress report", "title: Progress\u0085 report");
        replaceIn(r, "content/site.yml", /title: .*/, "title: Portal \u202Egnissim");
      }),
    ).toEqual([
      "content/reports/progress/v1.md:2 — title: contains a control character (U+0085) at column 9. Delete it: it is invisible and often comes from copying out of a PDF or a word processor",
      "content/site.yml:2 — title: contains a bidirectional control character (U+202E) at column 8. Delete it: it is invisible and often comes from copying out of a PDF or a word processor",
    ]);
  });
  it("refuses a tab in a one-line field", () => {
    expect(problemsOf((r) => replaceIn(r, V1, "title: Progress report", 'title: "Progress\\treport"'))).toEqual([
      "content/reports/progress/v1.md:2 — title: contains a tab (U+0009) at column 9. Replace it with a space",
    ]);
  });
  it("allows line breaks and tabs in prose, but no other control character", () => {
    expect(
      problemsOf((r) =>
        replaceIn(r, V1, "commentary: Waits are falling slowly.", 'commentary: "Waits\\n\\tare falling slowly."'),
      ),
    ).toEqual([]);
    expect(
      problemsOf((r) =>
        replaceIn(r, V1, "commentary: Waits are falling slowly.", 'commentary: "Waits\\nare\\x1b falling."'),
      ),
    ).toEqual([
      "content/reports/progress/v1.md:11 — actions[0].commentary: contains a control character (U+001B) at line 2, column 4 of the text. Delete it: it is invisible and often comes from copying out of a PDF or a word processor",
    ]);
  });
  it("refuses a control character in a Markdown body at its line and column", () => {
    expect(problemsOf((r) => replaceIn(r, V1, "Waits are falling.", "Waits are\u0000 falling."))).toEqual([
      "content/reports/progress/v1.md:17 — the text contains a control character (U+0000) at column 10. Delete it: it is invisible and often comes from copying out of a PDF or a word processor",
    ]);
  });
  it("refuses a file that is not UTF-8, naming the byte and its offset", () => {
    expect(
      problemsOf((r) => {
        const path = join(r, "content/site.yml");
        const text = readFileSync(path, "utf8");
        const at = text.indexOf("\n") + 1;
        writeFileSync(
          path,
          Buffer.concat([
            Buffer.from(text.slice(0, at)),
            Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]),
            Buffer.from(text.slice(at)),
          ]),
        );
      }),
    ).toEqual([
      "content/site.yml:2 — this file is not saved as UTF-8: the byte 0xE9 at byte offset 90 is not part of a UTF-8 character, so characters such as £, é or curly quotes would be garbled. Save the file with the encoding UTF-8 (in most editors: Save As, or the encoding shown in the status bar), then check the characters on this line",
    ]);
  });
});
