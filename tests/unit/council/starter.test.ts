import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPortal } from "../../../src/lib/content/load.ts";
import { formatProblem } from "../../../src/lib/content/problems.ts";
import { COMMON_SEND_TERMS, starterFiles } from "../../../tools/officer/starter.ts";

const files = starterFiles({
  council: "Northmoor Council",
  email: "send@northmoor.example",
  today: "2025-02-03",
  schemaDir: "../portal/schema",
});

describe("the starter content root", () => {
  it("passes the content check as written", () => {
    const root = mkdtempSync(join(tmpdir(), "starter-"));
    try {
      for (const f of files) {
        mkdirSync(dirname(join(root, f.file)), { recursive: true });
        writeFileSync(join(root, f.file), f.text);
      }
      const result = loadPortal(root);
      expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
      if (!result.ok) return;
      const p = result.portal;
      expect([
        p.committees.length,
        p.plans.length,
        p.plans[0]!.actions.length,
        p.kpis.length,
        p.reports.length,
      ]).toEqual([1, 1, 1, 1, 1]);
      expect(p.kpis[0]!.data.targets.length).toBe(1);
      expect(p.plans[0]!.actions[0]!.kpis).toEqual([p.kpis[0]!.slug]);
      expect(p.glossary.map((t) => t.term)).toEqual(COMMON_SEND_TERMS.map((t) => t.term));
      expect(p.site.baseUrl).toBeUndefined();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("has a README, a CI workflow that runs npm run verify before publishing, and ignores its build", () => {
    const byName = new Map(files.map((f) => [f.file, f.text]));
    expect(byName.get("README.md")).toContain("PORTAL_DIR=/path/to/this/folder npm run verify");
    const workflow = byName.get(".github/workflows/publish.yml") ?? "";
    expect(workflow).toContain("npm run verify");
    expect(workflow.indexOf("npm run verify")).toBeLessThan(workflow.indexOf("upload-pages-artifact"));
    expect(byName.get(".gitignore")).toBe("dist/\n");
  });

  it("points editors at this repository's JSON Schemas from wherever the folder is", () => {
    expect(files.find((f) => f.file === "data/kpis/ehcp-within-20-weeks.json")?.text).toContain(
      '"$schema": "../../../portal/schema/kpi.schema.json"',
    );
    expect(files.find((f) => f.file === "content/site.yml")?.text).toMatch(
      /^# yaml-language-server: \$schema=\.\.\/\.\.\/portal\/schema\/site\.schema\.json\n/,
    );
  });
});
