/** The decisions log a page per year (src/lib/views/decisions.ts). */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPortal } from "../../src/lib/content/load.ts";
import { decisionsLog, LATEST_DECISIONS } from "../../src/lib/views/decisions.ts";
import { withFixture } from "../helpers/content-root.ts";

const meeting = (date: string, ids: string[]) =>
  `---\ncommittee: example-board\ndate: ${date}\nstatus: held\ndecisions:\n${ids.map((id, i) => `  - id: ${id}\n    ref: Minute ${i + 1}\n    kind: noted\n    text: Noted.\n`).join("")}---\n`;

/** The fixture with meetings added in other years. */
function logWith(meetings: Record<string, string[]>) {
  return withFixture(
    (root) => {
      for (const [date, ids] of Object.entries(meetings))
        writeFileSync(join(root, `content/meetings/board-${date}.md`), meeting(date, ids));
    },
    (root) => {
      const result = loadPortal(root);
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      return decisionsLog(result.portal, "2023-12-01");
    },
  );
}

describe("the decisions log", () => {
  it("puts each decision on the page of its meeting's year, years newest first, decisions newest first", () => {
    const log = logWith({
      "2021-01-12": ["b-2021-1", "b-2021-2"],
      "2021-06-08": ["b-2021-3"],
      "2020-03-10": ["b-2020-1"],
    });
    expect(log.years.map((y) => [y.year, y.rows.map((r) => r.d.id)])).toEqual([
      ["2021", ["b-2021-3", "b-2021-1", "b-2021-2"]],
      ["2020", ["b-2020-1"]],
      ["2019", expect.any(Array)],
    ]);
    const all = log.years.flatMap((y) => y.rows.map((r) => r.d.id));
    expect(new Set(all).size).toBe(all.length);
  });
  it(`shows the ${LATEST_DECISIONS} newest decisions on its front page, across years`, () => {
    const ids = Array.from({ length: LATEST_DECISIONS + 5 }, (_, i) => `b-2022-${i + 1}`);
    const log = logWith({ "2022-05-10": ids, "2023-01-10": ["b-2023-1"] });
    expect(log.latest).toHaveLength(LATEST_DECISIONS);
    expect(log.latest[0]!.d.id).toBe("b-2023-1");
    expect(log.latest.slice(1).every((r) => r.year === "2022")).toBe(true);
  });
});
