/**
 * New content files, written the way an officer would: only the fields that
 * matter, with comments showing how to fill in the rest. Each passes
 * `npm run check` as written, except a new report version, whose `changes` is
 * left empty on purpose so it cannot be published until someone says what changed.
 */
import type { Frequency } from "../../src/schemas/period.ts";
import type { Better, Unit } from "../../src/schemas/index.ts";
import { joinFrontMatter, removeField, setField, splitFrontMatter, yamlField, fieldValue } from "./front-matter.ts";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Why `slug` cannot be a file name, with a suggestion; undefined when it can. */
export function slugProblem(slug: string): { message: string; fix: string } | undefined {
  if (SLUG.test(slug)) return undefined;
  const suggestion = slug
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return {
    message: `"${slug}" cannot be used as a name: it becomes part of the web address, so it may contain only lower-case letters, digits and single hyphens`,
    fix: suggestion ? `Use ${suggestion}` : "Use a short name such as send-progress-report-2024",
  };
}

/** `send-progress-report-2024` → `Send progress report 2024`. */
export function titleFromSlug(slug: string): string {
  const words = slug.split("-").join(" ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const lines = (...parts: (string | false | undefined)[]) =>
  parts.filter((p): p is string => typeof p === "string").join("\n");

/** `content/reports/{report}/v1.md`: a draft, shown only in `npm run dev` until its status is published. */
export function reportFile(o: {
  title: string;
  summary: string;
  published: string;
  meeting?: string | undefined;
  plan?: string | undefined;
}): string {
  return `${lines(
    "---",
    yamlField("title", o.title),
    yamlField("summary", o.summary),
    yamlField("published", o.published),
    "# draft: shown only in the preview (npm run dev). Change to published when it is ready.",
    yamlField("status", "draft"),
    o.meeting && yamlField("meeting", o.meeting),
    o.plan && yamlField("plan", o.plan),
    "authors: []",
    "# What the report asks the meeting to do, as printed, one line each.",
    "recommendations: []",
    "# The status of each action as at this report, for example:",
    "#   - action: send-improvement-plan/1-1",
    "#     status: on-track   # not-started, on-track, at-risk, off-track, complete or not-rated",
    "#     commentary: What has happened and what happens next, in plain words.",
    "actions: []",
    "# The indicators this report covers, for example:",
    "#   - kpi: kpi-1-2a",
    "kpis: []",
    "---",
    "## Summary",
    "",
    "Write the report here in plain words. Headings start at ## (two hash signs).",
  )}\n`;
}

/**
 * The next version of a report: a copy of the latest with status draft, today's
 * date and an empty `changes` field the check refuses until it is filled in.
 * Undefined when the latest version has no front matter to copy.
 */
export function nextVersionFile(latest: string, o: { from: number; published: string }): string | undefined {
  let fm = splitFrontMatter(latest);
  if (!fm) return undefined;
  fm = removeField(removeField(fm, "publishedNote"), "withdrawnReason");
  fm = setField(fm, "published", yamlField("published", o.published), "summary");
  fm = setField(fm, "status", yamlField("status", "draft"), "published");
  fm = setField(
    fm,
    "changes",
    yamlField(
      "changes",
      "",
      `Required: say in a sentence what changed since v${o.from}. The check fails until you do.`,
    ),
    "status",
  );
  return joinFrontMatter(fm);
}

/** The status of a report version's front matter, e.g. `draft`. */
export function versionStatus(text: string): string | undefined {
  const fm = splitFrontMatter(text);
  return fm && fieldValue(fm, "status");
}

/** `content/meetings/{meeting}.md`, with commented examples of an agenda item and a decision. */
export function meetingFile(o: {
  slug: string;
  committee: string;
  date: string;
  status: "scheduled" | "held";
  time?: string | undefined;
  venue?: string | undefined;
  title?: string | undefined;
}): string {
  return `${lines(
    "---",
    yamlField("committee", o.committee),
    o.title && yamlField("title", o.title),
    yamlField("date", o.date),
    // Quoted: a YAML 1.1 reader would take 18:30 for the number 1110.
    o.time && `time: ${JSON.stringify(o.time)}`,
    o.venue && yamlField("venue", o.venue),
    "# scheduled, held or cancelled (a cancelled meeting needs cancelledReason).",
    yamlField("status", o.status),
    "# Each agenda item, for example:",
    '#   - number: "5"',
    "#     title: SEND Improvement Plan progress report",
    "#     papers:",
    "#       - title: SEND Improvement Plan progress report",
    "#         report: send-progress-report-2020   # a report in content/reports/",
    "agenda: []",
    "# What the meeting decided, once it has met, for example:",
    `#   - id: ${o.slug}-5   # unique; the decision's address is /decisions/{id}/`,
    "#     ref: Minute 5",
    '#     item: "5"',
    "#     kind: resolved   # resolved, recommended, noted or deferred",
    "#     text: That the report be noted and an update be brought to the next meeting.",
    "#     actions: [send-improvement-plan/1-1]",
    "#     followUps:",
    "#       - text: Bring an update to the next meeting",
    "#         status: open   # open, in-progress, done or dropped",
    "decisions: []",
    "---",
    "",
  )}`;
}

/** `data/kpis/{kpi}.json`, with one empty series. */
export function kpiFile(o: {
  ref: string;
  title: string;
  meaning: string;
  unit: Unit;
  better: Better;
  source: string;
  frequency: Frequency;
  seriesId: string;
  seriesLabel: string;
  plan?: string | undefined;
  /** The path from `data/kpis/` to `kpi.schema.json`, for editor autocomplete; differs for a content root outside this repository. */
  schema?: string | undefined;
}): string {
  const kpi = {
    $schema: o.schema ?? "../../schema/kpi.schema.json",
    ref: o.ref,
    title: o.title,
    meaning: o.meaning,
    unit: o.unit,
    better: o.better,
    source: o.source,
    ...(o.plan !== undefined && { plan: o.plan }),
    targets: [],
    comparators: [],
    series: [{ id: o.seriesId, label: o.seriesLabel, frequency: o.frequency, values: [] }],
  };
  return `${JSON.stringify(kpi, null, 2)}\n`;
}
