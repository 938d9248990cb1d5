/**
 * Builds a synthetic content root in memory: committees, plans, KPIs, meetings,
 * decisions and report versions that reference each other the way the real papers
 * do. Every shape is typed against the real zod schemas' input types, and the
 * result is meant to pass `npm run check` unchanged.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import type * as z from "zod";
import type {
  committeeSchema,
  glossarySchema,
  kpiSchema,
  meetingSchema,
  planSchema,
  reportVersionSchema,
  siteSchema,
  TargetExpr,
} from "../../src/schemas/index.ts";
import type { Preset } from "./presets.ts";
import { minutes, paragraph, recommendation, reportBody, reportWords, reviseBody, shortText } from "./prose.ts";
import { createRng, type Rng } from "./random.ts";

type KpiFile = z.input<typeof kpiSchema>;
type PlanFile = z.input<typeof planSchema>;
type VersionFile = z.input<typeof reportVersionSchema>;
type MeetingFile = z.input<typeof meetingSchema>;
type CommitteeFile = z.input<typeof committeeSchema>;
type Observation = KpiFile["series"][number]["values"][number];
type Decision = NonNullable<MeetingFile["decisions"]>[number];
/** Generated agenda items always carry a number, so decisions can point at them. */
type AgendaItem = NonNullable<MeetingFile["agenda"]>[number] & { number: string };
type ActionStatus = NonNullable<VersionFile["actions"]>[number]["status"];

export interface GeneratedPortal {
  readonly site: z.input<typeof siteSchema>;
  readonly glossary: z.input<typeof glossarySchema>;
  readonly committees: ReadonlyMap<string, CommitteeFile>;
  readonly plans: ReadonlyMap<string, { data: PlanFile; body: string }>;
  readonly kpis: ReadonlyMap<string, KpiFile>;
  readonly meetings: ReadonlyMap<string, { data: MeetingFile; body: string }>;
  /** Report slug → versions, v1 first. */
  readonly reports: ReadonlyMap<string, { data: VersionFile; body: string }[]>;
}

/** The last month with figures; "today" for a build of this content is 1 November 2026 (PORTAL_TODAY). */
export const LAST_MONTH = { year: 2026, month: 9 };
export const TODAY = "2026-11-01";

const pad = (n: number) => String(n).padStart(2, "0");
const monthKey = (index: number) => `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
const monthIndex = (year: number, month: number) => year * 12 + month - 1;
const LAST = monthIndex(LAST_MONTH.year, LAST_MONTH.month);
const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMs = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

const COMMITTEES = [
  { slug: "health-and-wellbeing-board", short: "hwb", name: "Health and Wellbeing Board", purpose: "Brings the council, the NHS and community partners together to improve health and reduce inequalities; it receives the SEND progress reports." },
  { slug: "overview-and-scrutiny-childrens", short: "osc", name: "Overview and Scrutiny Committee (Children's Services and Safeguarding)", purpose: "Councillors who examine decisions and performance of children's services and ask officers to account for them." },
  { slug: "cabinet", short: "cabinet", name: "Cabinet", purpose: "The councillors who take the council's executive decisions." },
  { slug: "send-continuous-improvement-board", short: "send-board", name: "SEND Continuous Improvement Board", purpose: "Officers, health partners and parents who oversee the SEND improvement plan month by month." },
  { slug: "integrated-care-board-place", short: "icb-place", name: "Integrated Care Board (Place Committee)", purpose: "The NHS body that plans and buys health services for the borough." },
  { slug: "schools-forum", short: "schools-forum", name: "Schools Forum", purpose: "Head teachers and governors who advise on school funding, including the high needs block." },
  { slug: "corporate-parenting-board", short: "cpb", name: "Corporate Parenting Board", purpose: "Makes sure the council acts as a good parent to children in its care." },
  { slug: "full-council", short: "council", name: "Council", purpose: "All councillors, meeting to agree the budget and the council's main policies." },
] as const;

const PLAN_NAMES = [
  ["send-improvement-plan", "SEND Improvement Plan"],
  ["joint-commissioning-plan", "SEND Joint Commissioning Plan"],
  ["written-statement-of-action", "Written Statement of Action"],
  ["inclusion-strategy", "Inclusion Strategy"],
  ["preparing-for-adulthood-plan", "Preparing for Adulthood Plan"],
  ["autism-strategy", "All-age Autism Strategy"],
  ["sufficiency-plan", "Specialist Places Sufficiency Plan"],
  ["speech-language-communication-plan", "Speech, Language and Communication Plan"],
  ["ehcp-quality-plan", "EHCP Quality Improvement Plan"],
  ["short-breaks-plan", "Short Breaks Plan"],
  ["early-help-plan", "Early Help Plan"],
  ["alternative-provision-plan", "Alternative Provision Plan"],
] as const;

const AREA_TITLES = [
  "Timeliness and quality of Education, Health and Care Plans",
  "Waiting times for health assessments and therapies",
  "Communication with parents and carers",
  "Joint commissioning and shared leadership",
  "Outcomes for children and young people with SEN support",
  "Preparing for adulthood",
  "Inclusion in mainstream schools",
  "The Local Offer",
] as const;

const ACTION_TITLES = [
  "Clear the backlog of annual reviews",
  "Issue new EHCPs within 20 weeks",
  "Cut waiting times for speech and language therapy",
  "Publish a co-produced Local Offer",
  "Set up a neurodevelopmental pathway for autism and ADHD",
  "Train SENCOs in outcomes-focused plans",
  "Audit the quality of plans every quarter",
  "Agree a joint commissioning strategy with health partners",
  "Survey parents and carers every year",
  "Reduce exclusions of pupils with SEN support",
  "Improve transition into adult services",
  "Create more specialist places close to home",
  "Make health advice arrive within six weeks",
  "Give every family a named case officer",
  "Publish a graduated approach for schools",
  "Track outcomes of young people aged 16 to 25",
] as const;

const LEADS = [
  "Head of SEND",
  "Designated Clinical Officer",
  "Assistant Director (Education)",
  "Principal Educational Psychologist",
  "Head of Therapies",
  "Local Offer Manager",
  "Head of Commissioning",
  "Participation Lead",
] as const;

interface Topic {
  readonly slug: string;
  readonly title: string;
  readonly unit: KpiFile["unit"];
  readonly better: KpiFile["better"];
  /** Where the headline series starts and heads towards, before noise. */
  readonly from: number;
  readonly to: number;
  readonly decimals?: number;
}

const TOPICS: readonly Topic[] = [
  { slug: "ehcps-within-20-weeks", title: "New EHCPs issued within 20 weeks", unit: "percent", better: "higher", from: 14, to: 62 },
  { slug: "annual-reviews-on-time", title: "Annual reviews completed on time", unit: "percent", better: "higher", from: 35, to: 80 },
  { slug: "salt-waits", title: "Weeks waited for speech and language therapy", unit: "weeks", better: "lower", from: 32, to: 14, decimals: 1 },
  { slug: "autism-assessment-waits", title: "Weeks waited for an autism assessment", unit: "weeks", better: "lower", from: 80, to: 38 },
  { slug: "neurodevelopmental-waiting-list", title: "Children waiting for a neurodevelopmental assessment", unit: "count", better: "lower", from: 1200, to: 650 },
  { slug: "ehc-assessment-requests", title: "Requests for an EHC needs assessment", unit: "count", better: "neither", from: 45, to: 80 },
  { slug: "ehcp-mainstream", title: "Pupils with an EHCP in mainstream schools", unit: "percent", better: "higher", from: 34, to: 45 },
  { slug: "fixed-term-exclusions", title: "Fixed-term exclusions of pupils with SEN support", unit: "rate", better: "lower", from: 9.5, to: 5.2 },
  { slug: "persistent-absence", title: "Persistent absence of pupils with an EHCP", unit: "percent", better: "lower", from: 27, to: 18 },
  { slug: "ehcp-neet", title: "Young people with an EHCP not in education, employment or training", unit: "percent", better: "lower", from: 12, to: 6 },
  { slug: "parents-listened-to", title: "Parents and carers who say they were listened to", unit: "percent", better: "higher", from: 41, to: 70 },
  { slug: "independent-placement-spend", title: "Spend on independent specialist placements", unit: "gbp", better: "lower", from: 1_450_000, to: 1_100_000 },
  { slug: "social-care-assessment-days", title: "Days to complete a social care assessment", unit: "days", better: "lower", from: 52, to: 40 },
  { slug: "attainment-8-sen-support", title: "Attainment 8 score of pupils with SEN support", unit: "score", better: "higher", from: 29, to: 34, decimals: 1 },
  { slug: "out-of-borough-placements", title: "Children placed in schools out of the borough", unit: "count", better: "lower", from: 210, to: 150 },
  { slug: "tribunal-appeals", title: "SEND tribunal appeals registered", unit: "count", better: "neither", from: 6, to: 11 },
  { slug: "plans-good-at-audit", title: "Plans rated good or better at audit", unit: "percent", better: "higher", from: 38, to: 75 },
  { slug: "health-advice-6-weeks", title: "Health advice returned within six weeks", unit: "percent", better: "higher", from: 48, to: 90 },
  { slug: "short-breaks", title: "Children receiving short breaks", unit: "count", better: "higher", from: 520, to: 760 },
  { slug: "send-complaints", title: "Complaints about SEND services", unit: "count", better: "lower", from: 38, to: 18 },
];

const COHORTS = [
  ["ehcp", "Pupils with an EHCP"],
  ["sen-support", "Pupils with SEN support"],
  ["primary", "Primary"],
  ["secondary", "Secondary"],
  ["post-16", "Post-16"],
  ["boys", "Boys"],
  ["girls", "Girls"],
  ["looked-after", "Looked-after children"],
  ["fsm", "Eligible for free school meals"],
] as const;

const MISSING_REASONS = [
  "Figures not validated in time for this report",
  "Case management system migration: figures not extracted",
  "Validated in October; not yet published",
  "Data return not received from the provider",
  "Recording paused while the tracker was rebuilt",
] as const;

/**
 * The sample's glossary (content/glossary.yml): a real council's terms, 138 of them, with their other
 * spellings. Marking acronyms and adding search synonyms cost per page what the glossary holds; a short
 * made-up list (20 terms until 1 December 2026) understated that work at every scale.
 */
const GLOSSARY = parse(readFileSync(new URL("../../content/glossary.yml", import.meta.url), "utf8")) as z.input<
  typeof glossarySchema
>;

export function generatePortal(options: { preset: Preset; seed: number; scale: number }): GeneratedPortal {
  const { preset, seed } = options;
  const rng = (stream: string) => createRng(seed, stream);
  const first = LAST - preset.years * 12 + 1;

  // Committees.
  const committeeDefs = COMMITTEES.slice(0, preset.committees);
  const committees = new Map<string, CommitteeFile>(
    committeeDefs.map((c) => [c.slug, { name: c.name, purpose: c.purpose, ...(c.slug !== "send-continuous-improvement-board" ? { url: `https://democracy.example.gov.uk/committees/${c.slug}` } : {}) }]),
  );

  // Plans, areas and actions; KPIs are shared out between plans and actions name them.
  const kpiSlugs: string[] = [];
  const kpiPlan: string[] = [];
  const kpiTopic: Topic[] = [];
  const planSlugs: string[] = [];
  for (let i = 0; i < preset.plans; i++) {
    const [slug] = PLAN_NAMES[i % PLAN_NAMES.length]!;
    planSlugs.push(i < PLAN_NAMES.length ? slug : `${slug}-${Math.floor(i / PLAN_NAMES.length) + 1}`);
  }
  for (let i = 0; i < preset.kpis; i++) {
    const topic = TOPICS[i % TOPICS.length]!;
    kpiTopic.push(topic);
    kpiSlugs.push(`${topic.slug}-${String(i + 1).padStart(3, "0")}`);
    kpiPlan.push(planSlugs[i % preset.plans]!);
  }
  const planActions = new Map<string, { key: string; area: number; ref: string }[]>();
  const plans = new Map<string, { data: PlanFile; body: string }>();
  planSlugs.forEach((slug, i) => {
    const r = rng(`plan:${slug}`);
    const ownKpis = kpiSlugs.filter((_, k) => kpiPlan[k] === slug);
    const name = PLAN_NAMES[i % PLAN_NAMES.length]![1];
    const actions: { key: string; area: number; ref: string }[] = [];
    const areas: PlanFile["areas"] = [];
    for (let a = 1; a <= preset.areasPerPlan; a++) {
      const list: PlanFile["areas"][number]["actions"] = [];
      for (let b = 1; b <= preset.actionsPerArea; b++) {
        const id = `${a}-${b}`;
        actions.push({ key: `${slug}/${id}`, area: a, ref: `${a}.${b}` });
        const due = first + r.int(6, preset.years * 12);
        list.push({
          id,
          ref: `${a}.${b}`,
          title: r.pick(ACTION_TITLES),
          ...(r.chance(0.7) ? { description: `${paragraph(r, 2)} This includes **${r.pick(ACTION_TITLES).toLowerCase()}**.` } : {}),
          ...(r.chance(0.5) ? { outcome: shortText(r, 1) } : {}),
          ...(r.chance(0.3) ? { impact: shortText(r, 1) } : {}),
          ...(r.chance(0.9) ? { lead: r.pick(LEADS) } : {}),
          ...(r.chance(0.85) ? { due: monthKey(due) } : { dueAsPrinted: "Ongoing" }),
          kpis: ownKpis.length ? r.sample(ownKpis, r.int(0, 3)) : [],
        });
      }
      areas.push({ id: `area-${a}`, ref: `Area of weakness ${a}`, title: AREA_TITLES[(a - 1 + i) % AREA_TITLES.length]!, ...(r.chance(0.6) ? { summary: shortText(r, 2) } : {}), actions: list });
    }
    planActions.set(slug, actions);
    plans.set(slug, {
      data: {
        title: `${name}${i >= PLAN_NAMES.length ? ` (${Math.floor(i / PLAN_NAMES.length) + 1})` : ""}`,
        summary: `What the council and its health partners promised to improve in the ${name}. ${shortText(r, 1)}`,
        owner: "Exampleshire Council and NHS Exampleshire",
        agreed: monthKey(first + r.int(0, 6)),
        covers: `${Math.floor(first / 12)} to ${LAST_MONTH.year + 1}`,
        status: i === 0 || r.chance(0.7) ? "active" : r.pick(["complete", "replaced"] as const),
        order: i + 1,
        areas,
        ...(r.chance(0.3) ? { sourceNotes: ["Synthetic content generated for the performance benchmark."] } : {}),
      },
      body: reportBody(r, r.int(200, 600)),
    });
  });

  // Meetings: dates spread over the years of figures and five months beyond "today".
  const mr = rng("meetings");
  const lastDay = dayMs("2027-03-31");
  const firstDay = dayMs(`${monthKey(first)}-01`);
  const meetingList: { slug: string; committee: (typeof COMMITTEES)[number]; date: string; status: MeetingFile["status"] }[] = [];
  const usedSlugs = new Set<string>();
  for (let i = 0; i < preset.meetings; i++) {
    const committee = committeeDefs[mr.int(0, committeeDefs.length - 1)]!;
    const at = firstDay + ((lastDay - firstDay) * (i + mr.next())) / preset.meetings;
    const date = isoDay(Math.floor(at / DAY) * DAY);
    let slug = `${committee.short}-${date}`;
    for (let n = 2; usedSlugs.has(slug); n++) slug = `${committee.short}-${date}-${n}`;
    usedSlugs.add(slug);
    const status = date > TODAY ? "scheduled" : mr.chance(0.02) ? "cancelled" : "held";
    meetingList.push({ slug, committee, date, status });
  }
  const held = meetingList.filter((m) => m.status === "held");
  const heldBy = new Map<string, typeof held>();
  for (const m of held) heldBy.set(m.committee.slug, [...(heldBy.get(m.committee.slug) ?? []), m]);

  // Reports: versions shared out so the total is exact; each version goes to a held meeting.
  const rr = rng("reports");
  const counts = Array.from({ length: preset.reports }, () => 1);
  // Most reports have a few versions; every twentieth is a rolling report updated at many meetings.
  for (let extra = preset.versions - preset.reports; extra > 0; ) {
    const rolling = rr.chance(0.2);
    const i = rolling ? Math.min(preset.reports - 1, 20 * rr.int(0, Math.floor((preset.reports - 1) / 20))) : rr.int(0, preset.reports - 1);
    if (counts[i]! >= (rolling ? 16 : 8)) continue;
    counts[i]!++;
    extra--;
  }
  const reports = new Map<string, { data: VersionFile; body: string }[]>();
  /** Versions presented at each meeting, for agendas: `slug/vN`. */
  const presented = new Map<string, { ref: string; title: string; report: string; plan: string }[]>();
  /** Report versions that list a KPI, for the KPI's commentary. */
  const kpiMentions = new Map<string, { ref: string; date: string; commentary?: string }[]>();
  const usedReportSlugs = new Set<string>();
  const kinds = [
    ["send-progress-report", "SEND progress report"],
    ["send-improvement-plan-update", "SEND Improvement Plan update"],
    ["education-scorecard", "Education Scorecard"],
    ["joint-commissioning-update", "Joint commissioning update"],
    ["cabinet-member-report", "Cabinet Member report"],
    ["performance-and-quality-report", "Performance and quality report"],
  ] as const;
  counts.forEach((count, i) => {
    const r = rng(`report:${i}`);
    const plan = planSlugs[r.chance(0.4) ? 0 : r.int(0, planSlugs.length - 1)]!;
    const actions = planActions.get(plan)!;
    const ownKpis = kpiSlugs.filter((_, k) => kpiPlan[k] === plan);
    // A committee with enough held meetings for this report's versions.
    const pool = [...heldBy.values()].filter((ms) => ms.length > 0);
    const meetings = r.pick(pool);
    const start = r.int(0, Math.max(0, meetings.length - 1));
    const [kind, kindTitle] = r.pick(kinds);
    const firstMeeting = meetings[start]!;
    let slug = `${kind}-${firstMeeting.date.slice(0, 7)}`;
    for (let n = 2; usedReportSlugs.has(slug); n++) slug = `${kind}-${firstMeeting.date.slice(0, 7)}-${n}`;
    usedReportSlugs.add(slug);
    const [y, m] = firstMeeting.date.split("-").map(Number) as [number, number];
    const title = `${kindTitle} (${MONTH_NAMES[m - 1]} ${y})`;
    const statusOf = new Map<string, ActionStatus>();
    const coveredArea = r.int(1, actions.at(-1)!.area);
    const coverage = r.chance(0.3) ? actions : actions.filter((a) => a.area === coveredArea);
    const versions: { data: VersionFile; body: string }[] = [];
    let meetingIndex = start;
    let published = dayMs(firstMeeting.date) - r.int(7, 14) * DAY;
    let body = reportBody(r, reportWords(r));
    const withDraft = count >= 3 && r.chance(0.05);
    for (let n = 1; n <= count; n++) {
      const isDraft = withDraft && n === count;
      if (n > 1) {
        const sameMeeting = r.chance(0.3) || meetingIndex >= meetings.length - 1;
        if (!sameMeeting) meetingIndex++;
        const meetingDay = dayMs(meetings[meetingIndex]!.date);
        published = Math.max(published + DAY, sameMeeting ? published + r.int(1, 5) * DAY : meetingDay - r.int(5, 12) * DAY);
        // Nothing is published after the build's today (the check refuses it).
        published = Math.min(published, dayMs(TODAY));
        body = reviseBody(r, body);
      }
      const meeting = meetings[meetingIndex]!;
      const progress = (dayMs(meeting.date) - firstDay) / (lastDay - firstDay);
      for (const a of coverage) {
        const was = statusOf.get(a.key);
        if (was === "complete") continue;
        if (was === undefined || r.chance(0.25)) {
          const roll = r.next() + progress * 0.5;
          statusOf.set(a.key, roll < 0.15 ? "not-started" : roll < 0.6 ? "on-track" : roll < 0.75 ? "at-risk" : roll < 0.85 ? "off-track" : roll < 1.2 ? "complete" : "on-track");
        }
      }
      const withdrawn = !isDraft && n < count && r.chance(0.03);
      const ref = `${slug}/v${n}`;
      const kpis = ownKpis.length ? r.sample(ownKpis, r.int(3, Math.min(12, ownKpis.length))) : [];
      const date = isoDay(published);
      const data: VersionFile = {
        title,
        summary: `How the ${plans.get(plan)!.data.title} was going as at ${MONTH_NAMES[m - 1]} ${y}. ${shortText(r, 1)}`,
        published: date,
        status: isDraft ? "draft" : withdrawn ? "withdrawn" : "published",
        ...(withdrawn ? { withdrawnReason: "It was published with the previous quarter's figures by mistake; the next version corrects them." } : {}),
        ...(n > 1 ? { changes: r.pick(["Corrected the figures for annual reviews in table 2.", `Updated with the figures for ${MONTH_NAMES[(m + n) % 12]}.`, "Added the results of the parent carer survey.", "Revised the status of two actions after the Board's challenge."]) } : {}),
        ...(isDraft ? {} : { meeting: meeting.slug }),
        plan,
        authors: r.sample(LEADS, r.int(0, 2)),
        recommendations: Array.from({ length: r.int(1, 6) }, (_, k) => `(${k + 1}) ${recommendation(r)}`),
        actions: coverage.filter((a) => statusOf.has(a.key)).map((a) => ({ action: a.key, status: statusOf.get(a.key)!, commentary: shortText(r, r.int(1, 3)) })),
        kpis: kpis.map((k) => (r.chance(0.6) ? { kpi: k, commentary: shortText(r, 1) } : { kpi: k })),
        ...(r.chance(0.05) ? { sourceNotes: ["The appendix is not included in the published agenda pack."] } : {}),
      };
      versions.push({ data, body });
      if (!isDraft) {
        presented.set(meeting.slug, [...(presented.get(meeting.slug) ?? []), { ref, title, report: slug, plan }]);
        for (const k of data.kpis ?? []) kpiMentions.set(k.kpi, [...(kpiMentions.get(k.kpi) ?? []), { ref, date, ...(k.commentary ? { commentary: k.commentary } : {}) }]);
      }
    }
    reports.set(slug, versions);
  });

  // Agendas and decisions. Decisions are shared out over held meetings.
  const dr = rng("decisions");
  const decisionCounts = new Map<string, number>(held.map((m) => [m.slug, 0]));
  for (let i = 0; i < preset.decisions; i++) {
    const m = i < held.length ? held[i]! : held[dr.int(0, held.length - 1)]!;
    decisionCounts.set(m.slug, decisionCounts.get(m.slug)! + 1);
  }
  const allActions = [...planActions.values()].flat();
  const decisionIds: string[] = [];
  const meetings = new Map<string, { data: MeetingFile; body: string }>();
  let minute = 1;
  for (const m of meetingList) {
    const r = rng(`meeting:${m.slug}`);
    const papers = presented.get(m.slug) ?? [];
    const agenda: AgendaItem[] = [
      { number: "1", title: "Apologies for Absence" },
      { number: "2", title: "Declarations of Interest", summary: "Members declare any interests they have in items on the agenda." },
      { number: "3", title: "Minutes of the Previous Meeting" },
    ];
    const reportItems = new Map<string, { ref: string; report: string; plan: string }>();
    for (const p of papers) {
      const number = String(agenda.length + 1);
      reportItems.set(number, p);
      agenda.push({ number, title: p.title, summary: shortText(r, 1), papers: [{ title: `${p.title} (report of the Executive Director of Children's Services)`, report: r.chance(0.7) ? p.ref : p.report }] });
    }
    const others = r.int(1, 4);
    for (let k = 0; k < others; k++) {
      const number = String(agenda.length + 1);
      agenda.push({
        number,
        title: r.pick(["Performance and Quality", "Ofsted Inspections", "Petition from parents and carers", "High Needs Budget", "Work Programme", "Cabinet Member Reports"]),
        ...(r.chance(0.7) ? { summary: shortText(r, 1) } : {}),
        ...(r.chance(0.5) ? { papers: [{ title: "Report of the Chief Legal and Democratic Officer", url: `https://democracy.example.gov.uk/documents/${m.slug}-${number}.pdf` }] } : {}),
      });
    }
    const decisions: Decision[] = [];
    const n = decisionCounts.get(m.slug) ?? 0;
    const substantive = agenda.slice(2);
    const ageYears = (dayMs(TODAY) - dayMs(m.date)) / (365 * DAY);
    for (let k = 1; k <= n; k++) {
      const item = r.pick(substantive);
      const paper = reportItems.get(item.number);
      const id = `${m.slug}-${k}`;
      decisionIds.push(id);
      const followUps = Array.from({ length: r.chance(0.5) ? r.int(1, 3) : 0 }, () => {
        const done = r.chance(Math.min(0.95, ageYears * 0.6));
        return {
          text: r.pick(["Bring an update to the next meeting", "Circulate the revised trajectory to members", "Report the results of the audit", "Write to the Secretary of State", "Arrange a briefing for members on the autism pathway", "Publish the parent carer survey results"]),
          ...(r.chance(0.8) ? { owner: r.pick(LEADS) } : {}),
          ...(r.chance(0.8) ? { due: monthKey(monthIndex(Number(m.date.slice(0, 4)), Number(m.date.slice(5, 7))) + r.int(1, 6)) } : {}),
          status: done ? r.pick(["done", "done", "done", "dropped"] as const) : r.pick(["open", "in-progress"] as const),
          ...(r.chance(0.1) ? { note: shortText(r, 1) } : {}),
        };
      });
      const paperPlanActions = paper ? planActions.get(paper.plan)! : allActions;
      decisions.push({
        id,
        ref: `Minute ${minute} (${k})`,
        item: item.number,
        kind: r.pick(["resolved", "resolved", "resolved", "noted", "noted", "recommended", "deferred"] as const),
        text: `That ${r.pick(["the report be noted", "the revised trajectory be approved", "the Committee's thanks be recorded", "officers bring a further report", "the risks set out in the report be accepted"])}. ${shortText(r, r.int(0, 3))}`.trim(),
        actions: r.chance(0.6) ? r.sample(paperPlanActions, r.int(1, 3)).map((a) => a.key) : [],
        kpis: r.chance(0.4) ? r.sample(kpiSlugs, r.int(1, 2)) : [],
        reports: paper && r.chance(0.8) ? [paper.report] : [],
        followUps,
      });
    }
    minute += agenda.length;
    const data: MeetingFile = {
      committee: m.committee.slug,
      date: m.date,
      time: r.pick(["10:00", "14:00", "18:00", "18:30"]),
      venue: r.pick(["Committee Room 1, Town Hall", "Council Chamber, Town Hall", "Online (Microsoft Teams)", "Board Room, Civic Centre"]),
      status: m.status,
      ...(m.status === "cancelled" ? { cancelledReason: "The meeting was cancelled because it was not quorate." } : {}),
      agenda: m.status === "held" || r.chance(0.5) ? agenda : agenda.slice(0, 3),
      decisions,
      ...(m.status === "held" && r.chance(0.5) ? { minutesUrl: `https://democracy.example.gov.uk/minutes/${m.slug}` } : {}),
      ...(m.status === "held" && ageYears > 0.3 ? { minutesApproved: isoDay(dayMs(m.date) + r.int(28, 70) * DAY) } : {}),
    };
    meetings.set(m.slug, { data, body: m.status === "held" ? minutes(r, agenda.slice(2, 8).map((a) => `Item ${a.number}: ${a.title}`)) : "" });
  }

  // KPIs.
  const kpis = new Map<string, KpiFile>();
  kpiSlugs.forEach((slug, i) => kpis.set(slug, kpiFile({ r: rng(`kpi:${slug}`), slug, index: i, topic: kpiTopic[i]!, plan: kpiPlan[i]!, first, preset, mentions: kpiMentions.get(slug) ?? [], decisionIds })));

  return {
    site: {
      title: `SEND improvement in Exampleshire (synthetic, scale ${options.scale})`,
      organisation: "Exampleshire Council",
      partners: ["NHS Exampleshire"],
      description: "Synthetic content for the portal's performance benchmark: promises, progress, indicators and committee decisions.",
      baseUrl: "https://send.example.org",
      contact: { name: "Exampleshire Council SEND team", email: "send@example.org" },
      featuredPlan: planSlugs[0]!,
      accessibilityReviewed: "2026-06-30",
    },
    glossary: GLOSSARY,
    committees,
    plans,
    kpis,
    meetings,
    reports,
  };
}

const round = (n: number, decimals: number) => Math.round(n * 10 ** decimals) / 10 ** decimals;

function kpiFile(o: { r: Rng; slug: string; index: number; topic: Topic; plan: string; first: number; preset: Preset; mentions: { ref: string; date: string; commentary?: string }[]; decisionIds: string[] }): KpiFile {
  const { r, topic, first } = o;
  const decimals = topic.decimals ?? (topic.unit === "percent" || topic.unit === "rate" ? 1 : 0);
  const clamp = (v: number) => round(topic.unit === "percent" ? Math.min(100, Math.max(0, v)) : Math.max(0, v), decimals);
  const months = Array.from({ length: LAST - first + 1 }, (_, k) => first + k);
  const spread = Math.abs(topic.to - topic.from) || topic.from * 0.2;
  const noise = spread * 0.06;
  const level = (k: number) => topic.from + (topic.to - topic.from) * Math.min(1, (k / months.length) * r.next() * 1.6);

  // Missing runs: a tracker not in place at the start, and scattered gaps.
  const trackerGap = r.chance(0.15) ? r.int(3, 18) : 0;
  const lastMissing = r.chance(0.2);
  const series: KpiFile["series"] = [];
  const cohorts = r.sample(COHORTS, r.int(o.preset.maxCohorts > 1 ? 1 : 0, o.preset.maxCohorts));
  const lines: { id: string; label: string; offset: number; small: boolean }[] = [
    { id: "all", label: "All children and young people", offset: 0, small: false },
    ...cohorts.map(([id, label]) => ({ id, label, offset: r.normal(0, spread * 0.25), small: id === "looked-after" || id === "post-16" })),
  ];
  const asAt = r.chance(0.1);
  for (const line of lines) {
    const values: Observation[] = months.map((m, k) => {
      const period = monthKey(m);
      if (k < trackerGap) return { period, value: null, missing: `Tracker not in place until ${MONTH_NAMES[(first + trackerGap) % 12]} ${Math.floor((first + trackerGap) / 12)}` };
      if (lastMissing && k === months.length - 1) return { period, value: null, missing: "Validated in October; not yet published" };
      if (line.small && r.chance(0.04)) return { period, value: null, suppressed: true };
      if (r.chance(0.02)) return { period, value: null, missing: r.pick(MISSING_REASONS) };
      const value = clamp(level(k) + line.offset + r.normal(0, noise));
      const obs: Observation = { period, value };
      if (topic.unit === "percent" && r.chance(0.5)) obs.count = Math.round((value / 100) * r.int(200, 900));
      if (k < months.length - 3 && r.chance(0.012)) {
        const revisedDay = `${monthKey(m + 1 + r.int(0, 2))}-${pad(r.int(1, 28))}`;
        obs.revisions = [{ value: r.chance(0.2) ? null : clamp(value + r.normal(0, noise * 2)), revised: revisedDay, reason: r.pick(["Late returns from schools were added.", "A duplicate record was removed.", "Corrected after validation by the Department for Education."]) }];
      }
      if (r.chance(0.005)) obs.note = "Includes cases transferred from a neighbouring authority.";
      return obs;
    });
    // The latest two figures are provisional; the very latest may be a part-month figure.
    const withFigures = values.filter((v) => v.value !== null);
    for (const v of withFigures.slice(-2)) v.provisional = true;
    const latest = withFigures.at(-1);
    if (asAt && latest && latest.period === monthKey(LAST)) latest.asAt = `${monthKey(LAST)}-${pad(r.int(10, 25))}`;
    series.push({ id: line.id, label: line.label, frequency: "monthly", values });
  }
  // Some indicators are also published for whole academic years or quarters.
  if (r.chance(0.25)) {
    const firstYear = Math.floor(first / 12) + (first % 12 > 8 ? 1 : 0);
    const values: Observation[] = [];
    for (let y = firstYear; monthIndex(y + 1, 8) <= LAST; y++) values.push({ period: `AY${y}/${pad((y + 1) % 100)}`, value: clamp(level(monthIndex(y + 1, 8) - first) + r.normal(0, noise)) });
    if (values.length) series.push({ id: "all-academic-year", label: "All children and young people, whole academic year", frequency: "academic-year", values });
  } else if (r.chance(0.15)) {
    const values: Observation[] = [];
    for (let m = first + ((3 - (first % 3)) % 3); m + 2 <= LAST; m += 3) values.push({ period: `${Math.floor(m / 12)}-Q${(m % 12) / 3 + 1}`, value: clamp(level(m - first) + r.normal(0, noise)) });
    if (values.length) series.push({ id: "all-quarterly", label: "All children and young people, by quarter", frequency: "quarterly", values });
  }

  const headline = series[0]!.values;
  const baselineValue = headline.find((v) => v.value !== null)?.value ?? null;
  const noBaseline = r.chance(0.05) || baselineValue === null;
  const baseline: KpiFile["baseline"] = noBaseline
    ? { value: null, period: monthKey(first), note: "The baseline will be set from the first full year of the new tracker." }
    : { value: baselineValue, period: headline.find((v) => v.value !== null)!.period };

  // Comparators: monthly where a target depends on them, otherwise each March.
  const style = topic.better === "neither" ? "none" : r.pick(["value", "value", "baseline-plus", "comparator", "max", "unquantified"] as const);
  const needsMonthly = style === "comparator" || style === "max";
  const comparators: NonNullable<KpiFile["comparators"]> = [];
  if (needsMonthly || r.chance(0.6)) {
    const nationalOffset = r.normal(0, spread * 0.2);
    comparators.push({
      id: "national",
      label: "National average",
      values: months.filter((m) => needsMonthly || m % 12 === 2).map((m) => ({ period: monthKey(m), value: clamp(level(m - first) + nationalOffset) })),
    });
    if (r.chance(0.4)) comparators.push({ id: "north-west", label: "North West average", values: months.filter((m) => m % 12 === 2).map((m) => ({ period: monthKey(m), value: clamp(level(m - first) + nationalOffset * 0.5) })) });
    if (lines.length > 1 && r.chance(0.3)) comparators.push({ id: "national-cohort", label: `National average (${lines[1]!.label})`, series: lines[1]!.id, values: months.filter((m) => m % 12 === 2).map((m) => ({ period: monthKey(m), value: clamp(level(m - first)) })) });
  }

  // Targets: a milestone a year, from the first anniversary to a year past the last figure.
  const targets: NonNullable<KpiFile["targets"]> = [];
  const fmt = (v: number) => (topic.unit === "percent" ? `${v}%` : topic.unit === "gbp" ? `£${v.toLocaleString("en-GB")}` : `${v} ${topic.unit === "count" || topic.unit === "rate" || topic.unit === "score" ? "" : topic.unit}`.trim());
  if (style !== "none") {
    const sign = topic.better === "higher" ? 1 : -1;
    for (let m = first + 12, step = 1; m <= LAST + 12; m += 12, step++) {
      const goal = round(topic.from + (topic.to - topic.from) * Math.min(1, step / o.preset.years), decimals);
      const label = `${step * 12} months`;
      let target: TargetExpr;
      let wording: string;
      if (style === "baseline-plus" && !noBaseline) {
        const by = topic.unit === "percent" && r.chance(0.5) ? "points" : "percent";
        const change = sign * step * (by === "points" ? 2 : 5);
        target = { kind: "baseline-plus", change, by };
        wording = `Baseline ${change >= 0 ? "plus" : "minus"} ${Math.abs(change)}${by === "points" ? " percentage points" : "%"}`;
      } else if (style === "comparator") {
        const offset = r.chance(0.3);
        target = offset ? { kind: "comparator", comparator: "national", plus: sign * 2 } : { kind: "comparator", comparator: "national" };
        wording = offset ? `The national average ${sign > 0 ? "plus" : "minus"} 2` : "In line with the national average";
      } else if (style === "max") {
        target = { kind: topic.better === "higher" ? "max" : "min", of: [{ kind: "value", value: goal }, { kind: "comparator", comparator: "national" }] };
        wording = `${fmt(goal)} or the national average, whichever is ${topic.better === "higher" ? "higher" : "lower"}`;
      } else if (style === "unquantified" && step % 2 === 0) {
        target = { kind: "unquantified" };
        wording = "Continue to improve on the previous year";
      } else {
        target = { kind: "value", value: goal };
        wording = fmt(goal);
      }
      targets.push({ period: monthKey(m), label, target, wording });
    }
  }

  const rebaselines: NonNullable<KpiFile["rebaselines"]> =
    r.chance(0.05) && o.decisionIds.length && targets.length
      ? [{ date: `${monthKey(first + 24)}-15`, reason: "The Board agreed a more realistic trajectory after the first two years.", decision: r.pick(o.decisionIds), ...(baseline.value !== null ? { previousBaseline: { value: clamp(baseline.value * 1.1), period: baseline.period } } : {}), previousTargets: [{ period: monthKey(first + 12), label: "12 months", target: { kind: "value", value: clamp(topic.to) }, wording: fmt(clamp(topic.to)) }] }]
      : [];
  const breaks: NonNullable<KpiFile["breaks"]> = r.chance(0.05) ? [{ period: monthKey(first + r.int(12, months.length - 1)), description: "The figure now counts working days rather than calendar days." }] : [];
  const commentary: NonNullable<KpiFile["commentary"]> = o.mentions.slice(-12).map((m) => ({
    report: m.ref,
    period: m.date.slice(0, 7),
    ...(r.chance(0.4) ? { directionAsPrinted: r.pick(["Improving", "Declining", "Static", "Improving (provisional)"]) } : {}),
    text: m.commentary ?? shortText(r, r.int(1, 3)),
  }));
  const area = (o.index % o.preset.areasPerPlan) + 1;
  return {
    $schema: "../../schema/kpi.schema.json",
    ref: `KPI ${area}/${Math.floor(o.index / o.preset.areasPerPlan) + 1}${r.chance(0.2) ? "a" : ""}`,
    title: `${topic.title}${o.index >= TOPICS.length ? ` (${Math.floor(o.index / TOPICS.length) + 1})` : ""}`,
    ...(r.chance(0.3) ? { printedTitle: `% ${topic.title.toLowerCase()} (excluding exceptions)` } : {}),
    meaning: `${topic.title}, counted each month. ${topic.better === "neither" ? "More or fewer is neither good nor bad in itself." : `${topic.better === "higher" ? "Higher" : "Lower"} is better.`} ${shortText(r, 1)}`,
    unit: topic.unit,
    better: topic.better,
    ...(topic.decimals !== undefined ? { decimals: topic.decimals } : {}),
    source: r.pick(["Exampleshire Council EHCP tracker", "NHS Exampleshire community health services dataset", "Department for Education school census", "Exampleshire Council case management system"]),
    plan: o.plan,
    baseline,
    targets,
    comparators,
    series,
    rebaselines,
    breaks,
    commentary,
    sourceNotes: r.chance(0.1) ? ["Figures before the tracker was rebuilt were re-keyed from monthly returns."] : [],
  };
}
