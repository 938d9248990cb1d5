/**
 * What the checks across files read of each file: ids, references, dates and statuses, not texts or
 * figures. `npm run check` keeps only these of an unchanged file between checks (check-cache.ts): 5 MB
 * at the largest preset, most of it the actions each report version names, where the whole data took
 * 50 MB. A loaded `Portal` has all of them, so the build's load checks it as it is.
 *
 * A field added to a check across files is added here first, or the check does not compile; and
 * tests/unit/check-cache.test.ts breaks each kind of reference in an unchanged file.
 */
import {
  kpiSchema,
  meetingSchema,
  planSchema,
  reportVersionSchema,
  type Action,
  type Decision,
  type FollowUp,
  type Kpi,
  type Meeting,
  type Plan,
  type ReportVersion,
  type Site,
  type Term,
} from "../../schemas/index.ts";
import type { ActionEntry, DecisionEntry, Entry, VersionEntry } from "./model.ts";

type Item<T extends readonly unknown[]> = T[number];

type KpiFacts = Pick<Kpi, "plan" | "continues" | "topics"> & {
  readonly commentary: readonly Pick<Item<Kpi["commentary"]>, "report">[];
  readonly judgements: readonly Pick<Item<Kpi["judgements"]>, "report">[];
  readonly rebaselines: readonly Pick<Item<Kpi["rebaselines"]>, "decision">[];
};

type ActionFacts = Pick<Action, "id" | "kpis" | "topics">;

interface PlanFacts {
  readonly areas: readonly { readonly id: Item<Plan["areas"]>["id"]; readonly actions: readonly ActionFacts[] }[];
}

type DecisionFacts = Pick<Decision, "id" | "item" | "actions" | "kpis" | "reports"> & {
  readonly followUps: readonly Pick<FollowUp, "cites">[];
};

type MeetingFacts = Pick<Meeting, "committee" | "date" | "status"> & {
  readonly agenda: readonly (Pick<Item<Meeting["agenda"]>, "number"> & {
    readonly papers: readonly Pick<Item<Item<Meeting["agenda"]>["papers"]>, "report">[];
  })[];
  readonly decisions: readonly DecisionFacts[];
};

type VersionFacts = Pick<ReportVersion, "meeting" | "plan" | "published" | "status"> & {
  readonly actions: readonly Pick<Item<ReportVersion["actions"]>, "action">[];
  readonly kpis: readonly Pick<Item<ReportVersion["kpis"]>, "kpi">[];
};

/** The portal as the checks across files see it. */
export interface PortalFacts {
  readonly site: Site;
  readonly plans: readonly (Entry<PlanFacts> & { readonly actions: readonly Pick<ActionEntry, "key">[] })[];
  readonly kpis: readonly Entry<KpiFacts>[];
  readonly reports: readonly {
    readonly slug: string;
    readonly versions: readonly (Entry<VersionFacts> & Pick<VersionEntry, "prose">)[];
  }[];
  readonly meetings: readonly Entry<MeetingFacts>[];
  readonly decisions: readonly Pick<DecisionEntry, "id">[];
  readonly glossary: readonly Term[];
}

/** The listed fields of an object, leaving out those it does not have. */
function pick<T extends object, K extends keyof T>(from: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) if (from[k] !== undefined) out[k] = from[k];
  return out;
}

const kpiFacts = (k: Kpi): KpiFacts => ({
  ...pick(k, ["plan", "continues", "topics"]),
  commentary: k.commentary.map((c) => pick(c, ["report"])),
  judgements: k.judgements.map((j) => pick(j, ["report"])),
  rebaselines: k.rebaselines.map((r) => pick(r, ["decision"])),
});

const planFacts = (p: Plan): PlanFacts => ({
  areas: p.areas.map((a) => ({ id: a.id, actions: a.actions.map((x) => pick(x, ["id", "kpis", "topics"])) })),
});

const meetingFacts = (m: Meeting): MeetingFacts => ({
  ...pick(m, ["committee", "date", "status"]),
  agenda: m.agenda.map((a) => ({ ...pick(a, ["number"]), papers: a.papers.map((p) => pick(p, ["report"])) })),
  decisions: m.decisions.map((d) => ({
    ...pick(d, ["id", "item", "actions", "kpis", "reports"]),
    followUps: d.followUps.map((f) => pick(f, ["cites"])),
  })),
});

const versionFacts = (v: ReportVersion): VersionFacts => ({
  ...pick(v, ["meeting", "plan", "published", "status"]),
  actions: v.actions.map((a) => pick(a, ["action"])),
  kpis: v.kpis.map((k) => pick(k, ["kpi"])),
});

/**
 * How to take a file's facts from its validated data, by the schema it was validated with (load.ts's
 * `validate` records it with the file). Site settings, the glossary and committees are small and kept whole.
 */
export function factsFor(schema: unknown): ((data: unknown) => unknown) | undefined {
  return FACTS.get(schema);
}

const FACTS = new Map<unknown, (data: unknown) => unknown>([
  [kpiSchema, (data) => kpiFacts(data as Kpi)],
  [planSchema, (data) => planFacts(data as Plan)],
  [meetingSchema, (data) => meetingFacts(data as Meeting)],
  [reportVersionSchema, (data) => versionFacts(data as ReportVersion)],
]);
