import { describe, expect, it } from "vitest";
import { SPARKLINE_PERIODS, sparklineFor } from "../../../src/lib/kpi-charts.ts";
import { kpiSchema } from "../../../src/schemas/index.ts";

/** Three years of monthly figures, January 2020 to December 2022, written newest first. */
const kpi = kpiSchema.parse({
  ref: "KPI S",
  title: "Waiting time",
  meaning: "How long children wait.",
  unit: "weeks",
  better: "lower",
  source: "Fixture",
  series: [
    {
      id: "all",
      label: "All children",
      frequency: "monthly",
      values: Array.from({ length: 36 }, (_, i) => ({
        period: `${2020 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`,
        value: 10 + (i % 7),
      })).reverse(),
    },
  ],
});

describe("a card's sparkline", () => {
  it(`draws the latest ${SPARKLINE_PERIODS} periods only, and says which`, () => {
    const svg = sparklineFor("s", kpi) ?? "";
    expect(svg).toContain("January 2021");
    expect(svg).toContain("December 2022");
    expect(svg).not.toContain("2020");
  });
});
