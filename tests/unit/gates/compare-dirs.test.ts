import { describe, expect, it } from "vitest";
import { compareDirs, determinismProblems } from "../../../tools/gates/compare-dirs.ts";
import { formatGateProblems } from "../../../src/lib/published-problem.ts";
import { fixture } from "../../helpers/gate-fixture.ts";

describe("the determinism gate", () => {
  it("finds nothing between a folder and itself", () => {
    expect(compareDirs(fixture("good"), fixture("good"))).toEqual({ onlyInFirst: [], onlyInSecond: [], differing: [] });
  });

  it("lists each file that differs or that only one build wrote", () => {
    const c = compareDirs(fixture("differs/first"), fixture("differs/second"));
    expect(c).toEqual({ onlyInFirst: ["feed.xml"], onlyInSecond: ["extra.txt"], differing: ["index.html"] });
    expect(formatGateProblems(determinismProblems(c))).toEqual([
      "/extra.txt — is written by the second build but not by the first",
      "/feed.xml — is written by the first build but not by the second",
      "/index.html — differs between two builds of the same content",
    ]);
  });
});
