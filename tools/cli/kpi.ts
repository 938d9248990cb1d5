/**
 * `npm run kpi -- add …` and `npm run kpi -- import …`: add KPI values, one at a
 * time or from a spreadsheet saved as CSV, and correct published ones with a
 * recorded reason. See `--help` and docs/publishing.md.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import type { Problem } from "../../src/lib/content/problems.ts";
import { parseArgs, type OptionSpec } from "../officer/args.ts";
import {
  guard,
  isIsoDate,
  obtain,
  problemLines,
  refuse,
  runIfMain,
  todayUtc,
  type CliOptions,
} from "../officer/cli.ts";
import { decodeCsv, OPTIONAL_COLUMNS, readValuesCsv, REQUIRED_COLUMNS } from "../officer/csv-import.ts";
import { readContentText, readKpiSources } from "../officer/read.ts";
import {
  applyValueChanges,
  checkValues,
  describeChange,
  type ValueChange,
  type ValueInput,
  type ValueProblem,
} from "../officer/values.ts";
import { writeChecked } from "../officer/write.ts";

export const HELP = `Add figures to a KPI (key performance indicator), or correct one.

  npm run kpi -- add <kpi> <period> <value> [options]
  npm run kpi -- import <file.csv> [options]

<kpi> is the KPI's file name in data/kpis/ without .json, e.g. kpi-1-2a.
<period> is written as 2024-03 (month), 2024-Q1 (quarter), 2024-H1 (half year), FY2023/24-Q3,
2024 (year), FY2023/24, AY2023/24, AY2023/24-autumn (term),
AY2023/24-autumn-1 (half term) or 2024-03-31 (a date), to suit the KPI.
<value> may be written 45, 45.2, 45% or 1,234.

Options for add:
  --series <id>       which series (cohort) the figure is for; needed when the KPI has more than one
  --count <n>         the count behind a percentage, e.g. 697 in "25.0% (697)"
  --provisional       the figure may still change
  --note "…"          a short note shown beside the figure
  --missing "…"       there is no figure: say why, and leave out <value>
  --revise            correct a figure already published (needs --reason)
  --reason "…"        why it was corrected; readers see it on the KPI's page
  --date YYYY-MM-DD   the day of the correction (default: today)
  --dry-run           check everything and show what would change, but write nothing

Options for import:
  --revise            treat rows for periods already published as corrections
  --reason "…"        the reason for corrections whose row gives none
  --date YYYY-MM-DD   the day of the corrections (default: today)
  --dry-run           check every row and show what would change, but write nothing

The CSV's first row names its columns, in any order:
  required: ${REQUIRED_COLUMNS.join(", ")}   (series may be blank when the KPI has one series)
  optional: ${OPTIONAL_COLUMNS.join(", ")}
Every row is checked first; nothing is written unless every row is right.

Examples:
  npm run kpi -- add kpi-1-2a 2020-03 47.5 --provisional
  npm run kpi -- add kpi-1-3 2020-Q2 61 --series year-6
  npm run kpi -- add kpi-1-2a 2020-02 44.1 --revise --reason "Late returns from February added"
  npm run kpi -- import ~/Downloads/kpi-figures.csv`;

const ADD: OptionSpec = {
  series: "string",
  count: "string",
  provisional: "boolean",
  note: "string",
  missing: "string",
  revise: "boolean",
  reason: "string",
  date: "string",
  "dry-run": "boolean",
};
const IMPORT: OptionSpec = { revise: "boolean", reason: "string", date: "string", "dry-run": "boolean" };

/** Runs `npm run kpi`; returns the exit code. */
export async function main(argv: readonly string[], options: CliOptions): Promise<number> {
  const out = options.out ?? console.log;
  return guard(options, async () => {
    const [command, ...rest] = argv;
    if (command === undefined) refuse("say what to do: add or import", ["Run npm run kpi -- --help to see how."]);
    if (command === "--help" || command === "-h" || command === "help") {
      out(HELP);
      return 0;
    }
    if (command === "add") return add(rest, options);
    if (command === "import") return importCsv(rest, options);
    return refuse(`"${command}" is not something npm run kpi can do: use add or import`, [
      "Run npm run kpi -- --help to see how.",
    ]);
  });
}

function parse(argv: readonly string[], spec: OptionSpec) {
  const parsed = parseArgs(argv, spec);
  if (!parsed.ok) refuse(parsed.message, ["Run npm run kpi -- --help to see the options."]);
  return parsed;
}

function correctionDate(given: string | undefined, options: CliOptions): string {
  const date = given ?? options.today ?? todayUtc();
  if (!isIsoDate(date)) refuse(`--date ${JSON.stringify(date)} is not a real date written YYYY-MM-DD, e.g. 2024-03-31`);
  return date;
}

const commandProblem = (p: ValueProblem) => `${p.field}: ${p.message}${p.fix ? `. ${p.fix}` : ""}`;

/** Writes the changes, grouped by KPI file, as one checked change; or shows them for a dry run. */
function write(changes: readonly ValueChange[], options: CliOptions, dryRun: boolean): number {
  const out = options.out ?? console.log;
  const files = [...new Set(changes.map((c) => c.file))];
  const writes = files.map((file) => {
    const read = readContentText(options.root, file);
    if (!read.ok) refuse(`${file} could not be read, so nothing was changed:`, problemLines([read.problem]));
    return {
      file,
      text: applyValueChanges(
        read.text,
        changes.filter((c) => c.file === file),
      ),
    };
  });
  const summary = changes.map((c) => `  ${describeChange(c)}`);
  if (dryRun) {
    out(
      [
        `Every value is valid. This would change ${files.join(", ")}:`,
        ...summary,
        "",
        "Nothing was written (--dry-run).",
      ].join("\n"),
    );
    return 0;
  }
  const result = writeChecked(options.root, writes);
  if (!result.ok)
    refuse("the change would make the content fail its check, so no file was changed:", problemLines(result.problems));
  out(
    [
      `Updated ${files.join(", ")}:`,
      ...summary,
      "",
      "Preview with npm run dev, then commit the changed file" + (files.length > 1 ? "s." : "."),
    ].join("\n"),
  );
  return 0;
}

async function add(argv: readonly string[], options: CliOptions): Promise<number> {
  const args = parse(argv, ADD);
  if (args.help) {
    (options.out ?? console.log)(HELP);
    return 0;
  }
  const [kpiArg, periodArg, valueArg, ...extra] = args.positionals;
  if (extra.length)
    refuse(`too many values after add: ${extra.map((e) => JSON.stringify(e)).join(" ")}`, [
      "Put a note in quotes after --note, and a figure with spaces in it in quotes.",
    ]);
  const missingReason = args.strings["missing"];
  const kpi = await obtain(kpiArg, "Which KPI? (its file name in data/kpis/, e.g. kpi-1-2a):", options.ask);
  const period = await obtain(periodArg, "Which period? (e.g. 2024-03, 2024-Q1, FY2023/24):", options.ask);
  const value = missingReason !== undefined ? (valueArg ?? "") : await obtain(valueArg, "The figure:", options.ask);
  const absent = [
    kpi === undefined && "<kpi>",
    period === undefined && "<period>",
    value === undefined && '<value> (or --missing "why there is no figure")',
  ].filter(Boolean);
  if (absent.length)
    refuse(`missing ${absent.join(", ")}`, [
      "Usage: npm run kpi -- add <kpi> <period> <value> [options]. Run npm run kpi -- --help for more.",
    ]);
  const revise = args.flags.has("revise");
  const reason = revise
    ? await obtain(
        args.strings["reason"],
        "Why is the published figure being corrected? (readers see this):",
        options.ask,
      )
    : args.strings["reason"];

  const input: ValueInput = {
    kpi: kpi!,
    series: args.strings["series"] ?? "",
    period: period!,
    value: value!,
    count: args.strings["count"] ?? "",
    provisional: args.flags.has("provisional"),
    note: args.strings["note"] ?? "",
    missing: missingReason ?? "",
    revise,
    reason: reason ?? "",
  };
  const { kpis, broken } = readKpiSources(options.root);
  const date = correctionDate(args.strings["date"], options);
  const checked = checkValues([input], kpis, { date, channel: "command", broken });
  if (checked.problems.length)
    refuse(`${input.kpi} ${input.period} was not added:`, checked.problems.map(commandProblem));
  return write(checked.changes, options, args.flags.has("dry-run"));
}

async function importCsv(argv: readonly string[], options: CliOptions): Promise<number> {
  const args = parse(argv, IMPORT);
  if (args.help) {
    (options.out ?? console.log)(HELP);
    return 0;
  }
  const [fileArg, ...extra] = args.positionals;
  if (extra.length)
    refuse(`import takes one file; got ${args.positionals.length}`, [
      "Import each file separately, or put a file name with spaces in quotes.",
    ]);
  const file = await obtain(fileArg, "Which CSV file?", options.ask);
  if (file === undefined) refuse("say which CSV file to import", ["Usage: npm run kpi -- import <file.csv>"]);
  const path = resolve(options.cwd ?? options.root, file);
  if (!existsSync(path) || !statSync(path).isFile()) refuse(`cannot find the file ${file}`, [`Looked for ${path}.`]);
  const date = correctionDate(args.strings["date"], options);

  const decoded = decodeCsv(readFileSync(path), file);
  if (!decoded.ok) refuse(`${file} could not be read:`, problemLines([decoded.problem]));
  const csv = readValuesCsv(decoded.text, file);
  if (csv.problems.length)
    refuse(
      `${file} has ${count(csv.problems.length, "problem")}, so nothing was imported:`,
      problemLines(csv.problems),
    );

  const { kpis, broken } = readKpiSources(options.root);
  const checked = checkValues(csv.rows, kpis, {
    date,
    channel: "csv",
    allowRevise: args.flags.has("revise"),
    reason: args.strings["reason"],
    broken,
  });
  if (checked.problems.length) {
    const problems: Problem[] = checked.problems.map((p) => ({
      file,
      line: p.line,
      field: p.field,
      message: p.message,
      fix: p.fix,
    }));
    const rows = new Set(checked.problems.map((p) => p.index)).size;
    refuse(
      `${count(rows, "row")} of ${csv.rows.length} in ${file} ${rows === 1 ? "has" : "have"} problems, so nothing was imported:`,
      problemLines(problems),
    );
  }
  if (checked.unchanged.length) {
    const n = checked.unchanged.length;
    (options.out ?? console.log)(
      `${count(n, "row")} repeat${n === 1 ? "s" : ""} figures already published exactly and ${n === 1 ? "was" : "were"} left as ${n === 1 ? "it was" : "they were"}.`,
    );
  }
  if (checked.changes.length === 0) {
    (options.out ?? console.log)("Nothing to import: every row is already published.");
    return 0;
  }
  return write(checked.changes, options, args.flags.has("dry-run"));
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

await runIfMain(import.meta.url, main);
