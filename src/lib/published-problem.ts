/** The trust gates, by the promise each one keeps. */
type GateName = "links" | "html" | "urls" | "browser" | "privacy" | "determinism" | "weight";

/** Something a gate found wrong in a built site, named by the page a reader would visit. */
export interface GateProblem {
  readonly gate: GateName;
  /** The page's published address, e.g. `/kpis/kpi-1-1/`, or the file a problem belongs to. */
  readonly page: string;
  /** Where in the built folder, e.g. `kpis/kpi-1-1/index.html:42`, when it can be said. */
  readonly where?: string | undefined;
  /** What is wrong and, where the message alone cannot say it, how to fix it. */
  readonly message: string;
}

/** `/kpis/kpi-1-1/ — link to /kpis/nope/: no page has that address (kpis/kpi-1-1/index.html:42)` */
export function formatGateProblem(p: GateProblem): string {
  return `${p.page} — ${p.message}${p.where ? ` (${p.where})` : ""}`;
}

/** Every problem as lines, sorted by page so a rerun diffs cleanly. */
export function formatGateProblems(problems: readonly GateProblem[]): string[] {
  return problems.map(formatGateProblem).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
