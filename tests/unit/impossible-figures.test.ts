import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { problemsOf, replaceIn } from "../helpers/content-root.ts";

const KPI = "data/kpis/waits.json";
const V1 = "content/reports/progress/v1.md";
const MEETING = "content/meetings/board-2019-12-10.md";

/** The fixture's KPI measured in another unit, with its figures replaced. */
const asPercent = (r: string) => replaceIn(r, KPI, '"unit": "weeks"', '"unit": "percent"');

beforeEach(() => vi.stubEnv("PORTAL_TODAY", "2020-06-15"));
afterEach(() => vi.unstubAllEnvs());

describe("figures that cannot be true are refused, located", () => {
  it("refuses a percentage above 100", () => {
    expect(
      problemsOf((r) => {
        asPercent(r);
        replaceIn(r, KPI, '"value": 29', '"value": 100.5');
      }),
    ).toEqual([
      'data/kpis/waits.json:19 — series[0].values[0].value: 100.5 is above 100, the highest a percentage figure can be. Check the figure against the paper; if the indicator really can take it (e.g. a percentage change), set "range" on the KPI',
    ]);
  });

  it("accepts exactly 0 and 100 per cent", () => {
    expect(
      problemsOf((r) => {
        asPercent(r);
        replaceIn(r, KPI, '"value": 29', '"value": 100');
        replaceIn(r, KPI, '"value": 27', '"value": 0');
      }),
    ).toEqual([]);
  });

  it("refuses a negative wait, and a negative baseline", () => {
    expect(
      problemsOf((r) => {
        replaceIn(r, KPI, '"value": 29', '"value": -0.5');
        replaceIn(r, KPI, '"baseline": { "value": 30', '"baseline": { "value": -1');
      }),
    ).toEqual([
      expect.stringMatching(/^data\/kpis\/waits\.json:9 — baseline\.value: -1 is below 0, the lowest a weeks figure/),
      expect.stringMatching(/^data\/kpis\/waits\.json:19 — series\[0\]\.values\[0\]\.value: -0\.5 is below 0/),
    ]);
  });

  it("allows a figure outside the unit's range when the indicator sets its own range", () => {
    expect(
      problemsOf((r) => {
        asPercent(r);
        replaceIn(r, KPI, '"better": "lower",', '"better": "lower", "range": { "min": -100, "max": 500 },');
        replaceIn(r, KPI, '"value": 29', '"value": 250');
        replaceIn(r, KPI, '"value": 27', '"value": -20');
      }),
    ).toEqual([]);
  });

  it("refuses a count that is not a whole number", () => {
    expect(
      problemsOf((r) => {
        replaceIn(r, KPI, '"unit": "weeks"', '"unit": "count"');
        replaceIn(r, KPI, '"value": 29', '"value": 2.5');
      }),
    ).toEqual([
      expect.stringMatching(
        /^data\/kpis\/waits\.json:19 — series\[0\]\.values\[0\]\.value: 2\.5 is not a whole number, and this KPI counts/,
      ),
    ]);
  });

  it.each([
    ["2020-06", []],
    [
      "2020-07",
      [
        'data/kpis/waits.json:19 — series[0].values[0].period: a figure for 2020-07, which has not begun (today is 2020-06-15). Check the period; a forecast is marked "projected": true',
      ],
    ],
  ])("a figure for %s, built on 15 June 2020", (at, expected) => {
    expect(problemsOf((r) => replaceIn(r, KPI, '"period": "2019-10"', `"period": "${at}"`))).toEqual(expected);
  });

  it.each([
    ["2020-06", []],
    [
      "2020-07",
      [
        "data/kpis/waits.json:13 — comparators[0].values[0].period: a comparator figure for 2020-07, which has not begun (today is 2020-06-15). Check the period against the paper",
      ],
    ],
  ])("a comparator figure for %s, built on 15 June 2020", (at, expected) => {
    const comparator = `"comparators": [{ "id": "national", "label": "England average", "values": [{ "period": "${at}", "value": 20 }] }],`;
    expect(problemsOf((r) => replaceIn(r, KPI, '"series": [', `${comparator}\n  "series": [`))).toEqual(expected);
  });

  it("accepts a future figure marked projected", () => {
    expect(
      problemsOf((r) =>
        replaceIn(
          r,
          KPI,
          '{ "period": "2019-10", "value": 29 }',
          '{ "period": "2021-01", "value": 20, "projected": true }',
        ),
      ),
    ).toEqual([]);
  });

  it("refuses a figure both projected and provisional", () => {
    expect(
      problemsOf((r) => replaceIn(r, KPI, '"provisional": true', '"provisional": true, "projected": true')),
    ).toEqual([
      expect.stringMatching(
        /^data\/kpis\/waits\.json:\d+ — series\[0\]\.values\[2\]\.projected: a figure is either projected/,
      ),
    ]);
  });

  it.each([
    ["2020-06-15", []],
    [
      "2020-06-16",
      [
        'content/reports/progress/v1.md:4 — published: published 2020-06-16, after today (2020-06-15). Check the date, or keep the version as status: "draft" until it is published',
      ],
    ],
  ])("a report published on %s", (day, expected) => {
    expect(problemsOf((r) => replaceIn(r, V1, "published: 2019-12-10", `published: ${day}`))).toEqual(expected);
  });

  it("refuses a meeting marked held on a future date", () => {
    expect(problemsOf((r) => replaceIn(r, MEETING, "date: 2019-12-10", "date: 2020-07-01"))).toEqual([
      'content/meetings/board-2019-12-10.md:6 — status: marked held, but its date 2020-07-01 is after today (2020-06-15). Use status: "scheduled" until the meeting has taken place',
    ]);
  });

  it("accepts a scheduled meeting on a future date", () => {
    expect(
      problemsOf((r) => {
        replaceIn(r, MEETING, "date: 2019-12-10", "date: 2020-07-01");
        replaceIn(r, MEETING, "status: held", "status: scheduled");
      }),
    ).toEqual([]);
  });
});

describe("references the verdict model adds", () => {
  it("refuses a 'continues' that names no KPI, suggesting the nearest", () => {
    expect(
      problemsOf((r) => replaceIn(r, KPI, '"better": "lower",', '"better": "lower", "continues": "wait",')),
    ).toEqual(['data/kpis/waits.json:7 — continues: no KPI "wait" exists. Did you mean "waits"?']);
  });

  it("refuses a history that goes round in a circle", () => {
    expect(
      problemsOf((r) => replaceIn(r, KPI, '"better": "lower",', '"better": "lower", "continues": "waits",')),
    ).toEqual([
      "data/kpis/waits.json:7 — continues: the history goes round in a circle: waits → waits. Each indicator continues an older one; the oldest continues none",
    ]);
  });

  it("refuses a paper's verdict that cites a report version that does not exist", () => {
    expect(
      problemsOf((r) =>
        replaceIn(
          r,
          KPI,
          '"series": [',
          '"judgements": [{ "report": "progress/v9", "verdict": "on-track", "quote": "On track." }],\n  "series": [',
        ),
      ),
    ).toEqual([
      'data/kpis/waits.json:13 — judgements[0].report: report "progress" has no version 9. It has versions 1, 2',
    ]);
  });

  it("refuses an area with no actions unless it says why", () => {
    expect(
      problemsOf((r) =>
        replaceIn(r, "content/plans/example-plan.md", / {4}actions:\n(?: {6}.*\n| {8}.*\n)+/, "    actions: []\n"),
      ),
    ).toEqual([
      expect.stringMatching(
        /^content\/plans\/example-plan\.md:\d+ — areas\[0\]\.actionsNote: an area with no actions needs actionsNote/,
      ),
    ]);
  });
});

describe("a follow-up's citation of where it is reported", () => {
  const cite = (meeting: string, item: string) =>
    `        status: open\n        cites:\n          meeting: ${meeting}\n          item: "${item}"\n`;
  it("accepts a meeting and agenda item that exist", () => {
    expect(problemsOf((r) => replaceIn(r, MEETING, "        status: open\n", cite("board-2019-12-10", "1")))).toEqual(
      [],
    );
  });
  it("refuses an agenda item the meeting does not have, listing those it has", () => {
    expect(problemsOf((r) => replaceIn(r, MEETING, "        status: open\n", cite("board-2019-12-10", "12")))).toEqual([
      expect.stringMatching(
        /^content\/meetings\/board-2019-12-10\.md:\d+ — decisions\[0\]\.followUps\[0\]\.cites\.item: meeting "board-2019-12-10" has no agenda item "12"\. Use one of 1$/,
      ),
    ]);
  });
  it("refuses a meeting that does not exist, suggesting the nearest", () => {
    expect(problemsOf((r) => replaceIn(r, MEETING, "        status: open\n", cite("board-2019-12-01", "1")))).toEqual([
      expect.stringMatching(
        /cites\.meeting: no meeting "board-2019-12-01" exists\. Did you mean "board-2019-12-10"\?$/,
      ),
    ]);
  });
});
