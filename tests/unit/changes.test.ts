import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  allChanges,
  changesByMeeting,
  changesSinceLastMeeting,
  followUpsToDo,
  groupFigures,
  recentChanges,
  type Change,
} from "../../src/lib/changes.ts";
import { loadPortal } from "../../src/lib/content/load.ts";
import { feedRoutes } from "../../src/lib/feed-routes.ts";
import { atomFeed } from "../../src/lib/feed.ts";
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
      "status:waits/2019-12",
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
      meeting: "board-2019-12-10",
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
      detail: "The first figure of this series.",
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
      detail: "Was 31 weeks; now 29 weeks.",
      compared: { previous: 31, previousPeriod: "2019-10", movement: "down" },
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
        "status:waits/2019-12",
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

/** The plain fixture, changed by `edit`. */
function loadWith(edit: (root: string) => void): Portal {
  return withFixture(edit, (root) => {
    const result = loadPortal(root);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return result.portal;
  });
}

const change = (p: Portal, id: string): Change | undefined => allChanges(p).find((c) => c.id === id);
const setBetter = (better: string) => (root: string) =>
  replaceIn(root, "data/kpis/waits.json", '"better": "lower"', `"better": "${better}"`);

describe("a new figure beside the figure before it", () => {
  const plain = loadWith(() => {});

  it("gives the previous measured figure of the series (over a gap), which way it moved, and better for a fall where lower is better", () =>
    expect(change(plain, "value:waits/all/2019-12")).toMatchObject({
      compared: { previous: 29, previousPeriod: "2019-10", movement: "down", direction: "improving" },
      detail: "Down from 29 weeks for October 2019, better.",
    }));

  it("says worse for the same fall where higher is better", () =>
    expect(change(loadWith(setBetter("higher")), "value:waits/all/2019-12")?.detail).toBe(
      "Down from 29 weeks for October 2019, worse.",
    ));

  it.each(["unstated", "neither"])("claims neither better nor worse where the better direction is %s", (better) =>
    expect(change(loadWith(setBetter(better)), "value:waits/all/2019-12")).toMatchObject({
      compared: { movement: "down", direction: "down" },
      detail: "Down from 29 weeks for October 2019.",
    }),
  );

  it("says a rise is up", () => {
    const p = loadWith((root) =>
      replaceIn(root, "data/kpis/waits.json", '"value": 27, "provisional": true', '"value": 33'),
    );
    expect(change(p, "value:waits/all/2019-12")?.detail).toBe("Up from 29 weeks for October 2019, worse.");
  });

  it("does not compare across a change in how the figure is measured", () => {
    const p = loadWith((root) =>
      replaceIn(
        root,
        "data/kpis/waits.json",
        '"series": [',
        '"breaks": [{ "period": "2019-12", "description": "New system." }],\n  "series": [',
      ),
    );
    expect(change(p, "value:waits/all/2019-12")?.detail).toBe(
      "Down from 29 weeks for October 2019, not comparable: the way it is measured changed.",
    );
  });

  it("says so for the first figure of a series", () =>
    expect(change(plain, "value:waits/all/2019-10")).toMatchObject({
      compared: undefined,
      detail: "The first figure of this series.",
    }));
});

describe("a status change", () => {
  it("is listed when the portal's verdict changes from one figure to the next, with both statuses and the figures' periods", () =>
    expect(
      change(
        loadWith(() => {}),
        "status:waits/2019-12",
      ),
    ).toMatchObject({
      kind: "Status changed",
      when: "2019-12",
      status: { from: "no-target", to: "missed" },
      title: "KPI 1/1 Waiting time for speech and language therapy: Target missed with the figure for December 2019",
      detail: "Was no target for this period with the figure for October 2019.",
      href: "/kpis/waits/#status",
    }));

  it("is not listed when the verdict stays the same", () => {
    // With the target due from October 2019, both figures miss it.
    const p = loadWith((root) =>
      replaceIn(root, "data/kpis/waits.json", '"period": "2019-12", "label"', '"period": "2019-10", "label"'),
    );
    expect(allChanges(p).filter((c) => c.kind === "Status changed")).toEqual([]);
  });

  it("is not listed for a measure given for context, which has no verdict to change", () =>
    expect(allChanges(loadWith(setBetter("neither"))).filter((c) => c.kind === "Status changed")).toEqual([]));
});

describe("report versions in the meeting windows", () => {
  const p = loadWith((root) => {
    writeFileSync(
      join(root, "content/meetings/board-2020-03-10.md"),
      "---\ncommittee: example-board\ndate: 2020-03-10\nstatus: held\n---\n",
    );
    for (const [slug, published, meeting] of [
      ["march", "2020-03", "board-2020-03-10"],
      ["later", "2020-07-01", "board-2020-03-10"],
    ] as const) {
      mkdirSync(join(root, "content/reports", slug));
      writeFileSync(
        join(root, "content/reports", slug, "v1.md"),
        `---\ntitle: Report ${slug}\nsummary: S.\npublished: ${published}\nstatus: published\nmeeting: ${meeting}\nplan: example-plan\n---\n## Summary\n\nText.\n`,
      );
    }
  });
  const windows = changesByMeeting(p);

  it("counts a version published in the month of the meeting it was presented to by that meeting, though the month ends after it", () =>
    expect(windows.find((w) => ids(w.changes).includes("report:march/v1"))?.meeting.slug).toBe("board-2020-03-10"));

  it("lists a later version of a report in the window it was published in", () =>
    expect(windows.find((w) => ids(w.changes).includes("report:progress/v2"))?.meeting.slug).toBe("board-2020-03-10"));

  it("keeps what was published after the newest meeting, so nothing is left out", () => {
    expect(ids(changesSinceLastMeeting(p).changes)).toEqual(["report:later/v1"]);
    expect(changesSinceLastMeeting(p).since?.slug).toBe("board-2020-03-10");
    const everywhere = [...windows.flatMap((w) => ids(w.changes)), ...ids(changesSinceLastMeeting(p).changes)];
    expect(everywhere.filter((id) => id.startsWith("report:"))).toEqual(
      expect.arrayContaining(["report:march/v1", "report:later/v1", "report:progress/v1", "report:progress/v2"]),
    );
  });
});

describe("followUpsToDo", () => {
  const p = loadWith((root) =>
    replaceIn(
      root,
      "content/meetings/board-2019-12-10.md",
      "        status: open\n",
      `        status: open
      - text: Write to the schools
        status: in-progress
      - text: Publish the tracker
        due: 2020-01
        status: done
      - text: Survey the parents
        due: 2020-06
        status: open
        cites:
          meeting: board-2019-12-10
          item: "1"
`,
    ),
  );
  const panel = (today: string) =>
    followUpsToDo(p, today).map((f) => [f.followUp.text, f.overdue, f.decision.id, f.set, f.citation?.href]);

  it("lists every open or in-progress follow-up, none overdue before its due month ends", () =>
    expect(panel("2020-03-31")).toEqual([
      ["Bring an update to the next meeting", false, "board-2019-12-10-1", "2019-12-10", undefined],
      ["Survey the parents", false, "board-2019-12-10-1", "2019-12-10", "/meetings/board-2019-12-10/#item-1"],
      ["Write to the schools", false, "board-2019-12-10-1", "2019-12-10", undefined],
    ]));

  it("marks one overdue the day after its due month ends, and puts it first", () =>
    expect(panel("2020-04-01").map(([text, overdue]) => [text, overdue])).toEqual([
      ["Bring an update to the next meeting", true],
      ["Survey the parents", false],
      ["Write to the schools", false],
    ]));

  it("orders them by due date, those with none last", () =>
    expect(panel("2020-07-01").map(([text, overdue]) => [text, overdue])).toEqual([
      ["Bring an update to the next meeting", true],
      ["Survey the parents", true],
      ["Write to the schools", false],
    ]));
});

describe("feedRoutes", () => {
  it.each(["plans", "committees", "kpis"] as const)(
    "gives each %s feed every change about it, newest first",
    (scope) => {
      for (const route of feedRoutes(portal, scope))
        expect(ids(route.changes)).toEqual(ids(allChanges(portal).filter((c) => c.about[scope].includes(route.slug))));
    },
  );

  it("groups the changes once per portal: every call hands out the same lists", () =>
    expect(feedRoutes(portal, "kpis")[0]!.changes).toBe(feedRoutes(portal, "kpis")[0]!.changes));
});

describe("what changed in the sample content", () => {
  const sample = loadPortal(join(import.meta.dirname, "../.."));
  const p = sample.ok ? sample.portal : undefined;

  it("lists every published report version in the window of a meeting or after the newest one", () => {
    const listed = new Set([
      ...changesByMeeting(p!).flatMap((w) => ids(w.changes)),
      ...ids(changesSinceLastMeeting(p!).changes),
    ]);
    const versions = allChanges(p!).filter((c) => c.id.startsWith("report:"));
    expect(versions.length).toBeGreaterThan(0);
    expect(versions.filter((c) => !listed.has(c.id)).map((c) => c.id)).toEqual([]);
  });

  it("puts the three reports presented on 28 November 2023 in that meeting's window", () =>
    expect(
      ids(changesByMeeting(p!).find((w) => w.meeting.slug === "osc-childrens-2023-11-28")!.changes).filter((id) =>
        id.startsWith("report:"),
      ),
    ).toEqual([
      "report:cabinet-member-reports-november-2023/v1",
      "report:education-scorecard-2023/v1",
      "report:send-joint-commissioning-plan-2023/v1",
    ]));
});

describe("the feed", () => {
  it("gives a figure's entry what it changed from, as its summary", () => {
    const xml = atomFeed({ portal, changes: allChanges(portal), base: undefined, path: "/feed.xml", title: "T" });
    const entry = xml.split("<entry>").find((e) => e.includes("value:waits/all/2019-12"));
    expect(entry).toContain("<summary>Down from 29 weeks for October 2019, better.</summary>");
  });
});
