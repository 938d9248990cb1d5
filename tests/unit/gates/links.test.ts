import { describe, expect, it } from "vitest";
import { scanPage, scanSite, withoutRefresh, type PageScan, type SiteScan } from "../../../tools/gates/html-scan.ts";
import { checkLinks } from "../../../tools/gates/links.ts";
import { formatGateProblems } from "../../../src/lib/published-problem.ts";
import { fixture } from "../../helpers/gate-fixture.ts";

/** The site with one more page, as if the build had written it. */
const withPage = (site: SiteScan, page: PageScan): SiteScan => ({
  ...site,
  files: new Set([...site.files, page.file]),
  pages: new Map(site.pages).set(page.file, page),
});

const linkProblems = (name: string): string[] => formatGateProblems(checkLinks(scanSite(fixture(name))));

describe("the links gate", () => {
  it("passes a site whose links, anchors and resources all exist", () => {
    expect(linkProblems("good")).toEqual([]);
  });

  it("names the page and line of a link to a page that does not exist", () => {
    expect(linkProblems("missing-page")).toEqual([
      "/ — link to /kpis/waiting-times/: no page has that address (index.html:20)",
    ]);
  });

  it("names the page, the anchor and the target page when an id is missing", () => {
    expect(linkProblems("broken-anchor")).toEqual([
      '/ — link to /glossary/#sen-support: /glossary/ has no element with id="sen-support" (index.html:20)',
    ]);
  });

  it("says where the page is when a link lacks its trailing slash", () => {
    const site = scanSite(fixture("good"));
    const page = scanPage('<!DOCTYPE html><a href="/glossary">Glossary</a>', { file: "x/index.html" });
    expect(formatGateProblems(checkLinks(withPage(site, page)))).toEqual([
      "/x/ — link to /glossary: the page is at /glossary/ (with a trailing slash) (x/index.html:1)",
    ]);
  });

  it("resolves relative links and entity-encoded fragments against the page", () => {
    const site = scanSite(fixture("good"));
    const page = scanPage(
      '<!DOCTYPE html><h2 id="baseline">Baseline</h2><a href="../../glossary/#ehcp">ok</a><a href="../kpi-1/#values">ok</a><a href="#ba&#115;eline">ok</a><a href="#top">top</a><a href="#nope">bad</a>',
      { file: "kpis/kpi-2/index.html" },
    );
    expect(formatGateProblems(checkLinks(withPage(site, page)))).toEqual([
      '/kpis/kpi-2/ — link to /kpis/kpi-2/#nope: /kpis/kpi-2/ has no element with id="nope" (kpis/kpi-2/index.html:1)',
    ]);
  });

  it("checks stylesheets, scripts and images on this site, and ignores other websites and mailto", () => {
    const site = scanSite(fixture("good"));
    const page = scanPage(
      '<!DOCTYPE html><link rel="stylesheet" href="/gone.css"><img src="/img/x.png" alt="x"><a href="mailto:send@example.org">mail</a><a href="https://example.org/nope/">elsewhere</a>',
      { file: "x/index.html" },
    );
    expect(formatGateProblems(checkLinks(withPage(site, page)))).toEqual([
      "/x/ — <img src> loads /img/x.png: no page or file has that address (x/index.html:1)",
      "/x/ — <link href> loads /gone.css: no page or file has that address (x/index.html:1)",
    ]);
  });

  it("reads links and ids inside a chart's inline SVG", () => {
    const site = scanSite(fixture("good"));
    const page = scanPage(
      '<!DOCTYPE html><svg role="img" aria-label="c"><a href="/kpis/kpi-9/"><circle id="q1" r="2"></circle></a><use href="#q1"></use><use href="#q2"></use></svg>',
      { file: "x/index.html" },
    );
    expect(formatGateProblems(checkLinks(withPage(site, page)))).toEqual([
      '/x/ — <use href> loads /x/#q2: /x/ has no element with id="q2" (x/index.html:1)',
      "/x/ — link to /kpis/kpi-9/: no page has that address (x/index.html:1)",
    ]);
  });
});

describe("reading a page", () => {
  it("says whether search indexes it", () => {
    expect(
      scanPage('<!DOCTYPE html><main data-pagefind-body=""><p>x</p></main>', { file: "a/index.html" }).searched,
    ).toBe(true);
    expect(scanPage("<!DOCTYPE html><main><p>data-pagefind-body</p></main>", { file: "a/index.html" }).searched).toBe(
      false,
    );
  });

  it("takes out a redirect's refresh, and leaves the same words in text or in an attribute alone", () => {
    const text = '<p>&lt;meta http-equiv="refresh" content="0"&gt;</p>';
    const attribute = '<a href="/x/" title=\'<meta http-equiv="refresh" content="0; url=/y/">\'>x</a>';
    expect(withoutRefresh(`<head><META HTTP-EQUIV=Refresh content="0; url=/kpis/kpi-1/"></head>${text}`)).toBe(
      `<head></head>${text}`,
    );
    expect(withoutRefresh(`<head><title>t</title></head>${attribute}`)).toBe(
      `<head><title>t</title></head>${attribute}`,
    );
  });
});
