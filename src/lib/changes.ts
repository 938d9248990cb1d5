/** What changed, when: the events behind the home page's "latest" list, the changes page and the feed. */
import type { Portal } from "./content/model.ts";
import { formatterFor } from "./kpi-status.ts";
import { comparePeriods, labelPeriod, period } from "../schemas/period.ts";
import { committeeName, meetingsNewestFirst, visibleReports, visibleVersions } from "./queries.ts";
import { routes } from "./routes.ts";

export interface Change {
  /** When it happened (a period string; figures use the period they describe). */
  readonly when: string;
  readonly kind: "New report" | "Report updated" | "Decision" | "Meeting" | "New figure" | "Correction";
  readonly title: string;
  /** Where to read it on the portal. */
  readonly href: string;
  /** A stable id, for feeds. */
  readonly id: string;
  /** What it concerns, so a reader can follow one plan, committee or indicator. */
  readonly about: {
    readonly plans: readonly string[];
    readonly committees: readonly string[];
    readonly kpis: readonly string[];
  };
}

const uniq = (xs: (string | undefined)[]) => [...new Set(xs.filter((x): x is string => Boolean(x)))].sort();

const computed = new WeakMap<Portal, readonly Change[]>();

/** Every change, newest first; worked out once per portal (the home page, the changes page and every feed ask). */
export function allChanges(portal: Portal): readonly Change[] {
  let changes = computed.get(portal);
  if (!changes) computed.set(portal, (changes = computeChanges(portal)));
  return changes;
}

function computeChanges(portal: Portal): Change[] {
  const out: Change[] = [];
  const committeeOf = (meeting?: string) => portal.meetings.find((m) => m.slug === meeting)?.data.committee;
  const plansOfKpi = (kpi: string) =>
    uniq([
      portal.kpis.find((k) => k.slug === kpi)?.data.plan,
      ...portal.plans.filter((p) => p.actions.some((a) => a.kpis.includes(kpi))).map((p) => p.slug),
    ]);
  for (const { report } of visibleReports(portal)) {
    for (const v of visibleVersions(report)) {
      out.push({
        about: {
          plans: uniq([v.data.plan]),
          committees: uniq([committeeOf(v.data.meeting)]),
          kpis: uniq(v.data.kpis.map((k) => k.kpi)),
        },
        when: v.data.published,
        kind: v.n === 1 ? "New report" : "Report updated",
        title: v.n === 1 ? v.data.title : `${v.data.title} (version ${v.n}): ${v.data.changes ?? "updated"}`,
        href: routes.reportVersion(report.slug, v.n),
        id: `report:${report.slug}/v${v.n}`,
      });
    }
  }
  for (const m of portal.meetings) {
    if (m.data.status !== "held") continue;
    out.push({
      about: { plans: [], committees: [m.data.committee], kpis: [] },
      when: m.data.date,
      kind: "Meeting",
      title: `${committeeName(portal, m.data.committee)} met`,
      href: routes.meeting(m.slug),
      id: `meeting:${m.slug}`,
    });
    for (const d of m.data.decisions) {
      out.push({
        about: {
          plans: uniq(d.actions.map((a) => a.split("/")[0])),
          committees: [m.data.committee],
          kpis: uniq(d.kpis),
        },
        when: m.data.date,
        kind: "Decision",
        title: `${d.ref}: ${d.text.length > 120 ? `${d.text.slice(0, 117)}…` : d.text}`,
        href: routes.decision(d.id),
        id: `decision:${d.id}`,
      });
    }
  }
  for (const { slug, data: kpi } of portal.kpis) {
    const fmt = formatterFor(kpi);
    const about = { plans: plansOfKpi(slug), committees: [], kpis: [slug] };
    for (const s of kpi.series) {
      for (const v of s.values) {
        if (v.value !== null)
          out.push({
            about,
            when: v.asAt ?? v.period,
            kind: "New figure",
            title: `${kpi.ref} ${kpi.title}${kpi.series.length > 1 ? ` (${s.label})` : ""}: ${fmt(v.value)} for ${labelPeriod(period(v.period))}`,
            href: routes.kpi(slug),
            id: `value:${slug}/${s.id}/${v.period}`,
          });
        for (const r of v.revisions ?? [])
          out.push({
            about,
            when: r.revised,
            kind: "Correction",
            title: `${kpi.ref} ${kpi.title}: ${labelPeriod(period(v.period))} corrected. ${r.reason}`,
            href: routes.kpiSection(slug, "corrections"),
            id: `revision:${slug}/${s.id}/${v.period}/${r.revised}`,
          });
      }
    }
  }
  return out.sort((a, b) => comparePeriods(period(b.when), period(a.when)) || a.id.localeCompare(b.id));
}

/** The latest `n` changes, figures grouped so one report does not flood the list. */
export function recentChanges(portal: Portal, n: number): Change[] {
  return allChanges(portal)
    .filter((c) => c.kind !== "New figure")
    .slice(0, n);
}

export interface ChangeWindow {
  readonly meeting: { slug: string; title: string; date: string };
  readonly since?: { slug: string; title: string; date: string } | undefined;
  readonly changes: readonly Change[];
}

/**
 * Changes grouped by meeting: everything up to each meeting since the one before, newest
 * meeting first. One pass over the changes (they are sorted by when they happened).
 */
export function changesByMeeting(portal: Portal): ChangeWindow[] {
  const meetings = [...meetingsNewestFirst(portal)].reverse();
  const oldestFirst = [...allChanges(portal)].reverse();
  const describe = (x: (typeof meetings)[number]) => ({
    slug: x.slug,
    title: committeeName(portal, x.data.committee),
    date: x.data.date,
  });
  let next = 0;
  return meetings
    .map((m, i) => {
      const prev = meetings[i - 1];
      const end = period(m.data.date).end;
      const inWindow: Change[] = [];
      for (; next < oldestFirst.length && period(oldestFirst[next]!.when).end <= end; next++)
        inWindow.push(oldestFirst[next]!);
      return {
        meeting: describe(m),
        since: prev ? describe(prev) : undefined,
        changes: groupFigures(inWindow.reverse()),
      };
    })
    .reverse();
}

/**
 * One line per indicator for its new figures, so a window with years of monthly
 * figures stays readable: "KPI 1/2 …: 3 new figures (newest first: …)".
 */
export function groupFigures(changes: readonly Change[]): Change[] {
  const figures = new Map<string, Change[]>();
  for (const c of changes) {
    if (c.kind !== "New figure") continue;
    const group = figures.get(c.href);
    if (group) group.push(c);
    else figures.set(c.href, [c]);
  }
  const out: Change[] = [];
  for (const c of changes) {
    if (c.kind !== "New figure") {
      out.push(c);
      continue;
    }
    const group = figures.get(c.href);
    if (!group) continue;
    figures.delete(c.href);
    out.push(
      group.length === 1
        ? c
        : { ...c, title: `${group.length} new figures. Newest: ${c.title}`, id: `${c.id}+${group.length - 1}` },
    );
  }
  return out;
}
