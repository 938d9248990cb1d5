import { describe, expect, it } from "vitest";
import { latestFigureMeta, searchDate } from "../../src/lib/search-filters.ts";
import { kpiSchema } from "../../src/schemas/index.ts";

const waits = (values: { period: string; value: number | null; missing?: string; projected?: boolean }[]) =>
  kpiSchema.parse({
    ref: "KPI 5/4",
    title: "Waiting time for speech and language therapy",
    meaning: "How long children wait.",
    unit: "weeks",
    better: "lower",
    source: "Fixture",
    series: [{ id: "all", label: "All children", frequency: "monthly", values }],
  });

describe("latestFigureMeta", () => {
  it("gives an indicator's latest measured figure with its period", () => {
    expect(
      latestFigureMeta(
        waits([
          { period: "2019-10", value: 27 },
          { period: "2019-11", value: 25 },
          { period: "2019-12", value: null, missing: "Not collected" },
          { period: "2020-01", value: 20, projected: true },
        ]),
      ),
    ).toBe("25 weeks, November 2019");
  });

  it("gives nothing when no figure has been published", () => {
    expect(latestFigureMeta(waits([{ period: "2019-12", value: null, missing: "Not collected" }]))).toBeUndefined();
  });
});

describe("searchDate", () => {
  it("shows when a page was last updated", () => {
    expect(searchDate({ published: "2020-01-15", updated: "2020-03-02" })).toBe("Updated 2 March 2020");
  });

  it("shows a meeting's or decision's own date when it has no update", () => {
    expect(searchDate({ published: "2023-09-26" })).toBe("26 September 2023");
  });

  it("shows no date when the page has none", () => {
    expect(searchDate({})).toBeUndefined();
  });
});
