import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scanSite } from "../../../src/lib/gates/html-scan.ts";
import { loadValidatorConfig, validateHtml } from "../../../src/lib/gates/html-validity.ts";
import { checkLinks } from "../../../src/lib/gates/links.ts";
import { formatGateProblems } from "../../../src/lib/gates/problem.ts";
import { parseRedirects, redirectFiles } from "../../../src/lib/content/redirects.ts";

const SAMPLE = `- from: /kpis/renamed/
  to: /kpis/kpi-1/
- from: /reports/withdrawn/
  gone: Published by mistake before the committee met; withdrawn on 3 March 2020.
- from: /data/old.csv
  to: /data/kpi-1.csv
- from: /kpis/kpi-1/#q3
  to: /kpis/kpi-1/#values
`;

describe("parseRedirects", () => {
  it("reads moved and removed addresses with their lines", () => {
    expect(parseRedirects(SAMPLE)).toEqual({
      entries: [
        { from: "/kpis/renamed/", to: "/kpis/kpi-1/", line: 1 },
        {
          from: "/reports/withdrawn/",
          gone: "Published by mistake before the committee met; withdrawn on 3 March 2020.",
          line: 3,
        },
        { from: "/data/old.csv", to: "/data/kpi-1.csv", line: 5 },
        { from: "/kpis/kpi-1/#q3", to: "/kpis/kpi-1/#values", line: 7 },
      ],
      problems: [],
    });
  });

  it("treats a missing or empty file as no redirects", () => {
    expect(parseRedirects(undefined)).toEqual({ entries: [], problems: [] });
    expect(parseRedirects("\n")).toEqual({ entries: [], problems: [] });
  });

  it("says which line is wrong and why, for every problem at once", () => {
    const text = [
      "- from: kpis/a/",
      "  to: /kpis/b/",
      "- from: /kpis/c/",
      "- from: /kpis/d/",
      "  to: /kpis/e/",
      "  gone: both",
      "- from: /kpis/f/",
      "  moved: /kpis/g/",
      "  to: /kpis/g/",
      "- from: /kpis/f/",
      "  gone: again",
      "- from: /kpis/h/",
      "  to: https://elsewhere.example/",
    ].join("\n");
    expect(formatGateProblems(parseRedirects(text).problems)).toEqual([
      "content/redirects.yml — from: /kpis/f/ is already answered by the entry at line 7; keep one (content/redirects.yml:10)",
      'content/redirects.yml — from: expected an address on this site starting with "/", got "kpis/a/" (content/redirects.yml:1)',
      "content/redirects.yml — give exactly one of to (where it moved) or gone (why it was removed) (content/redirects.yml:3)",
      "content/redirects.yml — give exactly one of to (where it moved) or gone (why it was removed) (content/redirects.yml:4)",
      'content/redirects.yml — to: expected an address on this site starting with "/", got "https://elsewhere.example/" (content/redirects.yml:12)',
      'content/redirects.yml — unknown key "moved"; expected from, to or gone (content/redirects.yml:8)',
    ]);
  });

  it("refuses a file that is not a list", () => {
    expect(formatGateProblems(parseRedirects("from: /a/\nto: /b/\n").problems)).toEqual([
      "content/redirects.yml — expected a list of entries, each with from and to (or from and gone) (content/redirects.yml:1)",
    ]);
  });
});

describe("redirectFiles", () => {
  const files = redirectFiles(parseRedirects(SAMPLE).entries, { siteTitle: "Fixture portal" });

  it("writes a page for each moved or removed page and one host rule per moved file, but nothing for anchors", () => {
    expect(files.map((f) => f.path)).toEqual(["kpis/renamed/index.html", "reports/withdrawn/index.html", "_redirects"]);
    expect(files.find((f) => f.path === "_redirects")?.contents).toBe(
      "/data/old.csv /data/kpi-1.csv 301\n/kpis/renamed/ /kpis/kpi-1/ 301\n",
    );
  });

  it("sends the browser on at once, with a link for when it does not", () => {
    expect(files[0]?.contents).toMatchInlineSnapshot(`
      "<!DOCTYPE html>
      <html lang="en-GB">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <meta name="robots" content="noindex">
          <meta http-equiv="refresh" content="0; url=/kpis/kpi-1/">
          <link rel="canonical" href="/kpis/kpi-1/">
          <title>This page has moved – Fixture portal</title>
        </head>
        <body>
          <a href="#main">Skip to main content</a>
          <main id="main">
            <h1>This page has moved</h1>
            <p>It is now at <a href="/kpis/kpi-1/">/kpis/kpi-1/</a>. If your browser does not take you there, follow that link.</p>
          </main>
        </body>
      </html>
      "
    `);
  });

  it("escapes the reason a page was removed", () => {
    const [gone] = redirectFiles([{ from: "/a/", gone: 'Replaced by the <b>"new"</b> plan & its KPIs', line: 1 }]);
    expect(gone?.contents).toContain("<p>Replaced by the &lt;b&gt;&quot;new&quot;&lt;/b&gt; plan &amp; its KPIs</p>");
  });

  describe("written into a built site", () => {
    let dir = "";
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), "gate-redirects-"));
      for (const file of ["index.html", "kpis/kpi-1/index.html", "data/kpi-1.csv", "site.css"]) {
        mkdirSync(dirname(join(dir, file)), { recursive: true });
        writeFileSync(join(dir, file), "");
      }
      writeFileSync(join(dir, "kpis/kpi-1/index.html"), '<!DOCTYPE html><p id="values">Values</p>');
      for (const f of files) {
        mkdirSync(dirname(join(dir, f.path)), { recursive: true });
        writeFileSync(join(dir, f.path), f.contents);
      }
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("pass the links gate", async () => {
      expect(formatGateProblems(checkLinks(await scanSite(dir)))).toEqual([]);
    });

    it("pass the valid HTML gate", async () => {
      const config = loadValidatorConfig(fileURLToPath(new URL("../../../.htmlvalidate.json", import.meta.url)));
      const pages = files.map((f) => f.path).filter((p) => p.endsWith(".html"));
      expect(formatGateProblems(await validateHtml({ dir, pages, config }))).toEqual([]);
    });
  });
});
