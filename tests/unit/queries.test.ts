import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPortal } from "../../src/lib/content/load.ts";
import type { DecisionEntry, Portal } from "../../src/lib/content/model.ts";
import {
  findVersion,
  followUpCounts,
  followUpState,
  followUpSummary,
  isOpenFollowUp,
  isOverdue,
  isUpcoming,
  kpiUpdated,
  meetingsNewestFirst,
  nextMeeting,
  openFollowUps,
  overdueFollowUps,
  reportLink,
  siteUpdated,
} from "../../src/lib/queries.ts";
import { dueWords } from "../../src/lib/plans.ts";
import { replaceIn, withFixture } from "../helpers/content-root.ts";

/** The fixture (one meeting held on 10 December 2019) plus meetings scheduled for 10 March and 9 June 2020. */
const portal: Portal = withFixture(
  (root) => {
    for (const date of ["2020-03-10", "2020-06-09"])
      writeFileSync(
        join(root, `content/meetings/board-${date}.md`),
        `---\ncommittee: example-board\ndate: ${date}\nstatus: scheduled\n---\n`,
      );
    replaceIn(
      root,
      "data/kpis/waits.json",
      '{ "period": "2019-10", "value": 29 }',
      '{ "period": "2019-10", "value": 29, "revisions": [{ "value": 31, "revised": "2020-01-15", "reason": "Late returns added." }] }',
    );
  },
  (root) => {
    const result = loadPortal(root);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return result.portal;
  },
);
const meeting = (slug: string) => portal.meetings.find((m) => m.slug === slug)!;

describe("nextMeeting", () => {
  it("is the earliest scheduled meeting still to come", () =>
    expect(nextMeeting(portal, "2020-01-01")?.slug).toBe("board-2020-03-10"));
  it("is a meeting on the day itself", () => expect(nextMeeting(portal, "2020-03-10")?.slug).toBe("board-2020-03-10"));
  it("moves on the day after a meeting", () =>
    expect(nextMeeting(portal, "2020-03-11")?.slug).toBe("board-2020-06-09"));
  it("is none when every scheduled meeting has passed", () =>
    expect(nextMeeting(portal, "2020-06-10")).toBeUndefined());
  it("never is a meeting already held, even on its day", () =>
    expect(nextMeeting(portal, "2019-12-10")?.slug).toBe("board-2020-03-10"));
});

describe("isUpcoming and isOverdue", () => {
  it("a scheduled meeting is upcoming up to and including its day", () => {
    expect(isUpcoming(meeting("board-2020-03-10"), "2020-03-10")).toBe(true);
    expect(isOverdue(meeting("board-2020-03-10"), "2020-03-10")).toBe(false);
  });
  it("a scheduled meeting is overdue from the day after, with no record of it", () => {
    expect(isUpcoming(meeting("board-2020-03-10"), "2020-03-11")).toBe(false);
    expect(isOverdue(meeting("board-2020-03-10"), "2020-03-11")).toBe(true);
  });
  it("a held meeting is neither upcoming nor overdue", () => {
    expect(isUpcoming(meeting("board-2019-12-10"), "2019-12-01")).toBe(false);
    expect(isOverdue(meeting("board-2019-12-10"), "2020-01-01")).toBe(false);
  });
  it("orders meetings newest first", () =>
    expect(meetingsNewestFirst(portal).map((m) => m.slug)).toEqual([
      "board-2020-06-09",
      "board-2020-03-10",
      "board-2019-12-10",
    ]));
});

describe("follow-ups", () => {
  const decision = (
    statuses: readonly {
      status: "open" | "in-progress" | "done" | "dropped" | "unknown";
      due?: string;
      cites?: { meeting: string; item?: string };
    }[],
  ): DecisionEntry => ({
    ...portal.decisions[0]!,
    followUps: statuses.map((s, i) => ({ text: `Follow-up ${i + 1}`, ...s })),
  });

  it.each([
    ["open", true],
    ["in-progress", true],
    ["done", false],
    ["dropped", false],
  ] as const)("a follow-up that is %s is open: %s", (status, open) =>
    expect(isOpenFollowUp({ text: "Report back", status })).toBe(open),
  );

  it("lists a decision's open follow-ups, in order", () =>
    expect(
      openFollowUps(decision([{ status: "done" }, { status: "in-progress" }, { status: "open" }])).map((f) => f.text),
    ).toEqual(["Follow-up 2", "Follow-up 3"]));

  it("counts an open follow-up as overdue from the day after its due period ends", () => {
    const d = decision([{ status: "open", due: "2020-03" }]);
    expect(overdueFollowUps(portal, d, "2020-03-31")).toEqual([]);
    expect(overdueFollowUps(portal, d, "2020-04-01").map((f) => f.text)).toEqual(["Follow-up 1"]);
  });

  it("never counts a follow-up as overdue when it is done or has no due date", () =>
    expect(
      overdueFollowUps(portal, decision([{ status: "done", due: "2019-01" }, { status: "open" }]), "2030-01-01"),
    ).toEqual([]));

  it("does not count a follow-up as overdue when the papers show its work on the agenda of a meeting by its due date", () => {
    const tabled = decision([
      { status: "in-progress", due: "2020-03-10", cites: { meeting: "board-2020-03-10", item: "9" } },
    ]);
    expect(overdueFollowUps(portal, tabled, "2020-04-01")).toEqual([]);
    const late = decision([
      { status: "in-progress", due: "2020-02-01", cites: { meeting: "board-2020-03-10", item: "9" } },
    ]);
    expect(overdueFollowUps(portal, late, "2020-04-01").map((f) => f.text)).toEqual(["Follow-up 1"]);
    const sameMeeting = decision([
      { status: "in-progress", due: "2020-02-01", cites: { meeting: "board-2019-12-10", item: "1" } },
    ]);
    expect(overdueFollowUps(portal, sameMeeting, "2020-04-01").map((f) => f.text)).toEqual(["Follow-up 1"]);
  });

  it.each([
    [[{ status: "done" }], "Follow-up done", "done"],
    [[{ status: "done" }, { status: "done" }], "Follow-ups done", "done"],
    [[{ status: "unknown" }], "Follow-up not known (the papers do not say)", "unknown"],
    [[{ status: "done" }, { status: "unknown" }], "1 not known (the papers do not say), 1 done", "unknown"],
    [
      [{ status: "open", due: "2020-01" }, { status: "unknown" }],
      "1 follow-up open, 1 past its due date, 1 not known (the papers do not say)",
      "open",
    ],
    [[{ status: "done" }, { status: "dropped" }], "Follow-ups done or dropped", "done"],
  ] as const)("sums up %j as %j, filed under %s", (statuses, words, state) => {
    const counts = followUpCounts(portal, decision(statuses), "2020-04-01");
    expect(followUpSummary(counts)).toBe(words);
    expect(followUpState(counts)).toBe(state);
  });

  it("never calls a follow-up the papers say nothing of done", () => {
    const counts = followUpCounts(portal, decision([{ status: "unknown" }, { status: "unknown" }]), "2020-04-01");
    expect(followUpSummary(counts)).not.toMatch(/done/);
    expect(followUpState(counts)).toBe("unknown");
  });

  it("finds the fixture's open follow-up, due March 2020, overdue in April", () =>
    expect(overdueFollowUps(portal, portal.decisions[0]!, "2020-04-01").map((f) => f.text)).toEqual([
      "Bring an update to the next meeting",
    ]));
});

describe("staleness", () => {
  it("dates an indicator by its latest figure or correction, whichever is later", () =>
    expect(kpiUpdated(portal.kpis[0]!.data)).toBe("2020-01-15"));

  it("dates an indicator by its latest figure, never by a missing one", () =>
    expect(
      kpiUpdated({
        ...portal.kpis[0]!.data,
        series: portal.kpis[0]!.data.series.map((s) => ({
          ...s,
          values: s.values.map(({ revisions: _, ...v }) => v),
        })),
      }),
    ).toBe("2019-12"));

  it("dates the site by its latest report version or held meeting, not by meetings still to come", () =>
    expect(siteUpdated(portal)).toBe("2019-12-20"));
});

describe("a reference to a report", () => {
  it("links to the report, or to the version it names, titled as the report reads now", () => {
    expect(reportLink(portal, "progress")).toEqual({ href: "/reports/progress/", title: "Progress report" });
    expect(reportLink(portal, "progress/v1")).toEqual({
      href: "/reports/progress/v1/",
      title: "Progress report (version 1)",
    });
  });

  it("finds the version it names, or the current one for a bare slug, and nothing for a report that is not there", () => {
    expect(findVersion(portal, "progress/v1")?.n).toBe(1);
    expect(findVersion(portal, "progress")?.n).toBe(2);
    expect(findVersion(portal, "progress/v9")).toBeUndefined();
    expect(findVersion(portal, "elsewhere/v1")).toBeUndefined();
  });
});

describe("when an action is due", () => {
  it("keeps the plan's own words beside the period, so a date is never shorter than printed", () => {
    expect(dueWords({ due: "2023-06", dueAsPrinted: "Action Plan developed June 2023 with reporting in year" })).toBe(
      "June 2023 (printed as “Action Plan developed June 2023 with reporting in year”)",
    );
    expect(dueWords({ due: "2023-06" })).toBe("June 2023");
    expect(dueWords({ dueAsPrinted: "Ongoing" })).toBe("Ongoing");
    expect(dueWords({})).toBeUndefined();
  });
});
