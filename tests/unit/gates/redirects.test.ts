import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scanSite } from "../../../tools/gates/html-scan.ts";
import { loadValidatorConfig, validateHtml } from "../../../tools/gates/html-validity.ts";
import { checkLinks } from "../../../tools/gates/links.ts";
import { formatGateProblems } from "../../../src/lib/published-problem.ts";
import { parseRedirects, redirectFiles } from "../../../src/lib/content/redirects.ts";
import { insideOrThrow } from "../../../src/integrations/redirects.ts";
import { CONTENT_SECURITY_POLICY } from "../../../src/lib/security-policy.ts";

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
          <meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; connect-src 'self'">
          <meta name="referrer" content="no-referrer">
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
      expect(formatGateProblems(checkLinks(scanSite(dir)))).toEqual([]);
    });

    it("pass the valid HTML gate", async () => {
      const config = loadValidatorConfig(fileURLToPath(new URL("../../../.htmlvalidate.json", import.meta.url)));
      const pages = files.map((f) => f.path).filter((p) => p.endsWith(".html"));
      expect(formatGateProblems(await validateHtml({ dir, pages, config }))).toEqual([]);
    });
  });
});

describe("addresses that could leave the site", () => {
  const problemsFor = (from: string, to = "/kpis/kpi-1/") =>
    formatGateProblems(parseRedirects(`- from: ${JSON.stringify(from)}\n  to: ${JSON.stringify(to)}\n`).problems);

  it.each([
    ["/../../outside/", 'from: an address may not contain "." or ".." segments, got "/../../outside/"'],
    [
      "/kpis/%2e%2e/%2E%2e/outside/",
      'from: an address may not contain "." or ".." segments, got "/kpis/%2e%2e/%2E%2e/outside/"',
    ],
    ["/kpis/%252e%252e/x/", 'from: an address may not contain "." or ".." segments, got "/kpis/%252e%252e/x/"'],
    ["/kpis/./x/", 'from: an address may not contain "." or ".." segments, got "/kpis/./x/"'],
    ["/kpis\\..\\x/", 'from: an address may not contain a backslash (\\), got "/kpis\\\\..\\\\x/"'],
    ["/kpis/%5C../x/", 'from: an address may not contain a backslash (\\), got "/kpis/%5C../x/"'],
    ["//elsewhere.example/", 'from: an address may not contain "//", got "//elsewhere.example/"'],
    ["/kpis//x/", 'from: an address may not contain "//", got "/kpis//x/"'],
    ["/kpis/x/?page=2", 'from: an address here may not have a query (?…), got "/kpis/x/?page=2"'],
    ["/kpis/a b/", 'from: an address may not contain spaces or control characters, got "/kpis/a b/"'],
    ["/kpis/a\u0000/", 'from: an address may not contain spaces or control characters, got "/kpis/a\\u0000/"'],
    ["/kpis/%0a/", 'from: an address may not contain spaces or control characters, got "/kpis/%0a/"'],
    ["/kpis/%zz/", 'from: an address may only use "%" to encode a character, as in %20, got "/kpis/%zz/"'],
    [
      "https://elsewhere.example/",
      'from: expected an address on this site starting with "/", got "https://elsewhere.example/"',
    ],
  ])("refuses from: %j with a located message", (from, message) => {
    expect(problemsFor(from)).toEqual([`content/redirects.yml — ${message} (content/redirects.yml:1)`]);
  });

  it.each([
    ["/\\elsewhere.example/", 'to: an address may not contain a backslash (\\), got "/\\\\elsewhere.example/"'],
    ["/%5celsewhere.example/", 'to: an address may not contain a backslash (\\), got "/%5celsewhere.example/"'],
    ["//elsewhere.example/", 'to: an address may not contain "//", got "//elsewhere.example/"'],
    ["/%2F/elsewhere.example/", 'to: an address may not contain "//", got "/%2F/elsewhere.example/"'],
    ["javascript:alert(1)", 'to: expected an address on this site starting with "/", got "javascript:alert(1)"'],
    ["/kpis/../../x/", 'to: an address may not contain "." or ".." segments, got "/kpis/../../x/"'],
    [
      "/kpis/é/",
      'to: expected the address exactly as a browser shows it (letters other than a–z written with %, as in %C3%A9), got "/kpis/é/"',
    ],
  ])("refuses to: %j with a located message", (to, message) => {
    expect(problemsFor("/kpis/old/", to)).toEqual([`content/redirects.yml — ${message} (content/redirects.yml:1)`]);
  });

  it("accepts plain addresses, percent-encoded letters and anchors", () => {
    expect(problemsFor("/kpis/caf%C3%A9/#q3", "/kpis/kpi-1/#values")).toEqual([]);
  });

  it("refuses a chain, naming the final address", () => {
    const text = "- from: /a/\n  to: /b/\n- from: /b/\n  to: /c/\n";
    expect(formatGateProblems(parseRedirects(text).problems)).toEqual([
      "content/redirects.yml — to: /b/ is itself redirected (line 3); point this entry straight at /c/ (content/redirects.yml:1)",
    ]);
  });

  it("refuses a redirect to a page that is itself marked gone", () => {
    const text = "- from: /a/\n  to: /b/#top\n- from: /b/\n  gone: Withdrawn.\n";
    expect(formatGateProblems(parseRedirects(text).problems)).toEqual([
      "content/redirects.yml — to: /b/#top is itself marked gone (line 3); point this entry at a live page or mark it gone too (content/redirects.yml:1)",
    ]);
  });

  it("refuses a loop on every entry in it", () => {
    const text = "- from: /a/\n  to: /b/\n- from: /b/\n  to: /a/\n";
    expect(formatGateProblems(parseRedirects(text).problems)).toEqual([
      "content/redirects.yml — to: /a/ is itself redirected (line 1), and following the entries leads back here: a loop never delivers the reader. Point each entry at a live page (content/redirects.yml:3)",
      "content/redirects.yml — to: /b/ is itself redirected (line 3), and following the entries leads back here: a loop never delivers the reader. Point each entry at a live page (content/redirects.yml:1)",
    ]);
  });

  it("never writes a file outside the built site, even if handed such a path", () => {
    const dir = mkdtempSync(join(tmpdir(), "gate-redirects-out-"));
    try {
      expect(insideOrThrow(dir, "kpis/old/index.html")).toBe(join(dir, "kpis/old/index.html"));
      for (const path of ["../outside/index.html", "kpis/../../outside.html", "/etc/passwd", ""])
        expect(() => insideOrThrow(dir, path)).toThrow(/refusing to write .* which is outside the built site/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("gives redirect pages the same Content-Security-Policy and referrer policy as every page", () => {
    const [moved] = redirectFiles([{ from: "/a/", to: "/b/", line: 1 }]);
    expect(moved?.contents).toContain(
      `<meta http-equiv="content-security-policy" content="${CONTENT_SECURITY_POLICY}">\n    <meta name="referrer" content="no-referrer">`,
    );
  });
});
