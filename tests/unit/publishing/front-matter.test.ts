import { describe, expect, it } from "vitest";
import {
  fieldValue,
  joinFrontMatter,
  removeField,
  setField,
  splitFrontMatter,
  yamlField,
} from "../../../tools/officer/front-matter.ts";

const REPORT = `---
title: Progress report
summary: >-
  A long summary folded over
  two lines.
# Where it was presented.
meeting: board
status: published
---
## Body
`;

describe("front matter editing", () => {
  it("gives back the file unchanged when nothing is edited", () => {
    expect(joinFrontMatter(splitFrontMatter(REPORT)!)).toBe(REPORT);
  });
  it("replaces one field and leaves folded text as it was wrapped", () => {
    const fm = setField(splitFrontMatter(REPORT)!, "status", "status: draft");
    expect(joinFrontMatter(fm)).toBe(REPORT.replace("status: published", "status: draft"));
  });
  it("keeps the comment above a field it replaces", () => {
    const fm = setField(splitFrontMatter(REPORT)!, "meeting", "meeting: cabinet");
    expect(joinFrontMatter(fm)).toContain("# Where it was presented.\nmeeting: cabinet\n");
  });
  it("adds a new field after the one named", () => {
    const fm = setField(splitFrontMatter(REPORT)!, "changes", "changes: New figures.", "summary");
    expect(joinFrontMatter(fm)).toContain("  two lines.\nchanges: New figures.\n# Where it was presented.\n");
  });
  it("removes a field with its continuation lines and its comment", () => {
    expect(joinFrontMatter(removeField(removeField(splitFrontMatter(REPORT)!, "summary"), "meeting"))).toBe(
      "---\ntitle: Progress report\nstatus: published\n---\n## Body\n",
    );
  });
  it("reads a simple field's value without quotes or comment", () => {
    const fm = splitFrontMatter('---\nstatus: "draft" # not yet\n---\n')!;
    expect(fieldValue(fm, "status")).toBe("draft");
  });
  it("quotes a value YAML would read as a number", () => {
    expect([yamlField("published", "2019"), yamlField("published", "2019-12-10")]).toEqual([
      'published: "2019"',
      "published: 2019-12-10",
    ]);
  });
  it("finds no front matter in a file without it", () => {
    expect(splitFrontMatter("## Just a body\n")).toBeUndefined();
  });
});
