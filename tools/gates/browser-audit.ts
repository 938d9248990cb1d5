import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import type { AxeResults, RunOptions } from "axe-core";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { probeOverflow, probePage, RECORDER_SCRIPT } from "./browser-probes.ts";
import type { GateProblem } from "../../src/lib/published-problem.ts";
import { withoutRefresh } from "./html-scan.ts";
import { listFiles, urlForFile } from "./site-files.ts";
import { serveDir } from "./static-server.ts";

/** The WCAG 2.0, 2.1 and 2.2 A and AA rules, as axe-core tags them. */
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] as const;

/** Debian's Chromium, with everything that would reach the network switched off. */
export function launchChromium(executablePath = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium"): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const DESKTOP = { width: 1280, height: 800 };
const NARROW = { width: 320, height: 800 };
/** One page per core: on a 2-core machine more workers only queue behind each other (measured). */
const DEFAULT_CONCURRENCY = Math.max(2, availableParallelism());

export interface BrowserAuditOptions {
  /** The built site. */
  dir: string;
  /** Addresses to audit; every `.html` file of `dir` when absent. */
  paths?: readonly string[] | undefined;
  /** Pages audited at once, each in its own browser context; one per core by default. */
  concurrency?: number | undefined;
  /** A browser to reuse; one is launched (and closed) when absent. */
  browser?: Browser | undefined;
}

export interface BrowserAudit {
  readonly problems: GateProblem[];
  readonly pages: number;
  readonly ms: number;
}

/**
 * Opens every page of a built site in Chromium, served from 127.0.0.1, and checks what only
 * a browser can: axe-core's WCAG 2.2 AA rules, the first Tab reaching the skip link, a visible
 * change on every keyboard focus, no sideways scrolling at 320 CSS px, `lang="en-GB"`, an
 * accessible name and a data table for every chart, and privacy: no request to another
 * origin, no cookie, no storage, no Content-Security-Policy violation, no script error.
 *
 * Pages that are `<meta http-equiv="refresh">` redirects are audited with the refresh
 * removed, so the check sees the page a slow browser shows rather than the one it lands on.
 */
export async function auditInBrowser(options: BrowserAuditOptions): Promise<BrowserAudit> {
  const started = performance.now();
  const files = listFiles(options.dir);
  const htmlFiles = files.filter((f) => f.endsWith(".html"));
  const paths = options.paths ?? htmlFiles.map(urlForFile);
  const redirectPages = new Set(
    htmlFiles
      .filter((f) => {
        const html = readFileSync(join(options.dir, f), "utf8");
        return withoutRefresh(html) !== html;
      })
      .map(urlForFile),
  );
  const server = await serveDir(options.dir);
  const browser = options.browser ?? (await launchChromium());
  const problems: GateProblem[] = [];
  const queue = [...paths];
  try {
    const worker = async (): Promise<void> => {
      const context = await browser.newContext({ viewport: DESKTOP, serviceWorkers: "block" });
      try {
        const page = await context.newPage();
        let current = "";
        const report = (gate: "browser" | "privacy", message: string): void => {
          problems.push({ gate, page: current, message });
        };
        await context.addInitScript({ content: RECORDER_SCRIPT });
        await context.route("**/*", async (route) => {
          const url = new URL(route.request().url());
          if (url.origin !== server.origin) {
            report("privacy", `requested ${url.href} from another website; serve it from this site or remove it`);
            return route.abort("blockedbyclient");
          }
          if (route.request().resourceType() === "document" && redirectPages.has(url.pathname)) {
            const response = await route.fetch();
            return route.fulfill({ response, body: withoutRefresh(await response.text()) });
          }
          return route.continue();
        });
        page.on("websocket", (ws) => report("privacy", `opened a WebSocket to ${ws.url()}`));
        page.on("pageerror", (error) =>
          report("browser", `a script on the page failed: ${error.message.split("\n")[0]}`),
        );
        page.on("response", (response) => {
          if (response.status() >= 400 && response.request().resourceType() !== "document") {
            report("browser", `requested ${new URL(response.url()).pathname}, which answered ${response.status()}`);
          }
        });
        for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
          current = path;
          try {
            await auditPage({ page, context, origin: server.origin, path, report });
          } catch (error) {
            report("browser", `could not be audited: ${String(error).split("\n")[0]}`);
          }
        }
      } finally {
        await context.close();
      }
    };
    const n = Math.max(1, Math.min(options.concurrency ?? DEFAULT_CONCURRENCY, paths.length));
    await Promise.all(Array.from({ length: n }, worker));
  } finally {
    if (!options.browser) await browser.close();
    await server.close();
  }
  return { problems, pages: paths.length, ms: Math.round(performance.now() - started) };
}

async function auditPage(options: {
  page: Page;
  context: BrowserContext;
  origin: string;
  path: string;
  report: (gate: "browser" | "privacy", message: string) => void;
}): Promise<void> {
  const { page, context, report } = options;
  await page.setViewportSize(DESKTOP);
  const response = await page.goto(options.origin + options.path, { waitUntil: "load" });
  if (!response || response.status() !== 200) {
    report("browser", `the page answered ${response?.status() ?? "nothing"} instead of 200`);
    return;
  }

  await page.keyboard.press("Tab");
  const facts = await page.evaluate(probePage);

  if (facts.lang !== "en-GB") report("browser", `<html lang> is ${JSON.stringify(facts.lang)}; expected "en-GB"`);
  const first = facts.firstTab;
  if (!first || !first.href?.startsWith("#") || !/skip/i.test(first.text)) {
    report(
      "browser",
      `the first Tab press should focus a "Skip to main content" link; it focused ${first ? first.what : "nothing"}`,
    );
  } else {
    if (!first.targetExists) report("browser", `the skip link points at ${first.href}, which is not on the page`);
    if (!first.visible) report("browser", "the skip link is not visible when it has keyboard focus");
  }
  if (facts.noFocusIndicator.length) {
    const shown = facts.noFocusIndicator.slice(0, 5).join("; ");
    const more = facts.noFocusIndicator.length > 5 ? ` and ${facts.noFocusIndicator.length - 5} more` : "";
    report("browser", `no visible change when these take keyboard focus: ${shown}${more}`);
  }
  for (const message of facts.chartProblems) report("browser", message);
  // One line per kind of violation: a Markdown table can trip the same directive hundreds of times.
  const seen = new Map<string, { message: string; count: number }>();
  for (const r of facts.records) {
    const message =
      r.kind === "csp"
        ? `Content-Security-Policy violation: ${r.detail}`
        : r.kind === "cookie"
          ? `a script set the cookie "${r.detail}"`
          : `a script used ${r.detail}, which stores data on the visitor's device`;
    const key = message.replace(/ \(.* line \d+\)/, "");
    const entry = seen.get(key);
    if (entry) entry.count += 1;
    else seen.set(key, { message, count: 1 });
  }
  for (const { message, count } of seen.values())
    report("privacy", count > 1 ? `${message}, and ${count - 1} more like it` : message);
  const cookies = await context.cookies();
  if (cookies.length) {
    report(
      "privacy",
      `the page set cookie${cookies.length > 1 ? "s" : ""} ${cookies.map((c) => `"${c.name}"`).join(", ")}`,
    );
    await context.clearCookies();
  }

  // Evaluated through DevTools, which the page's Content-Security-Policy does not govern;
  // a script tag would be blocked by that policy and reported as a violation.
  await page.evaluate(AXE_SOURCE);
  const axeOptions: RunOptions = { runOnly: { type: "tag", values: [...AXE_TAGS] }, resultTypes: ["violations"] };
  const results = await page.evaluate(
    (opts) =>
      (window as unknown as { axe: { run: (c: Document, o: unknown) => Promise<AxeResults> } }).axe.run(document, opts),
    axeOptions,
  );
  for (const v of results.violations) {
    const targets = v.nodes.map((n) => n.target.join(" "));
    const detail = v.nodes[0]?.failureSummary?.split("\n")[1]?.trim();
    report(
      "browser",
      `axe ${v.id} (${v.impact ?? "unrated"}): ${v.help} — at ${targets.slice(0, 3).join("; ")}` +
        `${targets.length > 3 ? ` and ${targets.length - 3} more` : ""}${detail ? ` — ${detail}` : ""}`,
    );
  }

  await page.setViewportSize(NARROW);
  const overflow = await page.evaluate(probeOverflow);
  if (overflow) {
    report(
      "browser",
      `scrolls sideways at 320 CSS px (${overflow.scrollWidth}px of content in ${overflow.clientWidth}px)` +
        `${overflow.culprits.length ? `; too wide: ${overflow.culprits.join("; ")}` : ""}`,
    );
  }
}
