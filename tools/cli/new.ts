/**
 * `npm run new -- report|version|meeting|kpi …`: starts a new content file that
 * already passes the check, so an officer fills in words rather than syntax.
 * `npm run new -- portal <folder>` starts a whole content root for a new council.
 * See `--help` and docs/publishing.md.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { loadPortal } from "../../src/lib/content/load.ts";
import { parsePeriod, FREQUENCIES, type Frequency } from "../../src/schemas/period.ts";
import { better as betterSchema, unit as unitSchema, type Better, type Unit } from "../../src/schemas/index.ts";
import { parseArgs, type OptionSpec } from "../officer/args.ts";
import { guard, obtain, problemLines, refuse, runIfMain, todayUtc, type CliOptions } from "../officer/cli.ts";
import { nearest } from "../../src/lib/nearest.ts";
import { listSlugs, readContentText, reportVersions } from "../officer/read.ts";
import {
  kpiFile,
  meetingFile,
  nextVersionFile,
  reportFile,
  slugProblem,
  titleFromSlug,
  versionStatus,
} from "../officer/scaffold.ts";
import { writeChecked, type FileWrite } from "../officer/write.ts";
import type { Problem } from "../../src/lib/content/problems.ts";

const UNITS = unitSchema.options;
const BETTER = betterSchema.options;
const FREQUENCY_NAMES = Object.keys(FREQUENCIES) as Frequency[];

export const HELP = `Start a new content file that already passes npm run check.

  npm run new -- portal <folder> --council "…" --email <address>
      A complete content root for a new council in <folder> (new or empty): site settings, a
      committee, a plan with an area and an action, a KPI with a target, a report, a meeting,
      a glossary of the common SEND acronyms, redirects, its own urls.lock (after a first build),
      a README for its officers and a CI workflow. Then: PORTAL_DIR=<folder> npm run dev

  npm run new -- report <report> [--title "…"] [--summary "…"] [--meeting <meeting>] [--plan <plan>] [--date <published>]
      content/reports/<report>/v1.md, a draft shown only in the preview (npm run dev)
      until you change its status to published.

  npm run new -- version <report> [v<n>] [--date <published>]
      content/reports/<report>/v<n>.md: a draft copy of the latest version. Its
      "changes:" line is left empty and npm run check fails until you say what
      changed, so it cannot be published by accident. v<n>, if given, must be the
      next number: versions never skip.

  npm run new -- meeting <meeting> --committee <committee> --date <date> [--time HH:MM] [--venue "…"] [--title "…"]
      content/meetings/<meeting>.md, with examples of an agenda item and a decision.

  npm run new -- kpi <kpi> --ref "…" --title "…" --meaning "…" --source "…"
                   --unit <unit> --better <higher|lower|neither> --frequency <frequency>
                   [--series <id>] [--series-label "…"] [--plan <plan>]
      data/kpis/<kpi>.json with one empty series (default id "all").
      unit: ${UNITS.join(", ")}
      frequency: ${FREQUENCY_NAMES.join(", ")}

Names (<report>, <meeting>, <kpi>) become web addresses that never change: use
lower-case letters, digits and hyphens, e.g. send-progress-report-2024. A name
already in use is refused.

Examples:
  npm run new -- report send-progress-report-2024 --meeting hwb-2024-03-13 --plan send-improvement-plan
  npm run new -- version send-progress-report-2020
  npm run new -- meeting hwb-2024-03-13 --committee health-and-wellbeing-board --date 2024-03-13 --time 14:00
  npm run new -- kpi kpi-6-1 --ref "KPI 6/1" --title "Children waiting for an autism assessment" \\
      --meaning "How many children are waiting for an autism assessment." --source "NHS Sefton tracker" \\
      --unit count --better lower --frequency monthly`;

const SPECS: Record<string, OptionSpec> = {
  portal: { council: "string", email: "string" },
  report: { title: "string", summary: "string", meeting: "string", plan: "string", date: "string" },
  version: { date: "string" },
  meeting: { committee: "string", date: "string", time: "string", venue: "string", title: "string" },
  kpi: {
    ref: "string",
    title: "string",
    meaning: "string",
    source: "string",
    unit: "string",
    better: "string",
    frequency: "string",
    series: "string",
    "series-label": "string",
    plan: "string",
  },
};

/** Runs `npm run new`; returns the exit code. */
export async function main(argv: readonly string[], options: CliOptions): Promise<number> {
  const out = options.out ?? console.log;
  return guard(options, async () => {
    const [kind, ...rest] = argv;
    if (kind === undefined)
      refuse("say what to start: portal, report, version, meeting or kpi", ["Run npm run new -- --help to see how."]);
    if (kind === "--help" || kind === "-h" || kind === "help") {
      out(HELP);
      return 0;
    }
    const spec = SPECS[kind];
    if (!spec)
      return refuse(`"${kind}" is not something npm run new can start: use portal, report, version, meeting or kpi`, [
        "Run npm run new -- --help to see how.",
      ]);
    const args = parseArgs(rest, spec);
    if (!args.ok) return refuse(args.message, [`Run npm run new -- --help to see the options for ${kind}.`]);
    if (args.help) {
      out(HELP);
      return 0;
    }
    const [name, ...extra] = args.positionals;
    const allowed = kind === "version" ? 1 : 0;
    if (extra.length > allowed)
      refuse(
        `too many names after ${kind}: ${extra
          .slice(allowed)
          .map((e) => JSON.stringify(e))
          .join(" ")}`,
        ["Put a title or other text with spaces in quotes."],
      );
    const ctx = { options, strings: args.strings, today: options.today ?? todayUtc() };
    if (kind === "portal") return newPortal(name, ctx);
    if (kind === "report") return newReport(name, ctx);
    if (kind === "version") return newVersion(name, extra[0], ctx);
    if (kind === "meeting") return newMeeting(name, ctx);
    return newKpi(name, ctx);
  });
}

interface Context {
  readonly options: CliOptions;
  readonly strings: Readonly<Record<string, string>>;
  readonly today: string;
}

/** A new name: asked for if missing, refused if it is not a slug or is taken. */
async function newName(
  given: string | undefined,
  noun: string,
  taken: readonly string[],
  where: (slug: string) => string,
  ctx: Context,
): Promise<string> {
  const slug = await obtain(
    given,
    `Name for the new ${noun} (lower-case words joined by hyphens; it becomes its web address):`,
    ctx.options.ask,
  );
  if (slug === undefined) refuse(`say what the new ${noun} is called`, ["Run npm run new -- --help to see how."]);
  const bad = slugProblem(slug);
  if (bad) refuse(bad.message, [bad.fix]);
  if (taken.includes(slug))
    refuse(`a ${noun} called ${slug} already exists (${where(slug)})`, [
      "Choose another name: a published address is never reused.",
    ]);
  return slug;
}

/** An existing slug given as an option, refused with a suggestion if there is no such thing. */
function existing(
  value: string | undefined,
  option: string,
  known: readonly string[],
  where: string,
): string | undefined {
  if (value === undefined || known.includes(value)) return value;
  const near = nearest(value, known);
  return refuse(`--${option}: there is no ${option} "${value}" in ${where}`, [
    near ? `Did you mean ${near}?` : `The ${option}s are: ${known.join(", ") || "(none yet)"}.`,
  ]);
}

function periodOption(value: string, option: string): string {
  if (!parsePeriod(value))
    refuse(`--${option} ${JSON.stringify(value)} is not a date or period`, [
      "Write a date as YYYY-MM-DD, e.g. 2024-03-13 (or a month such as 2024-03 when the day is not known).",
    ]);
  return value;
}

function save(ctx: Context, writes: readonly FileWrite[], expected?: (p: Problem) => boolean): void {
  const result = writeChecked(ctx.options.root, writes, expected ? { expected } : {});
  if (!result.ok)
    refuse("the new file would make the content fail its check, so it was not kept:", problemLines(result.problems));
}

async function newReport(given: string | undefined, ctx: Context): Promise<number> {
  const { root } = ctx.options;
  const slug = await newName(given, "report", listSlugs(root, "content/reports"), (s) => `content/reports/${s}/`, ctx);
  const meeting = existing(
    ctx.strings["meeting"],
    "meeting",
    listSlugs(root, "content/meetings", ".md"),
    "content/meetings/",
  );
  const plan = existing(ctx.strings["plan"], "plan", listSlugs(root, "content/plans", ".md"), "content/plans/");
  const published = periodOption(ctx.strings["date"] ?? ctx.today, "date");
  const title =
    (await obtain(ctx.strings["title"], `Title (press Enter for "${titleFromSlug(slug)}"):`, ctx.options.ask)) ??
    titleFromSlug(slug);
  const summary =
    (await obtain(
      ctx.strings["summary"],
      "A sentence or two, in plain words, on what the report says:",
      ctx.options.ask,
    )) ?? "Write a sentence or two in plain words: what this report says and what it asks the meeting to do.";
  const file = `content/reports/${slug}/v1.md`;
  save(ctx, [{ file, text: reportFile({ title, summary, published, meeting, plan }) }]);
  (ctx.options.out ?? console.log)(
    [
      `Created ${file} as a draft.`,
      "Next: write the report and its summary, list the actions and KPIs it covers, and preview it with npm run dev.",
      "When it is ready, change status: draft to status: published, run npm run check, and commit.",
    ].join("\n"),
  );
  return 0;
}

async function newVersion(given: string | undefined, asked: string | undefined, ctx: Context): Promise<number> {
  const { root } = ctx.options;
  const reports = listSlugs(root, "content/reports");
  const report = await obtain(given, "Which report? (its folder name in content/reports/):", ctx.options.ask);
  if (report === undefined) refuse("say which report gets a new version", ["Usage: npm run new -- version <report>"]);
  existing(report, "report", reports, "content/reports/");
  const versions = reportVersions(root, report);
  if (versions.length === 0)
    refuse(`content/reports/${report}/ has no v1.md to copy`, [
      `Start the report with npm run new -- report ${report} instead.`,
    ]);
  const gap = versions.findIndex((v, i) => v.n !== i + 1);
  if (gap >= 0)
    refuse(`the versions of ${report} skip a number (${versions.map((v) => `v${v.n}`).join(", ")})`, [
      `Rename v${versions[gap]!.n}${versions[gap]!.ext} to v${gap + 1}${versions[gap]!.ext} first; versions run v1, v2, … without gaps.`,
    ]);
  const latest = versions.length;
  const next = latest + 1;
  if (asked !== undefined) {
    const n = Number(/^v?([1-9]\d*)$/i.exec(asked)?.[1] ?? NaN);
    if (Number.isNaN(n)) refuse(`"${asked}" is not a version number`, [`The next version is v${next}.`]);
    if (n <= latest)
      refuse(`v${n} of ${report} already exists`, [
        `The next version is v${next}. To change v${n}, edit content/reports/${report}/v${n}${versions[n - 1]?.ext ?? ".md"}.`,
      ]);
    const skipped =
      n - next === 1 ? `v${next}` : n - next === 2 ? `v${next} and v${next + 1}` : `v${next} to v${n - 1}`;
    if (n > next) refuse(`v${n} would skip ${skipped}: versions run without gaps`, [`The next version is v${next}.`]);
  }
  // A new version is written the way the latest one is, Markdown or MDX.
  const ext = versions.at(-1)!.ext;
  const from = `content/reports/${report}/v${latest}${ext}`;
  const read = readContentText(root, from);
  if (!read.ok) refuse(`${from} could not be read, so no new version was made:`, problemLines([read.problem]));
  const latestText = read.text;
  if (versionStatus(latestText) === "draft")
    refuse(`v${latest} of ${report} is still a draft`, [
      `Finish ${from} (or delete it) before starting v${next}: only one draft at a time.`,
    ]);
  const published = periodOption(ctx.strings["date"] ?? ctx.today, "date");
  const text = nextVersionFile(latestText, { from: latest, published });
  if (text === undefined)
    refuse(`${from} has no front matter to copy`, ["Run npm run check to see what is wrong with it."]);
  const file = `content/reports/${report}/v${next}${ext}`;
  save(ctx, [{ file, text }], (p) => p.file === file && p.field === "changes");
  (ctx.options.out ?? console.log)(
    [
      `Created ${file}, a draft copy of v${latest}.`,
      `Next: 1. On the "changes:" line, say in a sentence what changed since v${latest} (npm run check fails until you do).`,
      "      2. Update the text, the action statuses and the figures.",
      "      3. Preview with npm run dev, then change status: draft to status: published, run npm run check, and commit.",
    ].join("\n"),
  );
  return 0;
}

async function newMeeting(given: string | undefined, ctx: Context): Promise<number> {
  const { root, ask } = ctx.options;
  const slug = await newName(
    given,
    "meeting",
    listSlugs(root, "content/meetings", ".md"),
    (s) => `content/meetings/${s}.md`,
    ctx,
  );
  const committees = listSlugs(root, "content/committees", ".yml");
  const committee = await obtain(ctx.strings["committee"], `Which committee? (${committees.join(", ")}):`, ask);
  const date = await obtain(ctx.strings["date"], "The date of the meeting (YYYY-MM-DD):", ask);
  const absent = [committee === undefined && "--committee", date === undefined && "--date"].filter(Boolean);
  if (absent.length)
    refuse(`missing ${absent.join(" and ")}`, [
      `Usage: npm run new -- meeting ${slug} --committee <committee> --date YYYY-MM-DD. Committees: ${committees.join(", ")}.`,
    ]);
  existing(committee, "committee", committees, "content/committees/");
  const period = parsePeriod(periodOption(date!, "date"))!;
  const time = ctx.strings["time"];
  if (time !== undefined && !/^(?:[01]\d|2[0-3]):[0-5]\d$/.test(time))
    refuse(`--time ${JSON.stringify(time)} is not a 24-hour time`, ["Write it as HH:MM, e.g. 18:30."]);
  const file = `content/meetings/${slug}.md`;
  const status = period.end < ctx.today ? "held" : "scheduled";
  save(ctx, [
    {
      file,
      text: meetingFile({
        slug,
        committee: committee!,
        date: date!,
        status,
        time,
        venue: ctx.strings["venue"],
        title: ctx.strings["title"],
      }),
    },
  ]);
  (ctx.options.out ?? console.log)(
    [
      `Created ${file} (status: ${status}).`,
      "Next: add the agenda and, once the meeting has been held, its decisions; the comments in the file show how.",
      "Run npm run check, preview with npm run dev, and commit.",
    ].join("\n"),
  );
  return 0;
}

async function newKpi(given: string | undefined, ctx: Context): Promise<number> {
  const { root, ask } = ctx.options;
  const slug = await newName(given, "KPI", listSlugs(root, "data/kpis", ".json"), (s) => `data/kpis/${s}.json`, ctx);
  const s = ctx.strings;
  const ref = await obtain(s["ref"], 'The reference as printed (e.g. "KPI 6/1"):', ask);
  const title = await obtain(s["title"], "A plain-language title a parent would understand:", ask);
  const meaning = await obtain(s["meaning"], "What the number means and why it matters, in plain words:", ask);
  const source = await obtain(s["source"], "Where the figures come from:", ask);
  const unit = await obtain(s["unit"], `Measured in (${UNITS.join(", ")}):`, ask);
  const better = await obtain(s["better"], `Which way is better (${BETTER.join(", ")}):`, ask);
  const frequency = await obtain(s["frequency"], `How often it is measured (${FREQUENCY_NAMES.join(", ")}):`, ask);
  const details = { ref, title, meaning, source, unit, better, frequency };
  const absent = Object.entries(details)
    .filter(([, v]) => v === undefined)
    .map(([k]) => `--${k}`);
  if (absent.length) refuse(`missing ${absent.join(", ")}`, ["Run npm run new -- --help to see what each one means."]);
  const oneOf = <T extends string>(value: string, option: string, allowed: readonly T[]): T => {
    if ((allowed as readonly string[]).includes(value)) return value as T;
    return refuse(
      `--${option} ${JSON.stringify(value)} is not one of ${allowed.join(", ")}`,
      nearest(value, allowed) ? [`Did you mean ${nearest(value, allowed)}?`] : [],
    );
  };
  const seriesId = s["series"] ?? "all";
  const badSeries = slugProblem(seriesId);
  if (badSeries) refuse(`--series: ${badSeries.message}`, [badSeries.fix]);
  const plan = existing(s["plan"], "plan", listSlugs(root, "content/plans", ".md"), "content/plans/");
  const file = `data/kpis/${slug}.json`;
  const text = kpiFile({
    ref: ref!,
    title: title!,
    meaning: meaning!,
    source: source!,
    unit: oneOf<Unit>(unit!, "unit", UNITS),
    better: oneOf<Better>(better!, "better", BETTER),
    frequency: oneOf<Frequency>(frequency!, "frequency", FREQUENCY_NAMES),
    seriesId,
    seriesLabel: s["series-label"] ?? "All children and young people",
    plan,
    schema: relative(join(root, "data/kpis"), join(SCHEMA_DIR, "kpi.schema.json")).split("\\").join("/"),
  });
  save(ctx, [{ file, text }]);
  (ctx.options.out ?? console.log)(
    [
      `Created ${file}.`,
      "Next: add the baseline, targets and comparators (your editor suggests the fields), list the KPI under its action in content/plans/,",
      `and add figures with npm run kpi -- add ${slug} <period> <value>.`,
    ].join("\n"),
  );
  return 0;
}

/** This repository's `schema/` folder, for editor autocomplete in any content root. */
const SCHEMA_DIR = resolve(import.meta.dirname, "../../schema");

async function newPortal(given: string | undefined, ctx: Context): Promise<number> {
  // Loaded only here: the first build needs the gates' site scanner, which the other kinds never do.
  const { starterFiles } = await import("../officer/starter.ts");
  const { lockNewRoot } = await import("../officer/starter-lock.ts");
  const { ask } = ctx.options;
  const folder = await obtain(given, "Folder for the new portal's content (it must be new or empty):", ask);
  if (folder === undefined)
    refuse("say which folder to create", ['Usage: npm run new -- portal <folder> --council "…" --email <address>']);
  const root = resolve(ctx.options.cwd ?? ctx.options.root, folder);
  if (existsSync(root) && readdirSync(root).length > 0)
    refuse(`${root} already has files in it`, ["Choose a new or empty folder: the starter never overwrites anything."]);
  const council = await obtain(ctx.strings["council"], 'The council\'s name (e.g. "Northmoor Council"):', ask);
  const email = await obtain(ctx.strings["email"], "An email address families can write to:", ask);
  const absent = [council === undefined && "--council", email === undefined && "--email"].filter(Boolean);
  if (absent.length)
    refuse(`missing ${absent.join(" and ")}`, [
      `Usage: npm run new -- portal ${folder} --council "…" --email <address>`,
    ]);
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email!)) refuse(`--email ${JSON.stringify(email)} is not an email address`);
  const files = starterFiles({
    council: council!,
    email: email!,
    today: ctx.today,
    schemaDir: relative(root, SCHEMA_DIR).split("\\").join("/"),
  });
  for (const f of files) {
    mkdirSync(dirname(join(root, f.file)), { recursive: true });
    writeFileSync(join(root, f.file), f.text);
  }
  const out = ctx.options.out ?? console.log;
  const result = loadPortal(root);
  // The folder was new or empty, so emptying it again undoes everything.
  const undo = (): void => {
    for (const entry of readdirSync(root)) rmSync(join(root, entry), { recursive: true, force: true });
  };
  if (!result.ok) undo();
  if (!result.ok)
    refuse(
      "the starter did not pass the content check (a bug in the starter; please report it):",
      problemLines(result.problems),
    );
  out(`Created ${files.length} files in ${root}. Building it once to lock its addresses…`);
  let locked: number;
  try {
    locked = lockNewRoot(root);
  } catch (e) {
    undo();
    return refuse("the first build of the new folder failed:", [String((e as { stderr?: unknown }).stderr ?? e)]);
  }
  out(
    [
      `Wrote urls.lock with ${locked} addresses.`,
      "Next:",
      `  PORTAL_DIR=${root} npm run dev      preview it; it reloads as you edit`,
      `  PORTAL_DIR=${root} npm run verify   check, build and run every gate, as its CI does`,
      `Then replace the examples with your own content; ${join(root, "README.md")} says how.`,
    ].join("\n"),
  );
  return 0;
}

await runIfMain(import.meta.url, main);
