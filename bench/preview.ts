/**
 * The preview's turnaround for an officer (issue 14, item 3): how long after a KPI figure is saved the
 * preview (`npm run dev`, src/integrations/portal.ts) shows it. Starts the dev server on a copy of the
 * largest preset's content, opens one KPI's page, then, `--repeat` times, writes a new figure into that
 * KPI's JSON and asks for the page every 50 ms until the figure is on it. Prints each time, the median,
 * and PASS or FAIL against the 2 s budget.
 *
 *   npm run bench:preview                    # a copy of bench/.work/content-scale-4 (npm run bench makes it)
 *   npm run bench:preview -- --root DIR      # a content root of your own: edited, then put back
 *   npm run bench:preview -- --verbose       # with what the preview logged during each edit
 */
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { LARGEST } from "./content/presets.ts";
import { formatValue } from "../src/lib/format.ts";
import { routes } from "../src/lib/routes.ts";
import type { Kpi } from "../src/schemas/index.ts";

const REPO = resolve(import.meta.dirname, "..");
const BUDGET_MS = 2000;

const { values } = parseArgs({
  options: {
    root: { type: "string" },
    repeat: { type: "string", default: "3" },
    port: { type: "string", default: "4391" },
    /** Print what the preview logged while each edit was on its way. */
    verbose: { type: "boolean", default: false },
  },
});
const repeat = Number(values.repeat);
const base = `http://127.0.0.1:${values.port}`;

const generated = join(REPO, `bench/.work/content-scale-${LARGEST}`);
let root: string;
if (values.root) root = resolve(values.root);
else {
  if (!existsSync(generated)) {
    console.error(`No generated content at ${generated}: run npm run bench (or npm run bench:content) first.`);
    process.exit(1);
  }
  root = mkdtempSync(join(tmpdir(), "bench-preview-"));
  console.log(`Copying the scale-${LARGEST} content to ${root} …`);
  cpSync(generated, root, { recursive: true });
}

const kpiDir = join(root, "data/kpis");
const slug = readdirSync(kpiDir)
  .filter((f) => f.endsWith(".json"))
  .sort()[0]!
  .replace(/\.json$/, "");
const kpiFile = join(kpiDir, `${slug}.json`);
const original = readFileSync(kpiFile, "utf8");
const page = `${base}${routes.kpi(slug)}`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function get(url: string): Promise<{ status: number; html: string } | undefined> {
  try {
    const res = await fetch(url);
    return { status: res.status, html: await res.text() };
  } catch {
    return undefined; // not listening yet
  }
}

/** Polls `url` until `done` holds for its answer; the milliseconds that took, or undefined after `timeoutMs`. */
async function until(
  url: string,
  done: (r: { status: number; html: string }) => boolean,
  timeoutMs: number,
): Promise<number | undefined> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    const r = await get(url);
    if (r && done(r)) return performance.now() - started;
    await sleep(50);
  }
  return undefined;
}

/** A figure the KPI could have (within its unit's range) that its page does not show yet. */
function newFigure(kpi: Kpi, html: string, attempt: number): { value: number; shown: string } {
  for (let i = 0; ; i++) {
    const seed = (attempt * 7919 + i * 104729) % 1000;
    const max = kpi.range?.max ?? (kpi.unit === "percent" ? 100 : 5000);
    const min = kpi.range?.min ?? 0;
    const raw = min + ((max - min) * (seed + 0.5)) / 1000;
    const value = kpi.unit === "count" ? Math.round(raw) : Math.round(raw * 10) / 10;
    const shown = formatValue(value, { unit: kpi.unit, decimals: kpi.decimals });
    if (!html.includes(shown)) return { value, shown };
  }
}

const server = spawn(
  process.execPath,
  [join(REPO, "node_modules/astro/bin/astro.mjs"), "dev", "--host", "127.0.0.1", "--port", values.port],
  {
    cwd: REPO,
    env: { ...process.env, PORTAL_DIR: root },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  },
);
const log: string[] = [];
server.stdout.on("data", (b: Buffer) => log.push(b.toString()));
server.stderr.on("data", (b: Buffer) => log.push(b.toString()));

const times: number[] = [];
let failed: string | undefined;
try {
  console.log(`Starting the preview on ${base} (PORTAL_DIR=${root}) …`);
  const up = await until(`${base}/`, (r) => r.status === 200, 15 * 60_000);
  if (up === undefined) throw new Error("the preview did not answer within 15 minutes");
  console.log(`  home page answered after ${(up / 1000).toFixed(1)} s`);
  const first = await until(page, (r) => r.status === 200, 5 * 60_000);
  if (first === undefined) throw new Error(`${page} did not answer`);
  console.log(`  ${routes.kpi(slug)} answered in ${(first / 1000).toFixed(1)} s`);
  for (let attempt = 1; attempt <= repeat; attempt++) {
    const before = (await get(page))!.html;
    const kpi = JSON.parse(readFileSync(kpiFile, "utf8")) as Kpi & { series: { values: { value: number | null }[] }[] };
    const { value, shown } = newFigure(kpi, before, attempt);
    const figures = kpi.series[0]!.values;
    const at = figures.findLastIndex((v) => v.value !== null);
    figures[at]!.value = value;
    const logged = log.length;
    const started = performance.now();
    writeFileSync(kpiFile, `${JSON.stringify(kpi, null, 2)}\n`);
    const seen = await until(page, (r) => r.status === 200 && r.html.includes(shown), 120_000);
    if (seen === undefined)
      throw new Error(`the figure ${shown} did not appear on ${routes.kpi(slug)} within 2 minutes`);
    const ms = performance.now() - started;
    times.push(ms);
    console.log(
      `  edit ${attempt}: series[0].values[${at}] set to ${shown}; on the page after ${(ms / 1000).toFixed(2)} s`,
    );
    if (values.verbose) console.log(log.slice(logged).join("").replace(/^/gm, "    | "));
    await sleep(3000); // let the watcher settle before the next edit
  }
} catch (error) {
  failed = (error as Error).message;
} finally {
  try {
    process.kill(-server.pid!, "SIGTERM");
  } catch {
    // already gone
  }
  if (values.root) writeFileSync(kpiFile, original);
  else rmSync(root, { recursive: true, force: true });
}

if (failed) {
  console.error(`FAIL  ${failed}\n\nThe preview's output:\n${log.join("").slice(-4000)}`);
  process.exit(1);
}
const sorted = [...times].sort((a, b) => a - b);
const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
console.log(
  `${median < BUDGET_MS ? "PASS" : "FAIL"}  the preview shows an edited figure after ${(median / 1000).toFixed(2)} s (median of ${times.length}; budget under 2 s at scale ${LARGEST})`,
);
if (median >= BUDGET_MS) process.exitCode = 1;
