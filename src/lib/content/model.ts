import type { ParsedMdx } from "./mdx.ts";
import type { Action, Area, Committee, Decision, Kpi, Meeting, Plan, ReportVersion, Site, Term } from "../../schemas/index.ts";

/** A loaded file: its slug, where it lives, and its validated data. */
export interface Entry<T> {
  readonly slug: string;
  /** Path relative to the content root. */
  readonly file: string;
  readonly data: T;
}

export interface ActionEntry extends Action {
  /** `plan/action`, the id reports and decisions use. */
  readonly key: string;
  readonly plan: string;
  readonly area: string;
}

export interface PlanEntry extends Entry<Plan> {
  readonly html: string;
  readonly actions: readonly ActionEntry[];
  readonly areas: readonly Area[];
}

export interface VersionEntry extends Entry<ReportVersion> {
  /** The report's slug. */
  readonly report: string;
  readonly n: number;
  /**
   * The report's text: Markdown rendered once at load (`v{n}.md`), or MDX made ready to render with
   * the portal's components (`v{n}.mdx`, rendered by `views/report-prose.ts`).
   */
  readonly prose: { readonly format: "md"; readonly html: string } | { readonly format: "mdx"; readonly mdx: ParsedMdx };
  /** The source of the text as written, Markdown or MDX. */
  readonly body: string;
}

export interface ReportEntry {
  readonly slug: string;
  /** Every version, v1 first, drafts included. */
  readonly versions: readonly VersionEntry[];
}

export interface MeetingEntry extends Entry<Meeting> {
  readonly html: string;
}

export interface DecisionEntry extends Decision {
  readonly meeting: string;
}

/** Everything the portal publishes, validated and cross-checked, in a stable order. */
export interface Portal {
  readonly site: Site;
  readonly committees: readonly Entry<Committee>[];
  readonly plans: readonly PlanEntry[];
  readonly kpis: readonly Entry<Kpi>[];
  readonly reports: readonly ReportEntry[];
  readonly meetings: readonly MeetingEntry[];
  readonly decisions: readonly DecisionEntry[];
  readonly glossary: readonly Term[];
}
