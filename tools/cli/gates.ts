/**
 * Runs the trust gates over a built site and says which page breaks which promise.
 *
 *   node tools/cli/gates.ts [gate ...] [--dist DIR] [--concurrency N]
 *
 * Over the content root's built site (PORTAL_DIR/dist, else this repository's dist/), with
 * that root's own urls.lock and content/redirects.yml.
 * Gates: links, html, urls, privacy, weight (no page over 150 KB gzipped), browser (all of these by default) and determinism
 * (rebuilds into a temporary folder and compares; slow, so only when named).
 * Exits 1 when any gate finds a problem.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { auditInBrowser } from "../gates/browser-audit.ts";
import { compareDirs, determinismProblems } from "../gates/compare-dirs.ts";
import { scanSite, type SiteScan } from "../gates/html-scan.ts";
import { loadValidatorConfig, validateHtml } from "../gates/html-validity.ts";
import { checkLinks } from "../gates/links.ts";
import { formatGateProblems, type GateProblem } from "../../src/lib/published-problem.ts";
import { checkThirdPartyReferences } from "../gates/privacy-static.ts";
import { checkPageWeight } from "../gates/page-weight.ts";
import { builtSite, checkProjectUrls, projectFiles } from "../gates/project.ts";
import { exitOnContentRootError } from "../../src/lib/content-root.ts";

const ALL = ["links", "html", "urls", "privacy", "weight", "browser", "determinism"] as const;
type Gate = (typeof ALL)[number];
const DEFAULT: readonly Gate[] = ["links", "html", "urls", "privacy", "weight", "browser"];

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { dist: { type: "string" }, concurrency: { type: "string" } },
});
const unknown = positionals.filter((g) => !(ALL as readonly string[]).includes(g));
if (unknown.length) {
  console.error(`Unknown gate${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}. Choose from ${ALL.join(", ")}.`);
  process.exit(2);
}
const gates = positionals.length ? (positionals as Gate[]) : DEFAULT;
const root = resolve(import.meta.dirname, "../..");
const files = exitOnContentRootError(() => projectFiles(root));
const dist = values.dist ? resolve(process.env["INIT_CWD"] ?? process.cwd(), values.dist) : builtSite(files);
if (!existsSync(join(dist, "index.html"))) {
  console.error(`${dist}/index.html does not exist: run npm run build first (with the same PORTAL_DIR).`);
  process.exit(2);
}

let site: SiteScan | undefined;
const scanned = (): SiteScan => (site ??= scanSite(dist));

const run: Record<Gate, () => Promise<GateProblem[]>> = {
  links: async () => checkLinks(scanned()),
  html: async () =>
    validateHtml({
      dir: dist,
      pages: [...scanned().pages.keys()],
      config: loadValidatorConfig(join(root, ".htmlvalidate.json")),
    }),
  urls: async () => checkProjectUrls(scanned(), files),
  privacy: async () => checkThirdPartyReferences(scanned()),
  weight: async () => checkPageWeight(dist, scanned().pages.keys()),
  browser: async () => {
    const audit = await auditInBrowser({
      dir: dist,
      concurrency: values.concurrency ? Number(values.concurrency) : undefined,
    });
    console.log(`  browser: ${audit.pages} pages audited`);
    return audit.problems;
  },
  determinism: async () => {
    const other = mkdtempSync(join(tmpdir(), "portal-rebuild-"));
    try {
      execFileSync(join(root, "node_modules/.bin/astro"), ["build", "--outDir", other], {
        cwd: root,
        stdio: ["ignore", "ignore", "inherit"],
      });
      return determinismProblems(compareDirs(dist, other));
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  },
};

let failed = false;
for (const gate of gates) {
  const started = performance.now();
  const problems = await run[gate]();
  const ms = Math.round(performance.now() - started);
  failed ||= problems.length > 0;
  console.log(
    `${problems.length ? "✗" : "✓"} ${gate}: ${problems.length} problem${problems.length === 1 ? "" : "s"} (${ms} ms)`,
  );
  for (const line of formatGateProblems(problems)) console.log(`  ${line}`);
}
process.exit(failed ? 1 : 0);
