import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { scanSite, type SiteScan } from "../../tools/gates/html-scan.ts";
import { loadValidatorConfig, validateHtml } from "../../tools/gates/html-validity.ts";
import { checkLinks } from "../../tools/gates/links.ts";
import { formatGateProblems } from "../../src/lib/published-problem.ts";
import { checkThirdPartyReferences } from "../../tools/gates/privacy-static.ts";
import { checkPageWeight } from "../../tools/gates/page-weight.ts";
import { checkProjectUrls, projectFiles } from "../../tools/gates/project.ts";
import { builtSite, root } from "./built-site.ts";

let site: SiteScan;
beforeAll(async () => {
  site = await scanSite(builtSite());
});

describe("the built site", () => {
  it("has no broken internal link or anchor", () => {
    expect(formatGateProblems(checkLinks(site))).toEqual([]);
  });

  it("is valid HTML on every page", async () => {
    const config = loadValidatorConfig(join(root, ".htmlvalidate.json"));
    expect(formatGateProblems(await validateHtml({ dir: site.dir, pages: site.pages.keys(), config }))).toEqual([]);
  });

  it("has no page too heavy for a phone (over 150 KB gzipped)", () => {
    expect(formatGateProblems(checkPageWeight(site.dir, site.pages.keys()))).toEqual([]);
  });

  it("loads nothing from another website", () => {
    expect(formatGateProblems(checkThirdPartyReferences(site))).toEqual([]);
  });

  it("still answers every address in urls.lock, and locks every address it publishes", () => {
    expect(formatGateProblems(checkProjectUrls(site, projectFiles(root)))).toEqual([]);
  });
});
