import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { allChanges, changesByMeeting, groupFigures, recentChanges, type Change } from "../../src/lib/changes.ts";
import { loadPortal } from "../../src/lib/content/load.ts";
import type { Portal } from "../../src/lib/content/model.ts";
import { replaceIn, withFixture } from "../helpers/content-root.ts";

const LONG =
  "That the board asks the Head of therapies to report on waiting times for every locality, with the number of children waiting longer than eighteen weeks.";

/** The fixture plus a second series with a correction, a later meeting with a long decision, and one not yet held. */
function loadRicherFixture(): Portal {
  return withFixture(
    (root) => {
      replaceIn(
        root,
        "data/kpis/waits.json",
        '{ "period": "2019-10", "value": 29 }',
        '{ "period": "2019-10", "value": 29, "revisions": [{ "value": 31, "revised": "2019-12-15", "reason": "Late returns added." }] }',
      );
      replaceIn(
        root,
        "data/kpis/waits.json",
        /\n {4}\}\n {2}\]/,
        `
    },
    {
      "id": "ehcp",
      "label": "Children with an EHCP",
      "frequency": "quarterly",
      "values": [{ "period": "2020-Q1", "value": 33, "asAt": "2020-02-14" }]
    }
  ]`,
      );
      writeFileSync(
        join(root, "content/meetings/board-2020-03-10.md"),
        `---
committee: example-board
date: 2020-03-10
status: held
decisions:
  - id: board-2020-03-10-4
    ref: Minute 4
    kind: resolved
    text: ${LONG}
    actions: [example-plan/1-1]
---
`,
      );
      writeFileSync(
        join(root, "content/meetings/board-2020-06-09.md"),
        "---\ncommittee: example-board\ndate: 2020-06-09\nstatus: scheduled\n---\n",
      );
    },
    (root) => {
      const result = loadPortal(root);
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      return result.portal;
    },
  );
}

const portal = loadRicherFixture();
const ids = (changes: readonly Change[]) => changes.map((c) => c.id);

describe("allChanges", () => {
  it("lists every change newest first, ties in id order", () =>
    expect(ids(allChanges(portal))).toEqual([
      "decision:board-2020-03-10-4",
      "meeting:board-2020-03-10",
      "value:waits/ehcp/2020-Q1",
      "value:waits/all/2019-12",
      "report:progress/v2",
      "revision:waits/all/2019-10/2019-12-15",
      "decision:board-2019-12-10-1",
      "meeting:board-2019-12-10",
      "report:progress/v1",
      "value:waits/all/2019-10",
    ]));

  it("works the changes out once per portal", () => expect(allChanges(portal)).toBe(allChanges(portal)));

  it("describes a first version as a new report, linked to that version", () =>
    expect(allChanges(portal).find((c) => c.id === "report:progress/v1")).toEqual({
      about: { plans: ["example-plan"], committees: ["example-board"], kpis: ["waits"] },
      when: "2019-12-10",
      kind: "New report",
      title: "Progress report",
      href: "/reports/progress/v1/",
      id: "report:progress/v1",
    }));

  it("describes a later version as an update, with its number and what changed", () =>
    expect(allChanges(portal).find((c) => c.id === "report:progress/v2")).toMatchObject({
      when: "2019-12-20",
      kind: "Report updated",
      title: "Progress report (version 2): Corrected the status of action 1.1.",
      href: "/reports/progress/v2/",
    }));

  it("says a held meeting met, under its committee", () =>
    expect(allChanges(portal).find((c) => c.id === "meeting:board-2020-03-10")).toEqual({
      about: { plans: [], committees: ["example-board"], kpis: [] },
      when: "2020-03-10",
      kind: "Meeting",
      title: "Example Improvement Board met",
      href: "/meetings/board-2020-03-10/",
      id: "meeting:board-2020-03-10",
    }));

  it("leaves out a meeting not yet held", () =>
    expect(ids(allChanges(portal)).filter((id) => id.includes("2020-06-09"))).toEqual([]));

  it("cuts a decision's text longer than 120 characters to 117 and an ellipsis", () =>
    expect(allChanges(portal).find((c) => c.id === "decision:board-2020-03-10-4")).toEqual({
      about: { plans: ["example-plan"], committees: ["example-board"], kpis: [] },
      when: "2020-03-10",
      kind: "Decision",
      title: `Minute 4: ${LONG.slice(0, 117)}…`,
      href: "/decisions/board-2020-03-10-4/",
      id: "decision:board-2020-03-10-4",
    }));

  it("keeps a decision's text of 120 characters or fewer whole", () =>
    expect(allChanges(portal).find((c) => c.id === "decision:board-2019-12-10-1")?.title).toBe(
      "Minute 1: That the progress report be noted and an update be brought to the next meeting.",
    ));

  it("names the series of a figure when the indicator has several, and dates it by its as-at day", () =>
    expect(allChanges(portal).find((c) => c.id === "value:waits/ehcp/2020-Q1")).toEqual({
      about: { plans: ["example-plan"], committees: [], kpis: ["waits"] },
      when: "2020-02-14",
      kind: "New figure",
      title:
        "KPI 1/1 Waiting time for speech and language therapy (Children with an EHCP): 33 weeks for January to March 2020",
      href: "/kpis/waits/",
      id: "value:waits/ehcp/2020-Q1",
    }));

  it("dates a figure without an as-at day by its period", () =>
    expect(allChanges(portal).find((c) => c.id === "value:waits/all/2019-10")?.when).toBe("2019-10"));

  it("lists a correction on the day it was made, with its reason, linked to the corrections", () =>
    expect(allChanges(portal).find((c) => c.id === "revision:waits/all/2019-10/2019-12-15")).toEqual({
      about: { plans: ["example-plan"], committees: [], kpis: ["waits"] },
      when: "2019-12-15",
      kind: "Correction",
      title: "KPI 1/1 Waiting time for speech and language therapy: October 2019 corrected. Late returns added.",
      href: "/kpis/waits/#corrections",
      id: "revision:waits/all/2019-10/2019-12-15",
    }));

  it("never lists a missing value as a new figure", () =>
    expect(ids(allChanges(portal)).filter((id) => id.startsWith("value:waits/all/2019-11"))).toEqual([]));
});

describe("recentChanges", () => {
  it("gives the latest changes other than new figures, up to the number asked", () =>
    expect(ids(recentChanges(portal, 3))).toEqual([
      "decision:board-2020-03-10-4",
      "meeting:board-2020-03-10",
      "report:progress/v2",
    ]));
});

describe("changesByMeeting", () => {
  const windows = changesByMeeting(portal);

  it("gives one window per meeting, newest first, each since the meeting before", () =>
    expect(windows.map((w) => [w.meeting, w.since])).toEqual([
      [
        { slug: "board-2020-06-09", title: "Example Improvement Board", date: "2020-06-09" },
        { slug: "board-2020-03-10", title: "Example Improvement Board", date: "2020-03-10" },
      ],
      [
        { slug: "board-2020-03-10", title: "Example Improvement Board", date: "2020-03-10" },
        { slug: "board-2019-12-10", title: "Example Improvement Board", date: "2019-12-10" },
      ],
      [{ slug: "board-2019-12-10", title: "Example Improvement Board", date: "2019-12-10" }, undefined],
    ]));

  it("puts each change in the window of the first meeting on or after it, newest first, figures grouped", () =>
    expect(windows.map((w) => ids(w.changes))).toEqual([
      [],
      [
        "decision:board-2020-03-10-4",
        "meeting:board-2020-03-10",
        "value:waits/ehcp/2020-Q1+1",
        "report:progress/v2",
        "revision:waits/all/2019-10/2019-12-15",
      ],
      ["decision:board-2019-12-10-1", "meeting:board-2019-12-10", "report:progress/v1", "value:waits/all/2019-10"],
    ]));

  it("counts a change on the day of a meeting in that meeting's window", () =>
    expect(ids(windows[2]!.changes)).toContain("meeting:board-2019-12-10"));
});

describe("groupFigures", () => {
  const figure = (id: string, href: string): Change => ({
    about: { plans: [], committees: [], kpis: [] },
    when: "2020-01",
    kind: "New figure",
    title: `figure ${id}`,
    href,
    id,
  });
  const meeting: Change = { ...figure("m", "/meetings/m/"), kind: "Meeting", title: "met" };

  it("puts an indicator's figures on one line where the newest stood, counting them", () =>
    expect(
      groupFigures([figure("a3", "/kpis/a/"), meeting, figure("a2", "/kpis/a/"), figure("a1", "/kpis/a/")]),
    ).toEqual([{ ...figure("a3", "/kpis/a/"), title: "3 new figures. Newest: figure a3", id: "a3+2" }, meeting]));

  it("leaves a lone figure as it is", () =>
    expect(groupFigures([figure("b1", "/kpis/b/")])).toEqual([figure("b1", "/kpis/b/")]));

  it("keeps each indicator's figures apart", () =>
    expect(ids(groupFigures([figure("a2", "/kpis/a/"), figure("b1", "/kpis/b/"), figure("a1", "/kpis/a/")]))).toEqual([
      "a2+1",
      "b1",
    ]));

  it("keeps every change that is not a figure, in order", () =>
    expect(groupFigures([meeting, { ...meeting, id: "n" }])).toEqual([meeting, { ...meeting, id: "n" }]));
});
