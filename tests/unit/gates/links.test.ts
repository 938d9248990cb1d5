import { describe, expect, it } from "vitest";
import { scanPage, scanSite, type PageScan, type SiteScan } from "../../../tools/gates/html-scan.ts";
import { checkLinks } from "../../../tools/gates/links.ts";
import { formatGateProblems } from "../../../src/lib/published-problem.ts";
import { fixture } from "../../helpers/gate-fixture.ts";

/** The site with one more page, as if the build had written it. */
const withPage = (site: SiteScan, page: PageScan): SiteScan => ({
  ...site,
  files: new Set([...site.files, page.file]),
  pages: new Map(site.pages).set(page.file, page),
});

const linkProblems = async (name: string): Promise<string[]> =>
  formatGateProblems(checkLinks(await scanSite(fixture(name))));

describe("the links gate", () => {
  it("passes a site whose links, anchors and resources all exist", async () => {
    expect(await linkProblems("good")).toEqual([]);
  });

  it("names the page and line of a link to a page that does not exist", async () => {
    expect(await linkProblems("missing-page")).toEqual([
      "/ — link to /kpis/waiting-times/: no page has that address (index.html:20)",
    ]);
  });

  it("names the page, the anchor and the target page when an id is missing", async () => {
    expect(await linkProblems("broken-anchor")).toEqual([
      '/ — link to /glossary/#sen-support: /glossary/ has no element with id="sen-support" (index.html:20)',
    ]);
  });

  it("says where the page is when a link lacks its trailing slash", async () => {
    const site = await scanSite(fixture("good"));
    const page = await scanPage('<!DOCTYPE html><a href="/glossary">Glossary</a>', { file: "x/index.html" });
    expect(formatGateProblems(checkLinks(withPage(site, page)))).toEqual([
      "/x/ — link to /glossary: the page is at /glossary/ (with a trailing slash) (x/index.html:1)",
    ]);
  });

  it("resolves relative links and entity-encoded fragments against the page", async () => {
    const site = await scanSite(fixture("good"));
    const page = await scanPage(
      '<!DOCTYPE html><h2 id="baseline">Baseline</h2><a href="../../glossary/#ehcp">ok</a><a href="../kpi-1/#values">ok</a><a href="#ba&#115;eline">ok</a><a href="#top">top</a><a href="#nope">bad</a>',
      { file: "kpis/kpi-2/index.html" },
    );
    expect(formatGateProblems(checkLinks(withPage(site, page)))).toEqual([
      '/kpis/kpi-2/ — link to /kpis/kpi-2/#nope: /kpis/kpi-2/ has no element with id="nope" (kpis/kpi-2/index.html:1)',
    ]);
  });

  it("checks stylesheets, scripts and images on this site, and ignores other websites and mailto", async () => {
    const site = await scanSite(fixture("good"));
    const page = await scanPage(
      '<!DOCTYPE html><link rel="stylesheet" href="/gone.css"><img src="/img/x.png" alt="x"><a href="mailto:send@example.org">mail</a><a href="https://example.org/nope/">elsewhere</a>',
      { file: "x/index.html" },
    );
    expect(formatGateProblems(checkLinks(withPage(site, page)))).toEqual([
      "/x/ — <img src> loads /img/x.png: no page or file has that address (x/index.html:1)",
      "/x/ — <link href> loads /gone.css: no page or file has that address (x/index.html:1)",
    ]);
  });

  it("reads links and ids inside a chart's inline SVG", async () => {
    const site = await scanSite(fixture("good"));
    const page = await scanPage(
      '<!DOCTYPE html><svg role="img" aria-label="c"><a href="/kpis/kpi-9/"><circle id="q1" r="2"></circle></a><use href="#q1"></use><use href="#q2"></use></svg>',
      { file: "x/index.html" },
    );
    expect(formatGateProblems(checkLinks(withPage(site, page)))).toEqual([
      '/x/ — <use href> loads /x/#q2: /x/ has no element with id="q2" (x/index.html:1)',
      "/x/ — link to /kpis/kpi-9/: no page has that address (x/index.html:1)",
    ]);
  });
});
