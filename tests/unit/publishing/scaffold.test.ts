import { describe, expect, it } from "vitest";
import { nextVersionFile, slugProblem, titleFromSlug, versionStatus } from "../../../tools/officer/scaffold.ts";

describe("slugProblem", () => {
  it("accepts lower-case words joined by hyphens", () => {
    expect(slugProblem("send-progress-report-2024")).toBeUndefined();
  });
  it("refuses capitals, spaces and doubled hyphens, suggesting a name that works", () => {
    expect(["Q1 Report", "q1--report", "-q1"].map((s) => slugProblem(s)?.fix)).toEqual([
      "Use q1-report",
      "Use q1-report",
      "Use q1",
    ]);
  });
});

describe("titleFromSlug", () => {
  it("turns the name into a sentence-case title", () => {
    expect(titleFromSlug("send-progress-report-2024")).toBe("Send progress report 2024");
  });
});

describe("nextVersionFile", () => {
  it("turns a withdrawn version into a draft without its withdrawal reason", () => {
    const next = nextVersionFile(
      "---\ntitle: T\nsummary: S\npublished: 2020-01-01\nstatus: withdrawn\nwithdrawnReason: Wrong figures.\n---\nBody\n",
      { from: 1, published: "2020-02-01" },
    );
    expect(next).toBe(
      '---\ntitle: T\nsummary: S\npublished: 2020-02-01\nstatus: draft\nchanges: "" # Required: say in a sentence what changed since v1. The check fails until you do.\n---\nBody\n',
    );
    expect(versionStatus(next!)).toBe("draft");
  });
  it("gives nothing for a file without front matter", () => {
    expect(nextVersionFile("## Body only\n", { from: 1, published: "2020-02-01" })).toBeUndefined();
  });
});
