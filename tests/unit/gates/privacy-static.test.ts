import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scanSite } from "../../../tools/gates/html-scan.ts";
import { checkThirdPartyReferences } from "../../../tools/gates/privacy-static.ts";
import { formatGateProblems } from "../../../src/lib/published-problem.ts";
import { fixture } from "../../helpers/gate-fixture.ts";

const privacyProblems = (dir: string): string[] => formatGateProblems(checkThirdPartyReferences(scanSite(dir)));

describe("the static third-party check", () => {
  it("passes a site that loads everything from itself and links to other websites", () => {
    expect(privacyProblems(fixture("good"))).toEqual([]);
  });

  it("names the page and line of a script loaded from another website", () => {
    expect(privacyProblems(fixture("external-script"))).toEqual([
      '/ — <script src="https://cdn.example.com/analytics.js"> loads from another website, which tells it about the visit; serve the file from this site instead (index.html:8)',
    ]);
  });

  it("catches images (in SVG too), frames, fonts in CSS and protocol-relative addresses, but not canonical links", () => {
    const dir = mkdtempSync(join(tmpdir(), "gate-privacy-"));
    try {
      writeFileSync(
        join(dir, "index.html"),
        [
          '<!DOCTYPE html><html lang="en-GB"><head><link rel="canonical" href="https://portal.example.gov.uk/">',
          '<link rel="preconnect" href="https://fonts.example.com"></head><body>',
          '<img src="//images.example.com/a.png" alt="a"><iframe src="https://video.example.com/embed/1" title="v"></iframe>',
          '<svg role="img" aria-label="logo"><image href="https://cdn.example.com/logo.png"></image></svg>',
          "</body></html>",
        ].join("\n"),
      );
      writeFileSync(
        join(dir, "site.css"),
        'body { color: red; }\n@font-face { src: url("https://fonts.example.com/f.woff2"); }\n',
      );
      expect(privacyProblems(dir)).toEqual([
        '/ — <iframe src="https://video.example.com/embed/1"> loads from another website, which tells it about the visit; serve the file from this site instead (index.html:3)',
        '/ — <image href="https://cdn.example.com/logo.png"> loads from another website, which tells it about the visit; serve the file from this site instead (index.html:4)',
        '/ — <img src="//images.example.com/a.png"> loads from another website, which tells it about the visit; serve the file from this site instead (index.html:3)',
        '/ — <link href="https://fonts.example.com"> loads from another website, which tells it about the visit; serve the file from this site instead (index.html:2)',
        "/site.css — CSS loads https://fonts.example.com/f.woff2 from another website; serve the file from this site instead (site.css:2)",
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
