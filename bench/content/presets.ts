/**
 * Sizes of synthetic portals. Scale 4, the largest, is at least what the performance
 * issue asks for (≥ 10 plans, 500 KPIs with ten years of monthly values and cohort
 * breakdowns, 2,000 report versions, 400 meetings, 5,000 decisions) and a little
 * more, so that it builds over 10,000 HTML pages, the size the build budget names.
 * The smaller ones keep roughly the same proportions.
 */
export interface Preset {
  readonly plans: number;
  readonly areasPerPlan: number;
  readonly actionsPerArea: number;
  readonly kpis: number;
  /** Years of monthly values in every KPI's headline series. */
  readonly years: number;
  /** Most cohort series (besides "all") a KPI breaks down into. */
  readonly maxCohorts: number;
  readonly committees: number;
  readonly reports: number;
  /** Report versions in all, at least one per report. */
  readonly versions: number;
  readonly meetings: number;
  readonly decisions: number;
}

export const PRESETS: Readonly<Record<number, Preset>> = {
  1: { plans: 1, areasPerPlan: 4, actionsPerArea: 4, kpis: 12, years: 3, maxCohorts: 2, committees: 3, reports: 10, versions: 24, meetings: 12, decisions: 60 },
  2: { plans: 3, areasPerPlan: 5, actionsPerArea: 6, kpis: 60, years: 5, maxCohorts: 3, committees: 4, reports: 80, versions: 250, meetings: 50, decisions: 500 },
  3: { plans: 5, areasPerPlan: 6, actionsPerArea: 8, kpis: 200, years: 10, maxCohorts: 4, committees: 6, reports: 250, versions: 800, meetings: 160, decisions: 2000 },
  4: { plans: 12, areasPerPlan: 8, actionsPerArea: 10, kpis: 500, years: 10, maxCohorts: 4, committees: 8, reports: 900, versions: 2200, meetings: 450, decisions: 5500 },
};

export const LARGEST = 4;

/** Roughly the HTML pages a build writes for a preset (the count `astro build` reports). */
export function expectedPages(p: Preset): number {
  return p.plans + p.plans * p.areasPerPlan * p.actionsPerArea + p.kpis + p.reports + p.versions + p.meetings + p.decisions + 20;
}
