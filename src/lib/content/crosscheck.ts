import { nearest } from "../nearest.ts";
import { fitsFrequency, period, FREQUENCIES } from "../../schemas/period.ts";
import { parseReportRef } from "../slug.ts";
import type { Kpi, TargetExpr } from "../../schemas/index.ts";
import type { PortalFacts } from "./facts.ts";
import type { Path, Problem } from "./problems.ts";
import { formatPath } from "./problems.ts";
import { fieldLocator, type At, type SourceFile } from "./source.ts";
import { outlineOf } from "./markdown.ts";

/** Slugs that exist as files, valid or not, so a broken file is not also reported as a missing reference. */
export interface Existing {
  readonly committees: ReadonlySet<string>;
  readonly plans: ReadonlySet<string>;
  readonly kpis: ReadonlySet<string>;
  readonly meetings: ReadonlySet<string>;
  readonly reports: ReadonlySet<string>;
  /** Version numbers with a file, by report. */
  readonly reportVersions: ReadonlyMap<string, ReadonlySet<number>>;
}


/** Reports a reference to something that does not exist, suggesting the nearest match. */
type RefCheck = (options: { file: string; path: Path; value: string; noun: string; known: ReadonlySet<string>; where: string }) => void;

function refCheck(problems: Problem[], at: At): RefCheck {
  return (options) => {
    if (options.known.has(options.value)) return;
    const near = nearest(options.value, options.known);
    problems.push({
      ...at(options.file, options.path),
      message: `no ${options.noun} "${options.value}" exists`,
      fix: near ? `Did you mean "${near}"?` : `Check the spelling, or add ${options.where}`,
    });
  };
}

/**
 * Checks everything a schema alone cannot: that references resolve and ids are unique. It reads
 * only each file's {@link PortalFacts}; what a KPI's own figures must satisfy is {@link kpiOwnProblems}.
 */
export function crossCheck(portal: PortalFacts, sources: ReadonlyMap<string, SourceFile>, existing: Existing): Problem[] {
  const problems: Problem[] = [];
  const at = fieldLocator(sources);
  const ref = refCheck(problems, at);

  const actionKeys = new Set(portal.plans.flatMap((p) => p.actions.map((a) => a.key)));
  const knownAction = (key: string) => actionKeys.has(key) || (existing.plans.has(key.split("/")[0]!) && !portal.plans.some((p) => p.slug === key.split("/")[0]));
  const actionRef = (file: string, path: Path, value: string) => {
    if (knownAction(value)) return;
    const near = nearest(value, actionKeys);
    problems.push({ ...at(file, path), message: `no action "${value}" exists`, fix: near ? `Did you mean "${near}"?` : "Use plan-slug/action-id as listed in content/plans/" });
  };
  const versionsOf = existing.reportVersions;
  const reportRef = (file: string, path: Path, value: string) => {
    const { slug, n } = parseReportRef(value);
    ref({ file, path, value: slug, noun: "report", known: existing.reports, where: `content/reports/${slug}/v1.md` });
    const versions = versionsOf.get(slug);
    if (n !== undefined && versions && !versions.has(n))
      problems.push({ ...at(file, path), message: `report "${slug}" has no version ${n}`, fix: `It has versions ${[...versions].join(", ")}` });
  };

  // Plans: areas and actions unique; action KPIs exist.
  for (const plan of portal.plans) {
    duplicates(plan.data.areas.map((a) => a.id), (i) => ["areas", i, "id"], "area id").forEach(([path, msg]) => problems.push({ ...at(plan.file, path), message: msg }));
    const actionIds = plan.data.areas.flatMap((a, i) => a.actions.map((x, j) => ({ id: x.id, i, j })));
    duplicates(actionIds.map((a) => a.id), (k) => ["areas", actionIds[k]!.i, "actions", actionIds[k]!.j, "id"], "action id").forEach(([path, msg]) => problems.push({ ...at(plan.file, path), message: msg }));
    plan.data.areas.forEach((area, i) =>
      area.actions.forEach((action, j) =>
        action.kpis.forEach((kpi, k) => ref({ file: plan.file, path: ["areas", i, "actions", j, "kpis", k], value: kpi, noun: "KPI", known: existing.kpis, where: `data/kpis/${kpi}.json` })),
      ),
    );
  }

  // KPIs: plan, commentary, judgements, history, re-baselining.
  const decisionIds = new Set(portal.decisions.map((d) => d.id));
  for (const { file, data: kpi } of portal.kpis) {
    if (kpi.plan) ref({ file, path: ["plan"], value: kpi.plan, noun: "plan", known: existing.plans, where: `content/plans/${kpi.plan}.md` });
    kpi.commentary.forEach((c, i) => {
      if (c.report) reportRef(file, ["commentary", i, "report"], c.report);
    });
    kpi.judgements.forEach((j, i) => reportRef(file, ["judgements", i, "report"], j.report));
    if (kpi.continues) {
      ref({ file, path: ["continues"], value: kpi.continues, noun: "KPI", known: existing.kpis, where: `data/kpis/${kpi.continues}.json` });
      const loop = continuesLoop(portal, file);
      if (loop) problems.push({ ...at(file, ["continues"]), message: `the history goes round in a circle: ${loop.join(" → ")}`, fix: "Each indicator continues an older one; the oldest continues none" });
    }
    kpi.rebaselines.forEach((r, i) => {
      if (r.decision) ref({ file, path: ["rebaselines", i, "decision"], value: r.decision, noun: "decision", known: decisionIds, where: "the decision to a meeting file" });
    });
  }

  // Reports: meeting, plan, actions, KPIs.
  for (const report of portal.reports) {
    for (const v of report.versions) {
      const { file, data } = v;
      if (data.meeting) ref({ file, path: ["meeting"], value: data.meeting, noun: "meeting", known: existing.meetings, where: `content/meetings/${data.meeting}.md` });
      if (data.plan) ref({ file, path: ["plan"], value: data.plan, noun: "plan", known: existing.plans, where: `content/plans/${data.plan}.md` });
      data.actions.forEach((a, i) => actionRef(file, ["actions", i, "action"], a.action));
      duplicates(data.actions.map((a) => a.action), (i) => ["actions", i, "action"], "action").forEach(([path, msg]) => problems.push({ ...at(file, path), message: msg }));
      data.kpis.forEach((k, i) => ref({ file, path: ["kpis", i, "kpi"], value: k.kpi, noun: "KPI", known: existing.kpis, where: `data/kpis/${k.kpi}.json` }));
    }
  }

  // Meetings and decisions.
  const decisionSeen = new Map<string, string>();
  for (const m of portal.meetings) {
    const { file, data } = m;
    ref({ file, path: ["committee"], value: data.committee, noun: "committee", known: existing.committees, where: `content/committees/${data.committee}.yml` });
    const items = new Set(data.agenda.flatMap((a) => (a.number ? [a.number] : [])));
    duplicates(data.agenda.map((a) => a.number || undefined), (i) => ["agenda", i, "number"], "agenda item number").forEach(([path, msg]) => problems.push({ ...at(file, path), message: msg }));
    data.agenda.forEach((a, i) =>
      a.papers.forEach((p, j) => {
        if (p.report) reportRef(file, ["agenda", i, "papers", j, "report"], p.report);
      }),
    );
    data.decisions.forEach((d, i) => {
      const path: Path = ["decisions", i];
      const first = decisionSeen.get(d.id);
      if (first) problems.push({ ...at(file, [...path, "id"]), message: `decision id "${d.id}" is already used in ${first}`, fix: "Decision ids must be unique across all meetings" });
      decisionSeen.set(d.id, file);
      if (/^\d{4}$/.test(d.id)) problems.push({ ...at(file, [...path, "id"]), message: `decision id "${d.id}" is a bare year, and /decisions/${d.id}/ is the page of that year's decisions`, fix: `Add what tells it apart, e.g. its meeting: ${m.slug}-${d.id}` });
      if (d.item !== undefined && !items.has(d.item)) problems.push({ ...at(file, [...path, "item"]), message: `no agenda item "${d.item}" in this meeting`, fix: `Use one of ${[...items].join(", ") || "the agenda's item numbers (the agenda is empty)"}` });
      d.actions.forEach((a, j) => actionRef(file, [...path, "actions", j], a));
      d.kpis.forEach((k, j) => ref({ file, path: [...path, "kpis", j], value: k, noun: "KPI", known: existing.kpis, where: `data/kpis/${k}.json` }));
      d.reports.forEach((r, j) => reportRef(file, [...path, "reports", j], r));
      d.followUps.forEach((f, j) => {
        if (!f.cites) return;
        const citePath: Path = [...path, "followUps", j, "cites"];
        ref({ file, path: [...citePath, "meeting"], value: f.cites.meeting, noun: "meeting", known: existing.meetings, where: `content/meetings/${f.cites.meeting}.md` });
        const cited = portal.meetings.find((x) => x.slug === f.cites?.meeting);
        if (cited && f.cites.item !== undefined && !cited.data.agenda.some((a) => a.number === f.cites?.item))
          problems.push({ ...at(file, [...citePath, "item"]), message: `meeting "${cited.slug}" has no agenda item "${f.cites.item}"`, fix: `Use one of ${cited.data.agenda.flatMap((a) => (a.number ? [a.number] : [])).join(", ") || "its agenda's item numbers"}` });
      });
    });
  }

  // Glossary.
  const glossaryFile = "content/glossary.yml";
  duplicates(portal.glossary.map((t) => t.id), (i) => [i, "id"], "glossary id").forEach(([path, msg]) => problems.push({ ...at(glossaryFile, path), message: msg }));
  duplicates(portal.glossary.map((t) => t.term.toLowerCase()), (i) => [i, "term"], "glossary term").forEach(([path, msg]) => problems.push({ ...at(glossaryFile, path), message: msg }));

  problems.push(...topicProblems(portal, sources, at));
  return problems;
}

/**
 * Topics: declared once in the site settings, named by indicators and actions; and the site's link to
 * the story behind the plans. Skipped when the site settings failed their schema (already reported).
 */
function topicProblems(portal: PortalFacts, sources: ReadonlyMap<string, SourceFile>, at: At): Problem[] {
  if (!portal.site) return [];
  const problems: Problem[] = [];
  const siteFile = "content/site.yml";
  const known = new Set(portal.site.topics.map((t) => t.id));
  duplicates(portal.site.topics.map((t) => t.id), (i) => ["topics", i, "id"], "topic id").forEach(([path, msg]) => problems.push({ ...at(siteFile, path), message: msg }));
  const tag = (file: string, path: Path, id: string) => {
    if (known.has(id)) return;
    const near = nearest(id, known);
    problems.push({
      ...at(file, path),
      message: `no topic "${id}" is declared in content/site.yml`,
      fix: near ? `Did you mean "${near}"?` : known.size ? `Use one of ${[...known].join(", ")}, or add it to topics in content/site.yml` : "Add it to topics in content/site.yml, with a label and a one-line description",
    });
  };
  for (const { file, data } of portal.kpis) data.topics.forEach((id, i) => tag(file, ["topics", i], id));
  for (const plan of portal.plans)
    plan.data.areas.forEach((area, i) => area.actions.forEach((action, j) => action.topics.forEach((id, k) => tag(plan.file, ["areas", i, "actions", j, "topics", k], id))));

  const history = portal.site.history;
  const plan = history && portal.plans.find((p) => p.slug === history.plan);
  if (history && !plan) {
    const near = nearest(history.plan, new Set(portal.plans.map((p) => p.slug)));
    problems.push({ ...at(siteFile, ["history", "plan"]), message: `no plan "${history.plan}" exists`, fix: near ? `Did you mean "${near}"?` : "Use a plan's file name from content/plans/, without .md" });
  } else if (history?.heading && plan) {
    // The plan's ## headings, read from its Markdown as the page renders it (the same rule as headingId on the page).
    const headings = outlineOf(sources.get(plan.file)?.body ?? "").map((h) => h.text);
    const wanted = history.heading.replace(/\s+/g, " ").trim().toLowerCase();
    if (!headings.some((h) => h.replace(/\s+/g, " ").trim().toLowerCase() === wanted))
      problems.push({ ...at(siteFile, ["history", "heading"]), message: `the plan "${plan.slug}" has no heading "${history.heading}"`, fix: headings.length ? `Use one of ${headings.map((h) => `"${h}"`).join(", ")}` : "Add the heading to the plan's text (a ## heading), or leave heading out to link to the whole plan" });
  }
  return problems;
}

/**
 * The checks of one KPI that read nothing but its own file: series and comparator ids unique, every
 * value's period fits its series' frequency and appears once, corrections dated after their period began,
 * comparators and breaks naming its own series, targets naming its own comparators and baseline.
 */
export function kpiOwnProblems(kpi: Kpi, file: string, sources: ReadonlyMap<string, SourceFile>): Problem[] {
  const problems: Problem[] = [];
  const atFile = fieldLocator(sources);
  const at = (path: Path) => atFile(file, path);
  const ref = refCheck(problems, atFile);
  duplicates(kpi.series.map((s) => s.id), (i) => ["series", i, "id"], "series id").forEach(([path, msg]) => problems.push({ ...at(path), message: msg }));
  kpi.series.forEach((s, i) => {
    const seen = new Map<string, number>();
    s.values.forEach((v, j) => {
      const p = period(v.period);
      if (!fitsFrequency(p, s.frequency))
        problems.push({
          ...at(["series", i, "values", j, "period"]),
          message: `"${v.period}" is not a period a ${s.frequency} series can have`,
          fix: `Use a ${FREQUENCIES[s.frequency].join(" or ")} period, or put this value in a series of its own with the right frequency`,
        });
      if (seen.has(p.key))
        problems.push({ ...at(["series", i, "values", j, "period"]), message: `period "${v.period}" appears twice in series "${s.id}" (first at values[${seen.get(p.key)}])`, fix: "Keep one value per period; record a correction with revisions instead" });
      seen.set(p.key, j);
      v.revisions?.forEach((r, k) => {
        if (v.asAt === undefined && r.revised < p.start)
          problems.push({ ...at(["series", i, "values", j, "revisions", k, "revised"]), message: `revised on ${r.revised}, before the period ${v.period} began`, fix: "Check the date of the correction" });
      });
    });
  });
  const comparatorIds = new Set(kpi.comparators.map((c) => c.id));
  const seriesIds = new Set(kpi.series.map((s) => s.id));
  duplicates(kpi.comparators.map((c) => c.id), (i) => ["comparators", i, "id"], "comparator id").forEach(([path, msg]) => problems.push({ ...at(path), message: msg }));
  kpi.comparators.forEach((c, i) => {
    if (c.series) ref({ file, path: ["comparators", i, "series"], value: c.series, noun: "series", known: seriesIds, where: "a series with that id" });
  });
  const checkTargets = (targets: typeof kpi.targets, base: Path) => {
    const seen = new Set<string>();
    targets.forEach((m, i) => {
      const key = m.period ?? "(no date)";
      if (seen.has(key))
        problems.push({
          ...at([...base, i, "period"]),
          message: m.period ? `two milestones for period "${m.period}"` : "two milestones with no date",
          fix: m.period ? "Keep one target per period" : "Keep one undated target; give the others their dates",
        });
      seen.add(key);
      comparatorsIn(m.target).forEach((c) => ref({ file, path: [...base, i, "target"], value: c, noun: "comparator", known: comparatorIds, where: `a comparator with id "${c}" to this KPI` }));
      if (usesBaseline(m.target) && (!kpi.baseline || kpi.baseline.value === null))
        problems.push({ ...at([...base, i, "target"]), message: "this target is relative to the baseline, but the KPI has no baseline value", fix: "Add baseline.value, or store the target as unquantified until the baseline is set" });
    });
  };
  checkTargets(kpi.targets, ["targets"]);
  if (kpi.baseline && kpi.baseline.value === null && !kpi.baseline.note)
    problems.push({ ...at(["baseline", "note"]), message: "a baseline of null needs a note saying why there is none yet" });
  kpi.breaks.forEach((b, i) => {
    if (b.series) ref({ file, path: ["breaks", i, "series"], value: b.series, noun: "series", known: seriesIds, where: "a series with that id" });
  });
  kpi.rebaselines.forEach((r, i) => {
    if (r.previousTargets) checkTargets(r.previousTargets, ["rebaselines", i, "previousTargets"]);
  });
  return problems;
}

/**
 * Each id written a second time, with its message: `ids[i]` is at `pathOf(i)` (an undefined id is not
 * one). Paths are made only for what is reported.
 */
function duplicates(ids: readonly (string | undefined)[], pathOf: (index: number) => Path, noun: string): [Path, string][] {
  const first = new Map<string, number>();
  const out: [Path, string][] = [];
  ids.forEach((id, i) => {
    if (id === undefined) return;
    const seen = first.get(id);
    if (seen !== undefined) out.push([pathOf(i), `duplicate ${noun} "${id}" (first used at ${formatPath(pathOf(seen))})`]);
    else first.set(id, i);
  });
  return out;
}

/** The chain of `continues` from one KPI file when it comes back to itself, else undefined. */
function continuesLoop(portal: PortalFacts, file: string): string[] | undefined {
  const bySlug = new Map(portal.kpis.map((k) => [k.slug, k]));
  const start = portal.kpis.find((k) => k.file === file);
  const chain: string[] = [];
  for (let k = start; k; k = k.data.continues ? bySlug.get(k.data.continues) : undefined) {
    if (chain.includes(k.slug)) return k.slug === start?.slug ? [...chain, k.slug] : undefined;
    chain.push(k.slug);
  }
  return undefined;
}

function comparatorsIn(t: TargetExpr): string[] {
  if (t.kind === "comparator") return [t.comparator];
  if (t.kind === "max" || t.kind === "min") return t.of.flatMap(comparatorsIn);
  return [];
}

function usesBaseline(t: TargetExpr): boolean {
  if (t.kind === "baseline-plus") return true;
  if (t.kind === "max" || t.kind === "min") return t.of.some(usesBaseline);
  return false;
}
