import { describe, expect, it } from "vitest";
import { loadPortal } from "../../src/lib/content/load.ts";
import { statusChanges, textChanges } from "../../src/lib/version-diff.ts";
import { changesByMeeting, allChanges, groupFigures } from "../../src/lib/changes.ts";
import { actionHistory, currentVersion, visibleVersions } from "../../src/lib/queries.ts";
import { FIXTURE } from "../helpers/content-root.ts";

const result = loadPortal(FIXTURE);
if (!result.ok) throw new Error("fixture must load");
const portal = result.portal;
const progress = portal.reports.find((r) => r.slug === "progress")!;
const [v1, v2] = progress.versions as [(typeof progress.versions)[0], (typeof progress.versions)[0]];

describe("textChanges", () => {
  it("lists a changed paragraph as removed then added", () => {
    expect(textChanges(v1.body, v2.body)).toEqual([
      { kind: "removed", text: "Waits are falling." },
      { kind: "added", text: "Waits are falling as planned." },
    ]);
  });
  it("is empty when the text is the same", () => {
    expect(textChanges("A\n\nB", "A\n\nB")).toEqual([]);
  });
});

describe("statusChanges", () => {
  it("reports an action whose status changed between versions", () => {
    expect(statusChanges(v1, v2)).toEqual([{ action: "example-plan/1-1", before: "at-risk", after: "on-track" }]);
  });
});

describe("report versions", () => {
  it("never shows a draft in a production build", () => {
    const draft = { ...progress, versions: [v1, { ...v2, data: { ...v2.data, status: "draft" as const } }] };
    expect(visibleVersions(draft, false).map((v) => v.n)).toEqual([1]);
    expect(currentVersion(draft, false)?.n).toBe(1);
  });
  it("shows a draft in preview", () => {
    const draft = { ...progress, versions: [v1, { ...v2, data: { ...v2.data, status: "draft" as const } }] };
    expect(currentVersion(draft, true)?.n).toBe(2);
  });
  it("takes an action's current status from the current version of each report", () => {
    expect(actionHistory(portal, "example-plan/1-1").map((h) => h.status)).toEqual(["on-track"]);
  });
});

describe("changes", () => {
  it("puts a decision in the window of the meeting that made it", () => {
    const [window] = changesByMeeting(portal);
    expect(window!.changes.map((c) => c.id)).toContain("decision:board-2019-12-10-1");
  });
  it("tags a figure with its indicator and the plans it measures", () => {
    const figure = allChanges(portal).find((c) => c.id === "value:waits/all/2019-12")!;
    expect(figure.about).toEqual({ plans: ["example-plan"], committees: [], kpis: ["waits"] });
  });
  it("gives one line per indicator for its new figures", () => {
    const figures = groupFigures(allChanges(portal)).filter((c) => c.kind === "New figure");
    expect(figures.map((c) => c.title)).toEqual([
      "2 new figures. Newest: KPI 1/1 Waiting time for speech and language therapy: 27 weeks for December 2019",
    ]);
  });
  it("never lists a missing value as a new figure", () => {
    expect(allChanges(portal).some((c) => c.id === "value:waits/all/2019-11")).toBe(false);
  });
});
