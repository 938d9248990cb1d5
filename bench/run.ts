/**
 * `npm run bench [-- --full] [--scales 1,2,3] [--timeout-min M] [--no-baseline] [--no-browser] [--keep]`
 *
 * Builds the sample content (or the content root PORTAL_DIR names) and synthetic portals of several scales with the real
 * `astro build`, builds a bare Astro project of the same number of plain Markdown
 * pages as a yardstick, and prints build time, memory, output and index sizes, page
 * weights, the cost of a first search, and the issue's budgets as PASS/FAIL lines.
 * Results go to bench/.work/results/latest.{json,md}; work files to bench/.work/.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, release, tmpdir, totalmem, type } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { generateRoot } from "./content/main.ts";
import { contentRoot, contentStoreDir, exitOnContentRootError } from "../src/lib/content-root.ts";
import { TODAY } from "./content/generate.ts";
import { expectedPages, LARGEST, PRESETS } from "./content/presets.ts";
import { writeBaseline } from "./baseline/generate.ts";
import { parseBuildLog } from "./lib/astro-log.ts";
import { summarise } from "./lib/cpuprofile.ts";
import { measure } from "./lib/measure.ts";
import { renderReport } from "./lib/report.ts";
import { CHROMIUM, firstSearch } from "./lib/search-transfer.ts";
import type { BenchResult, BuildFigures, Machine, TargetResult } from "./lib/types.ts";
import { dirSize, htmlPages, largestPage, pageWeight, scriptPlacement } from "./lib/weight.ts";
import { heaviestPages } from "../tools/gates/page-weight.ts";

const REPO = resolve(import.meta.dirname, "..");
const WORK = join(REPO, "bench/.work");
/** Results and logs are machine-specific: kept out of git and lint, summarised by hand in docs/performance.md. */
const RESULTS = join(WORK, "results");
const SEED = 7;
const PROGRESS = /✓ Completed in|Indexed \d+ pages|page\(s\) built|\[ERROR\]|Error:/;

const { values } = parseArgs({
  options: {
    full: { type: "boolean", default: false },
    scales: { type: "string" },
    "timeout-min": { type: "string" },
    "no-baseline": { type: "boolean", default: false },
    "no-browser": { type: "boolean", default: false },
    "no-sample": { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    "cpu-prof": { type: "boolean", default: false },
    query: { type: "string", default: "annual reviews" },
    project: { type: "string" },
    name: { type: "string", default: "latest" },
    help: { type: "boolean", short: "h" },
  },
});

/** The portal being measured: this checkout, or another one given with --project. */
const PROJECT = resolve(values.project ?? REPO);
const ASTRO = join(PROJECT, "node_modules/astro/bin/astro.mjs");
/** The real content measured beside the synthetic portals: PORTAL_DIR's content root, else the sample. */
const OWN_ROOT = exitOnContentRootError(() => contentRoot(process.env, PROJECT));

if (values.help) {
  console.log(`Usage: npm run bench [-- options]

  --full             also build the largest preset (scale ${LARGEST}, ~${expectedPages(PRESETS[LARGEST]!)} pages); no build time limit
  --scales 1,2,3     which synthetic presets to build (default 1,2,3; with --full 1,2,3,${LARGEST})
  --timeout-min M    stop any one build after M minutes (default 8; 0 = none, the default with --full)
  --no-baseline      skip the bare-Astro yardstick builds
  --no-browser       skip the first-search measurement in Chromium
  --no-sample        skip the built-in sample content
  --keep             keep built sites (bench/.work/, and the yardstick in $TMPDIR/portal-bench/)
  --cpu-prof         write V8 CPU profiles of our builds to bench/.work/results/profiles/ and print the hot
                     functions (profiling slows the build; do not compare its times)
  --query TEXT       the first search to measure (default "annual reviews")
  --project DIR      build another checkout of the portal (e.g. a copy with a proposed fix) with
                     this repository's generator and yardstick
  --name NAME        write bench/.work/results/NAME.{md,json} (default latest)`);
  process.exit(0);
}

const scales = (values.scales ?? (values.full ? `1,2,3,${LARGEST}` : "1,2,3")).split(",").map(Number);
for (const s of scales)
  if (!PRESETS[s]) throw new Error(`unknown scale ${s}: choose from ${Object.keys(PRESETS).join(", ")}`);
const timeoutMin = Number(values["timeout-min"] ?? (values.full ? 0 : 8));

function machine(): Machine {
  const version = (pkg: string) =>
    (JSON.parse(readFileSync(join(REPO, "node_modules", pkg, "package.json"), "utf8")) as { version: string }).version;
  let commit = "unknown";
  try {
    commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: REPO, encoding: "utf8" }).trim();
    if (PROJECT !== REPO) commit += ` (built: ${PROJECT})`;
    const dirty = execFileSync("git", ["status", "--porcelain", "--", "src", "astro.config.mjs", "package.json"], {
      cwd: REPO,
      encoding: "utf8",
    }).trim();
    if (dirty) commit += " + uncommitted changes in src/";
  } catch {
    // Not a git checkout: the commit is just unknown.
  }
  return {
    cpu: cpus()[0]?.model ?? "unknown",
    cores: availableParallelism(),
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    astro: version("astro"),
    pagefind: version("pagefind"),
    os: `${type()} ${release()}`,
    commit,
    date: new Date().toISOString(),
  };
}

const mb = (kb: number) => Math.round(kb / 1024);

/** The hot functions of the largest profile a build wrote (the build's main process). */
function printProfiles(dir: string): void {
  if (!existsSync(dir)) return;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".cpuprofile"))
    .map((f) => join(dir, f));
  const main = files.sort((a, b) => statSync(b).size - statSync(a).size)[0];
  if (!main) return;
  const { totalMs, functions } = summarise(JSON.parse(readFileSync(main, "utf8")) as Parameters<typeof summarise>[0]);
  console.log(
    `  CPU profile ${main} (${(totalMs / 1000).toFixed(1)} s); slowest functions of the portal's own code, by total time:`,
  );
  for (const f of functions
    .filter((x) => /src\/|prerender|chunks/.test(x.where))
    .sort((a, b) => b.totalMs - a.totalMs)
    .slice(0, 15))
    console.log(`    ${(f.totalMs / 1000).toFixed(2).padStart(7)} s  ${f.name}  ${f.where}`);
}

async function build(options: {
  name: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  outDir: string;
}): Promise<BuildFigures> {
  rmSync(options.outDir, { recursive: true, force: true });
  const logFile = join(RESULTS, "logs", `${values.name}-${options.name.replace(/\s+/g, "-")}.log`);
  // As `npm run build` does: the search index in its own step once Astro has exited, where the
  // portal has that step (a copy from before it, and the yardstick, index inside the build).
  const indexer = join(options.cwd, "tools/cli/index-search.ts");
  const separate = options.cwd === PROJECT && existsSync(indexer);
  const quote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;
  const m = await measure({
    ...(separate
      ? {
          command: "/bin/sh",
          args: [
            "-c",
            `${quote(process.execPath)} ${quote(ASTRO)} build --outDir ${quote(options.outDir)} && ${quote(process.execPath)} ${quote(indexer)} ${quote(options.outDir)}`,
          ],
        }
      : { command: process.execPath, args: [ASTRO, "build", "--outDir", options.outDir] }),
    cwd: options.cwd,
    env: separate ? { ...options.env, PORTAL_INDEX_AFTER_BUILD: "1" } : options.env,
    logFile,
    echo: PROGRESS,
    ...(timeoutMin > 0 ? { timeoutMs: timeoutMin * 60_000 } : {}),
  });
  const log = parseBuildLog(m.lines);
  const ok = m.exitCode === 0 && !m.timedOut;
  const pagefind = ok ? dirSize(join(options.outDir, "pagefind")) : undefined;
  const dist = ok ? dirSize(options.outDir) : undefined;
  const { routes, ...phases } = log;
  return {
    ok,
    timedOut: m.timedOut,
    wallMs: m.wallMs,
    cpuMs: m.cpuMs,
    pages: log.pages,
    pagesRendered: routes.reduce((n, r) => n + r.pages, 0),
    htmlPages: ok ? htmlPages(options.outDir).length : undefined,
    distFiles: dist?.files,
    peakTreeMb: mb(m.peakTreeKb),
    maxRssMb: m.maxRssKb === undefined ? undefined : mb(m.maxRssKb),
    peakByProcess: m.peakByProcess.map((p) => ({ name: p.name, mb: mb(p.kb) })),
    distBytes: dist?.bytes,
    pagefindBytes: pagefind?.bytes,
    pagefindFiles: pagefind?.files,
    log: phases,
    routes,
    logFile,
  };
}

async function runTarget(name: string, scale: number | undefined): Promise<TargetResult> {
  console.log(`\n== ${name}`);
  const slug = name.replace(/\s+/g, "-");
  let root = OWN_ROOT;
  let generateMs: number | undefined;
  if (scale !== undefined) {
    root = join(WORK, `content-scale-${scale}`);
    const g = generateRoot({ scale, out: root, seed: SEED });
    generateMs = g.ms;
    console.log(`  generated ${g.files} content files in ${(g.ms / 1000).toFixed(1)} s`);
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORTAL_DIR: root,
    PORTAL_TODAY: TODAY,
    ASTRO_TELEMETRY_DISABLED: "1",
  };

  // The whole check from scratch (--no-cache; a checkout from before the cache ignores the flag).
  const c = await measure({
    command: process.execPath,
    args: [join(PROJECT, "tools/cli/check.mjs"), "--no-cache"],
    cwd: PROJECT,
    env,
  });
  const summary = c.lines
    .map((l) => l.text)
    .join("\n")
    .trim();
  const check = {
    ok: c.exitCode === 0,
    wallMs: c.wallMs,
    peakTreeMb: mb(c.peakTreeKb),
    summary: summary.split("\n").slice(0, 5).join("\n"),
  };
  console.log(`  npm run check: ${check.ok ? "valid" : "PROBLEMS"} in ${(c.wallMs / 1000).toFixed(1)} s`);
  if (!check.ok) console.log(summary.split("\n").slice(0, 20).join("\n"));

  // An officer's edit: the check after one KPI file changed, with the cache the check before it left.
  let incrementalCheck: TargetResult["incrementalCheck"];
  const kpiDir = join(root, "data/kpis");
  const kpiFile =
    scale !== undefined && existsSync(kpiDir) ? readdirSync(kpiDir).find((f) => f.endsWith(".json")) : undefined;
  if (check.ok && kpiFile) {
    const checkArgs = { command: process.execPath, args: [join(PROJECT, "tools/cli/check.mjs")], cwd: PROJECT, env };
    await measure(checkArgs); // leaves the cache of this exact content
    const path = join(kpiDir, kpiFile);
    writeFileSync(path, `${readFileSync(path, "utf8").trimEnd()}\n\n`); // whitespace: a new digest, the same data
    const again = await measure(checkArgs);
    incrementalCheck = {
      ok: again.exitCode === 0,
      wallMs: again.wallMs,
      cpuMs: again.cpuMs,
      file: `data/kpis/${kpiFile}`,
    };
    console.log(
      `  npm run check after one KPI file changed: ${(again.wallMs / 1000).toFixed(2)} s${again.cpuMs === undefined ? "" : ` (CPU ${(again.cpuMs / 1000).toFixed(2)} s)`}`,
    );
  }

  // Inside the repository: Astro keeps its intermediate server build under the output
  // folder only when that is inside the working directory (otherwise in ./.astro/, shared
  // with anyone else building this checkout).
  const outDir = PROJECT === REPO ? join(WORK, `dist-${slug}`) : join(PROJECT, ".bench-dist", slug);
  console.log(`  building (astro build${timeoutMin ? `, stopped after ${timeoutMin} min` : ""}) …`);
  const profiles = join(RESULTS, "profiles", slug);
  if (values["cpu-prof"]) rmSync(profiles, { recursive: true, force: true });
  const buildEnv = values["cpu-prof"]
    ? { ...env, NODE_OPTIONS: `${env["NODE_OPTIONS"] ?? ""} --cpu-prof --cpu-prof-dir=${profiles}`.trim() }
    : env;
  // A cold build, comparable with earlier runs: Astro would otherwise keep the content collections'
  // entries from the last run of this scale and skip reading unchanged files (src/lib/content/collections.ts).
  rmSync(contentStoreDir(PROJECT, root), { recursive: true, force: true });
  const b = await build({ name: slug, cwd: PROJECT, env: buildEnv, outDir });
  if (values["cpu-prof"]) printProfiles(profiles);
  console.log(
    `  ${b.ok ? "built" : b.timedOut ? "TIMED OUT" : "FAILED"} in ${(b.wallMs / 1000).toFixed(1)} s, ${b.pages ?? b.pagesRendered} pages, peak ${b.peakTreeMb} MB`,
  );

  const pages: TargetResult["pages"][number][] = [];
  let scripts: TargetResult["scripts"];
  let heaviest: TargetResult["heaviest"];
  let search: TargetResult["search"];
  let searchSkipped: string | undefined;
  if (b.ok) {
    const kpi = largestPage(outDir, "kpis");
    const report = largestPage(outDir, "reports");
    const reps: [string, string | undefined][] = [
      ["home", "/"],
      ["KPI (largest)", kpi],
      ["report (largest)", report],
      ["decisions log", "/decisions/"],
      ["changes", "/changes/"],
      ["search", "/search/"],
    ];
    for (const [role, path] of reps) if (path) pages.push({ role, ...pageWeight(outDir, path) });
    scripts = scriptPlacement(outDir);
    heaviest = heaviestPages(
      outDir,
      htmlPages(outDir).map((p) => (p.endsWith("/") ? `${p.slice(1)}index.html` : p.slice(1))),
    ).slice(0, 3);
    if (values["no-browser"]) searchSkipped = "--no-browser";
    else {
      try {
        search = await firstSearch(outDir, values.query);
        if (!search) searchSkipped = `Chromium (${CHROMIUM}) or playwright-core not installed`;
      } catch (e) {
        searchSkipped = `the browser run failed: ${(e as Error).message.split("\n")[0]}`;
      }
    }
  }

  let baseline: BuildFigures | undefined;
  const count = b.pages ?? (scale !== undefined ? expectedPages(PRESETS[scale]!) : undefined);
  if (!values["no-baseline"] && count) {
    const dir = join(tmpdir(), "portal-bench", `baseline-${slug}`);
    writeBaseline({ dir, pages: count, seed: SEED, nodeModules: join(REPO, "node_modules") });
    console.log(`  baseline: bare Astro, ${count} Markdown pages …`);
    baseline = await build({
      name: `baseline-${slug}`,
      cwd: dir,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" },
      outDir: join(dir, "dist"),
    });
    console.log(`  baseline built in ${(baseline.wallMs / 1000).toFixed(1)} s`);
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
  }
  if (!values.keep) rmSync(outDir, { recursive: true, force: true });
  return {
    name,
    scale,
    root,
    generateMs,
    check,
    incrementalCheck,
    build: b,
    baseline,
    pages,
    heaviest,
    scripts,
    search,
    searchSkipped,
  };
}

mkdirSync(join(RESULTS, "logs"), { recursive: true });
mkdirSync(WORK, { recursive: true });
const result: BenchResult = {
  machine: machine(),
  options: { scales, full: values.full, timeoutMin, query: values.query },
  targets: [],
};
const targets = result.targets as TargetResult[];
const m = result.machine;
console.log(
  `Portal benchmark: ${m.cores} cores (${m.cpu}), ${m.memoryGb} GB, Node ${m.node}, Astro ${m.astro}, Pagefind ${m.pagefind}, commit ${m.commit}`,
);
if (!values["no-sample"])
  targets.push(await runTarget(process.env["PORTAL_DIR"] === undefined ? "sample" : "content root", undefined));
for (const s of scales) targets.push(await runTarget(`scale ${s}`, s));

const report = renderReport(result);
writeFileSync(join(RESULTS, `${values.name}.json`), `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(join(RESULTS, `${values.name}.md`), report);
console.log(`\n${report}`);
console.log(`Written to bench/.work/results/${values.name}.md and .json; build logs in bench/.work/results/logs/.`);
