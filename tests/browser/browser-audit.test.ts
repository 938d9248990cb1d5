import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditInBrowser, launchChromium } from "../../tools/gates/browser-audit.ts";
import { formatGateProblems } from "../../src/lib/published-problem.ts";
import { redirectFiles } from "../../src/lib/content/redirects.ts";
import { fixture } from "../helpers/gate-fixture.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(() => browser?.close());

const audit = async (dir: string): Promise<string[]> =>
  formatGateProblems((await auditInBrowser({ dir, browser, concurrency: 2 })).problems);

describe("the browser gate", { timeout: 60_000 }, () => {
  it("passes a site that meets every check", async () => {
    expect(await audit(fixture("good"))).toEqual([]);
  });

  it("reports an image without alt text through axe-core", async () => {
    expect(await audit(fixture("image-without-alt"))).toEqual([
      "/ — axe image-alt (critical): Images must have alternative text — at img — Element does not have an alt attribute",
    ]);
  });

  it("reports a chart figure with no data table", async () => {
    expect(await audit(fixture("chart-without-table"))).toEqual([
      '/ — chart "Weeks waited, by quarter" has no data table; put a <table> with the same numbers in the figure, or right after it',
    ]);
  });

  it("reports a chart that plots a number its table does not show", async () => {
    expect(await audit(fixture("chart-numbers-differ"))).toEqual([
      '/ — chart "Weeks waited, by quarter" plots 14, which its data table does not show',
    ]);
  });

  it("reports a first Tab press that misses the skip link", async () => {
    expect(await audit(fixture("no-skip-link"))).toEqual([
      '/ — the first Tab press should focus a "Skip to main content" link; it focused a "Home"',
    ]);
  });

  it("reports links whose look does not change on keyboard focus", async () => {
    expect(await audit(fixture("hidden-focus"))).toEqual([
      '/ — no visible change when these take keyboard focus: a "Home"; a "Home again"',
    ]);
  });

  it("reports sideways scrolling at 320 CSS px and names the element too wide", async () => {
    expect(await audit(fixture("too-wide"))).toEqual([
      '/ — scrolls sideways at 320 CSS px (616px of content in 320px); too wide: div.banner "A banner drawn wider than a phone screen" (600px wide)',
    ]);
  });

  it("reports a page not marked as British English", async () => {
    expect(await audit(fixture("wrong-lang"))).toEqual(['/ — <html lang> is "en"; expected "en-GB"']);
  });
});

describe("the browser privacy guard", { timeout: 60_000 }, () => {
  it("blocks and reports a request to another website", async () => {
    expect(await audit(fixture("external-script"))).toEqual([
      "/ — requested https://cdn.example.com/analytics.js from another website; serve it from this site or remove it",
    ]);
  });

  it("reports storage use and cookies", async () => {
    expect(await audit(fixture("storage-and-cookie"))).toEqual([
      '/ — a script set the cookie "seen"',
      "/ — a script used localStorage, which stores data on the visitor's device",
      '/ — the page set cookie "seen"',
    ]);
  });

  it("reports a Content-Security-Policy violation from the site's own _headers", async () => {
    expect(await audit(fixture("csp-violation"))).toEqual([
      "/ — Content-Security-Policy violation: script-src-elem blocked inline code (/ line 21)",
    ]);
  });
});

describe("redirect and gone pages", { timeout: 60_000 }, () => {
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "gate-redirect-pages-"));
    cpSync(fixture("good"), dir, { recursive: true });
    const files = redirectFiles(
      [
        { from: "/kpis/renamed/", to: "/kpis/kpi-1/", line: 1 },
        { from: "/reports/withdrawn/", gone: "Withdrawn on 3 March 2020.", line: 3 },
      ],
      { siteTitle: "Fixture portal" },
    );
    for (const f of files) {
      mkdirSync(dirname(join(dir, f.path)), { recursive: true });
      writeFileSync(join(dir, f.path), f.contents);
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("pass with their refresh held back, so the audit sees what a slow browser shows", async () => {
    expect(await audit(dir)).toEqual([]);
  });
});
