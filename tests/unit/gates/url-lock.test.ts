import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scanSite } from "../../../tools/gates/html-scan.ts";
import { formatGateProblems } from "../../../src/lib/published-problem.ts";
import { parseRedirects } from "../../../src/lib/content/redirects.ts";
import {
  checkLockOnlyGrows,
  checkUrlPermanence,
  formatLock,
  mergeLock,
  parseLock,
  publishedUrls,
} from "../../../tools/gates/url-lock.ts";
import { fixture } from "../../helpers/gate-fixture.ts";

const read = (name: string, file: string): string => readFileSync(join(fixture(name), file), "utf8");

describe("publishedUrls", () => {
  it("lists every file by its address, and every id on KPI and glossary pages, sorted", () => {
    expect(publishedUrls(scanSite(fixture("good")))).toEqual([
      "/",
      "/data/kpi-1.csv",
      "/glossary/",
      "/glossary/#ehcp",
      "/glossary/#main",
      "/kpis/kpi-1/",
      "/kpis/kpi-1/#baseline",
      "/kpis/kpi-1/#chart",
      "/kpis/kpi-1/#chart-title",
      "/kpis/kpi-1/#main",
      "/kpis/kpi-1/#values",
      "/site.css",
    ]);
  });
  it("locks only the window entries on the changes page (#since-…), not its other ids", () => {
    const page = (file: string, url: string, ids: string[]) => ({
      file,
      url,
      ids,
      targets: new Set(ids),
      refs: [],
      searched: false,
    });
    const changes = page("changes/index.html", "/changes/", ["main", "latest", "since-board-1", "since-board-2"]);
    const window = page("changes/board-1/index.html", "/changes/board-1/", ["main", "window-changes"]);
    const site = {
      dir: "",
      files: new Set([changes.file, window.file]),
      pages: new Map([changes, window].map((p) => [p.file, p])),
    };
    expect(publishedUrls(site)).toEqual([
      "/changes/",
      "/changes/#since-board-1",
      "/changes/#since-board-2",
      "/changes/board-1/",
    ]);
  });
});

describe("the URL permanence gate", () => {
  it("names a locked page that was removed without a redirect, and nothing that redirects.yml answers", () => {
    const site = scanSite(fixture("removed-url/site"));
    const locked = parseLock(read("removed-url", "urls.lock"));
    const redirects = parseRedirects(read("removed-url", "redirects.yml"), "redirects.yml");
    expect([...locked.problems, ...redirects.problems]).toEqual([]);
    expect(formatGateProblems(checkUrlPermanence({ site, locked: locked.urls, redirects: redirects.entries }))).toEqual(
      [
        '/kpis/old-kpi/ — was published (it is in urls.lock) but is missing from the site; restore it, or answer it in content/redirects.yml with "- from: /kpis/old-kpi/" and either "to: <new address>" or "gone: <why it was removed>" (urls.lock)',
      ],
    );
  });

  it("reports a removed page once, counting its locked anchors", () => {
    const site = scanSite(fixture("good"));
    const locked = [...publishedUrls(site), "/kpis/kpi-2/", "/kpis/kpi-2/#baseline", "/kpis/kpi-2/#values"].sort();
    expect(formatGateProblems(checkUrlPermanence({ site, locked, redirects: [] }))).toEqual([
      '/kpis/kpi-2/ — was published (it is in urls.lock, with 2 anchors) but is missing from the site; restore it, or answer it in content/redirects.yml with "- from: /kpis/kpi-2/" and either "to: <new address>" or "gone: <why it was removed>" (urls.lock)',
    ]);
  });

  it("names a locked anchor that disappeared from its page", () => {
    const site = scanSite(fixture("good"));
    const locked = [...publishedUrls(site), "/kpis/kpi-1/#targets"].sort();
    expect(formatGateProblems(checkUrlPermanence({ site, locked, redirects: [] }))).toEqual([
      '/kpis/kpi-1/#targets — was published (it is in urls.lock) but is missing from the site; restore it, or answer it in content/redirects.yml with "- from: /kpis/kpi-1/#targets" and either "to: <new address>" or "gone: <why it was removed>" (urls.lock)',
    ]);
  });

  it("fails a redirect to an address that is not live, or to another redirect", () => {
    const site = scanSite(fixture("good"));
    const { entries } = parseRedirects(
      "- from: /old/\n  to: /kpis/nowhere/\n- from: /older/\n  to: /old/\n- from: /kpis/x/\n  to: /kpis/kpi-1/#nothing\n",
    );
    expect(formatGateProblems(checkUrlPermanence({ site, locked: publishedUrls(site), redirects: entries }))).toEqual([
      '/kpis/x/ — redirects to /kpis/kpi-1/#nothing, but /kpis/kpi-1/ has no element with id="nothing" (content/redirects.yml:5)',
      "/old/ — redirects to /kpis/nowhere/, which is not live: no page has that address (content/redirects.yml:1)",
      "/older/ — redirects to /old/, which itself redirects (line 1); point it straight at the final address (content/redirects.yml:3)",
    ]);
  });

  it("asks for the lock command when published addresses are not locked", () => {
    const site = scanSite(fixture("good"));
    expect(formatGateProblems(checkUrlPermanence({ site, locked: ["/", "/site.css"], redirects: [] }))).toEqual([
      "urls.lock — 10 published addresses are not locked yet (/data/kpi-1.csv, /glossary/, /glossary/#ehcp, /glossary/#main, /kpis/kpi-1/, …); run npm run urls:lock and commit urls.lock",
    ]);
  });
});

describe("the lock file", () => {
  it("is written sorted by code point, one address a line, without repeats", () => {
    expect(formatLock(["/b/", "/a/#x", "/a/", "/B/", "/a/"])).toBe("/B/\n/a/\n/a/#x\n/b/\n");
  });

  it("only grows when merged with what is published", () => {
    expect(mergeLock(["/a/", "/gone/"], ["/c/", "/a/"])).toEqual(["/a/", "/c/", "/gone/"]);
  });

  it("reports lines out of order, repeated, or not an address", () => {
    expect(formatGateProblems(parseLock("/a/\n/c/\n/b/\n/b/\nkpis/x/\n").problems)).toEqual([
      "urls.lock — /b/ is listed twice; run npm run urls:lock to tidy the file (urls.lock:4)",
      "urls.lock — /b/ is out of order; run npm run urls:lock to sort the file (urls.lock:3)",
      'urls.lock — expected an address starting with "/", got "kpis/x/" (urls.lock:5)',
    ]);
  });

  it("names each address taken out of the lock since the last commit", () => {
    expect(formatGateProblems(checkLockOnlyGrows({ before: ["/a/", "/kpis/x/"], after: ["/a/", "/b/"] }))).toEqual([
      "/kpis/x/ — was removed from urls.lock, which only ever grows; put the line back and answer the address in content/redirects.yml instead (urls.lock)",
    ]);
  });
});
