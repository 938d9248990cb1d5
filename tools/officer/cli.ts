/** What the publishing commands share: how they are called, how they refuse, how they ask. */
import { resolve } from "node:path";
import { createInterface, type Interface } from "node:readline/promises";
import { fileURLToPath } from "node:url";
import { boundaryProblems } from "../../src/lib/content/boundary.ts";
import { formatProblem, sortProblems, type Problem } from "../../src/lib/content/problems.ts";
import { contentRoot, exitOnContentRootError } from "../../src/lib/content-root.ts";

/** Asks the person at the keyboard a question; given only when the command runs in a terminal. */
export type Ask = (question: string) => Promise<string>;

export interface CliOptions {
  /** The content root (with `content/` and `data/`). */
  readonly root: string;
  /** Today's date, YYYY-MM-DD; defaults to the current UTC day. */
  readonly today?: string | undefined;
  /** Where file arguments are read from; defaults to `root`. */
  readonly cwd?: string | undefined;
  /** Present only when run interactively: missing arguments are asked for instead of refused. */
  readonly ask?: Ask | undefined;
  readonly out?: ((text: string) => void) | undefined;
  readonly err?: ((text: string) => void) | undefined;
}

export type Main = (argv: readonly string[], options: CliOptions) => Promise<number>;

/** A command declining to do what it was asked, with the reasons; nothing has been written. */
class Refusal extends Error {
  readonly details: readonly string[];
  constructor(message: string, details: readonly string[] = []) {
    super(message);
    this.details = details;
  }
}

export function refuse(message: string, details: readonly string[] = []): never {
  throw new Refusal(message, details);
}

/** How many problem lines a command prints before it summarises the rest. */
const MAX_PROBLEM_LINES = 30;

/**
 * Every problem as `check` prints it, sorted by file and line. The same problem on many lines
 * (a spreadsheet row pasted thousands of times) is printed once with a count of the other lines,
 * and after {@link MAX_PROBLEM_LINES} lines the rest are counted, not printed.
 */
export function problemLines(problems: readonly Problem[]): string[] {
  const groups = new Map<string, Problem[]>();
  for (const p of sortProblems(problems)) {
    const key = JSON.stringify([p.file, p.field, p.message, p.fix]);
    const group = groups.get(key);
    if (group) group.push(p);
    else groups.set(key, [p]);
  }
  const lines = [...groups.values()].map((group) => {
    const [first, ...rest] = group as [Problem, ...Problem[]];
    const line = formatProblem(first);
    if (rest.length === 0) return line;
    const at = rest.filter((p) => p.line !== undefined).map((p) => p.line);
    const shown = at.slice(0, 3).join(", ");
    const more = at.length > 3 ? ` and ${at.length - 3} more` : "";
    return at.length
      ? `${line} (the same on ${rest.length} more line${rest.length === 1 ? "" : "s"}: ${shown}${more})`
      : `${line} (${rest.length + 1} times)`;
  });
  if (lines.length <= MAX_PROBLEM_LINES) return lines;
  const hidden = lines.length - MAX_PROBLEM_LINES;
  return [
    ...lines.slice(0, MAX_PROBLEM_LINES),
    `… and ${hidden} more problem${hidden === 1 ? "" : "s"} not shown: fix these and run the command again.`,
  ];
}

/**
 * Runs a command body, turning a refusal into its message and exit code 1. Nothing runs
 * while the content folders hold a link or a special file: a command must not read or
 * write through one.
 */
export async function guard(options: CliOptions, body: () => Promise<number>): Promise<number> {
  try {
    const unsafe = boundaryProblems(options.root);
    if (unsafe.length) refuse("the content folders hold links or special files", problemLines(unsafe));
    return await body();
  } catch (e) {
    if (!(e instanceof Refusal)) throw e;
    const err = options.err ?? console.error;
    err([`Error: ${e.message}`, ...e.details, "", "Nothing was changed."].join("\n"));
    return 1;
  }
}

/** Today as YYYY-MM-DD in UTC. */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Whether `text` is a real calendar day written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

/**
 * A value the command needs: as given, else asked for when interactive, else
 * undefined (the caller lists everything missing in one refusal).
 */
export async function obtain(
  given: string | undefined,
  question: string,
  ask: Ask | undefined,
): Promise<string | undefined> {
  if (given !== undefined) return given;
  if (!ask) return undefined;
  const answer = (await ask(question)).trim();
  return answer === "" ? undefined : answer;
}

/** Runs `main` as the program when the file is run directly (`node tools/cli/kpi.ts`). */
export async function runIfMain(moduleUrl: string, main: Main): Promise<void> {
  if (!process.argv[1] || resolve(process.argv[1]) !== fileURLToPath(moduleUrl)) return;
  let rl: Interface | undefined;
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  const ask: Ask | undefined = interactive
    ? (question) => {
        rl ??= createInterface({ input: process.stdin, output: process.stdout });
        return rl.question(`${question} `);
      }
    : undefined;
  try {
    process.exitCode = await main(process.argv.slice(2), {
      root: exitOnContentRootError(() => contentRoot()),
      // npm runs scripts from the package folder; INIT_CWD is where the officer typed the command.
      cwd: process.env["INIT_CWD"] ?? process.cwd(),
      ask,
      out: (t) => console.log(t),
      err: (t) => console.error(t),
    });
  } finally {
    rl?.close();
  }
}
