import { describe, expect, it } from "vitest";
import { dodge, textWidth, wrapWords } from "../../../src/lib/charts/labels.ts";

describe("textWidth", () => {
  it("grows with the text", () => {
    expect(textWidth("National average", 13)).toBeGreaterThan(textWidth("Target", 13));
  });
  it("counts capitals wider than lower case", () => {
    expect(textWidth("EHCP", 13)).toBeGreaterThan(textWidth("ehcp", 13));
  });
});

describe("wrapWords", () => {
  it("keeps a short label on one line", () => {
    expect(wrapWords("Target", 100, 13)).toEqual(["Target"]);
  });
  it("breaks a long label between words", () => {
    expect(wrapWords("Target: 50% or the national average, whichever is higher", 150, 13)).toEqual([
      "Target: 50% or the",
      "national average,",
      "whichever is higher",
    ]);
  });
  it("gives a word too long for the width a line of its own rather than cutting it", () => {
    expect(wrapWords("Supercalifragilistic pupils", 40, 13)).toEqual(["Supercalifragilistic", "pupils"]);
  });
});

describe("dodge", () => {
  const options = { min: 0, max: 100, gap: 2 };
  it("leaves blocks that do not overlap where they are", () => {
    expect(
      dodge(
        [
          { top: 10, height: 10 },
          { top: 50, height: 10 },
        ],
        options,
      ),
    ).toEqual([10, 50]);
  });
  it("pushes overlapping blocks apart by the gap", () => {
    expect(
      dodge(
        [
          { top: 10, height: 10 },
          { top: 12, height: 10 },
        ],
        options,
      ),
    ).toEqual([10, 22]);
  });
  it("moves blocks up from the bottom edge", () => {
    expect(
      dodge(
        [
          { top: 95, height: 10 },
          { top: 95, height: 10 },
        ],
        options,
      ),
    ).toEqual([78, 90]);
  });
  it("returns tops in the order given, whatever the order on the page", () => {
    expect(
      dodge(
        [
          { top: 50, height: 10 },
          { top: 10, height: 10 },
        ],
        options,
      ),
    ).toEqual([50, 10]);
  });
  it("runs past the bottom rather than overlap when the blocks cannot fit", () => {
    expect(
      dodge(
        [
          { top: 0, height: 60 },
          { top: 0, height: 60 },
        ],
        options,
      ),
    ).toEqual([0, 62]);
  });
});
