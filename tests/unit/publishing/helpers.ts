import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { onTestFinished } from "vitest";
import type { Main } from "../../../tools/officer/cli.ts";
import type { Kpi } from "../../../src/schemas/index.ts";

const FIXTURES = join(import.meta.dirname, "../../fixtures");
export const CSV = join(FIXTURES, "publishing/csv");
const REPO = join(import.meta.dirname, "../../..");

/**
 * A temporary content root for one test: the fixture portal plus two more KPIs
 * (a percentage with two cohorts, laid out one field per line, and a count with no
 * values yet). Removed when the test finishes.
 */
export function tempRoot(): string {
  const root = mkdtempSync(join(tmpdir(), "publishing-"));
  onTestFinished(() => rmSync(root, { recursive: true, force: true }));
  cpSync(join(FIXTURES, "portal"), root, { recursive: true });
  cpSync(join(FIXTURES, "publishing/data"), join(root, "data"), { recursive: true });
  return root;
}

/** Every file under `root` with its text, for proving a failed command changed nothing. */
export function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[relative(root, path)] = readFileSync(path, "utf8");
    }
  };
  walk(root);
  return out;
}

export const read = (root: string, file: string) => readFileSync(join(root, file), "utf8");
export const readKpi = (root: string, slug: string) => JSON.parse(read(root, `data/kpis/${slug}.json`)) as Kpi;

/** Calls a command's `main` in-process, capturing what it prints. */
export async function run(
  main: Main,
  argv: string[],
  root: string,
  options: { today?: string; cwd?: string; answers?: string[] } = {},
) {
  const out: string[] = [];
  const err: string[] = [];
  const answers = options.answers ? [...options.answers] : undefined;
  const questions: string[] = [];
  const code = await main(argv, {
    root,
    today: options.today ?? "2020-04-01",
    cwd: options.cwd ?? CSV,
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    ask: answers
      ? async (q) => {
          questions.push(q);
          return answers.shift() ?? "";
        }
      : undefined,
  });
  return { code, out: out.join("\n"), err: err.join("\n"), questions };
}

/** Runs a command as an officer would, as its own process with PORTAL_DIR set. */
export function spawn(cli: "kpi" | "new", argv: string[], root: string) {
  const result = spawnSync(process.execPath, [join(REPO, `tools/cli/${cli}.ts`), ...argv], {
    cwd: REPO,
    env: { ...process.env, PORTAL_DIR: root, INIT_CWD: CSV },
    encoding: "utf8",
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}
