/**
 * The chart fixtures in `tests/fixtures/charts/`, each `{ about, spec }`, checked on
 * load so a mistyped fixture fails loudly instead of drawing something odd.
 */
import { readFileSync } from "node:fs";
import * as z from "zod";
import type { LineChartSpec } from "../../../src/lib/charts/line-chart.ts";
import { better, periodKey, slug, text, unit } from "../../../src/schemas/index.ts";

const point = z.strictObject({
  period: periodKey,
  value: z.number().nullable(),
  provisional: z.boolean().exactOptional(),
  projected: z.boolean().exactOptional(),
  revised: z.boolean().exactOptional(),
  missing: text.exactOptional(),
  suppressed: z.boolean().exactOptional(),
});

const spec = z.strictObject({
  id: slug,
  title: text,
  unit,
  decimals: z.number().int().min(0).max(3).exactOptional(),
  better,
  lines: z.array(
    z.strictObject({ id: slug, label: text, role: z.enum(["actual", "target", "comparator"]), points: z.array(point) }),
  ),
  baseline: z.strictObject({ value: z.number(), period: periodKey }).exactOptional(),
  width: z.number().positive().exactOptional(),
  height: z.number().positive().exactOptional(),
});

const fixture = z.strictObject({ about: text, spec });

export const FIXTURES = [
  "rising",
  "falling",
  "gaps",
  "relative-target",
  "comparator",
  "cohorts",
  "single",
  "provisional-revised",
  "absent-periods",
  "projected",
  "empty",
] as const;

export type FixtureName = (typeof FIXTURES)[number];

export function loadFixture(name: FixtureName): LineChartSpec {
  const url = new URL(`../../fixtures/charts/${name}.json`, import.meta.url);
  const parsed = fixture.safeParse(JSON.parse(readFileSync(url, "utf8")));
  if (!parsed.success) throw new Error(`tests/fixtures/charts/${name}.json — ${z.prettifyError(parsed.error)}`);
  return parsed.data.spec;
}

/**
 * Ten years of monthly figures for four cohorts, every point with a figure: the
 * heaviest chart a KPI page is expected to carry. Deterministic, no randomness.
 */
export function largeSpec(): LineChartSpec {
  const months = Array.from(
    { length: 120 },
    (_, i) => `${2014 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`,
  );
  const cohorts = ["All pupils", "Pupils with an EHC plan", "SEN support", "No identified SEN"];
  return {
    id: "large",
    title: "Ten years of monthly figures for four cohorts",
    unit: "percent",
    better: "higher",
    lines: cohorts.map((label, c) => ({
      id: `cohort-${c + 1}`,
      label,
      role: "actual" as const,
      points: months.map((period, i) => ({
        period,
        value: Math.round((40 + 10 * c + 8 * Math.sin(i / 7 + c) + i / 12) * 10) / 10,
      })),
    })),
  };
}
