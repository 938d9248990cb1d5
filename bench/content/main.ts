/**
 * `npm run bench:content -- --scale N [--out DIR] [--seed S]`: writes a synthetic
 * content root (content/ and data/) that `PORTAL_DIR=DIR npm run check` accepts.
 * The same scale and seed always write the same bytes.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { stringify } from "yaml";
import { generatePortal, TODAY, type GeneratedPortal } from "./generate.ts";
import { expectedPages, LARGEST, PRESETS } from "./presets.ts";

/** Written into every generated root; a folder without it is never emptied. */
export const MARKER = ".bench-content.json";

const yaml = (data: unknown) => stringify(data, { lineWidth: 110 });

function write(root: string, file: string, text: string): void {
  const path = join(root, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

const markdown = (data: unknown, body: string) => `---\n${yaml(data)}---\n${body}`;

export function writePortal(root: string, portal: GeneratedPortal): number {
  let files = 0;
  const put = (file: string, text: string) => {
    write(root, file, text);
    files++;
  };
  put("content/site.yml", yaml(portal.site));
  put("content/glossary.yml", yaml(portal.glossary));
  for (const [slug, c] of portal.committees) put(`content/committees/${slug}.yml`, yaml(c));
  for (const [slug, p] of portal.plans) put(`content/plans/${slug}.md`, markdown(p.data, p.body));
  for (const [slug, m] of portal.meetings) put(`content/meetings/${slug}.md`, markdown(m.data, m.body));
  for (const [slug, versions] of portal.reports) versions.forEach((v, i) => put(`content/reports/${slug}/v${i + 1}.md`, markdown(v.data, v.body)));
  for (const [slug, k] of portal.kpis) put(`data/kpis/${slug}.json`, `${JSON.stringify(k, null, 2)}\n`);
  return files;
}

/** Empties `root` if it is missing, empty or an earlier generated root; refuses anything else. */
function prepare(root: string): void {
  if (!existsSync(root)) return;
  const entries = readdirSync(root);
  if (entries.length === 0) return;
  if (!entries.includes(MARKER)) throw new Error(`${root} is not empty and was not written by this generator (no ${MARKER}); choose another --out`);
  for (const name of entries) rmSync(join(root, name), { recursive: true, force: true });
}

export function generateRoot(options: { scale: number; out: string; seed: number }): { files: number; ms: number } {
  const preset = PRESETS[options.scale];
  if (!preset) throw new Error(`--scale must be one of ${Object.keys(PRESETS).join(", ")}`);
  const started = performance.now();
  prepare(options.out);
  const portal = generatePortal({ preset, seed: options.seed, scale: options.scale });
  const files = writePortal(options.out, portal);
  write(options.out, MARKER, `${JSON.stringify({ scale: options.scale, seed: options.seed, preset, today: TODAY }, null, 2)}\n`);
  return { files, ms: performance.now() - started };
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      scale: { type: "string", default: "1" },
      out: { type: "string" },
      seed: { type: "string", default: "7" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(`Usage: npm run bench:content -- --scale N [--out DIR] [--seed S]

Presets (the largest is ${LARGEST}):
${Object.entries(PRESETS)
  .map(([n, p]) => `  ${n}: ${p.plans} plans, ${p.plans * p.areasPerPlan * p.actionsPerArea} actions, ${p.kpis} KPIs × ${p.years} years monthly, ${p.reports} reports / ${p.versions} versions, ${p.meetings} meetings, ${p.decisions} decisions (~${expectedPages(p)} pages)`)
  .join("\n")}

Build it with PORTAL_DIR=DIR PORTAL_TODAY=${TODAY} npm run build.`);
  } else {
    const scale = Number(values.scale);
    const out = resolve(values.out ?? join(tmpdir(), "portal-bench", `content-scale-${scale}`));
    const { files, ms } = generateRoot({ scale, out, seed: Number(values.seed) });
    console.log(`Wrote ${files} files to ${out} in ${(ms / 1000).toFixed(1)} s (scale ${scale}, seed ${values.seed}).`);
    console.log(`Check it: PORTAL_DIR=${out} npm run check`);
  }
}
