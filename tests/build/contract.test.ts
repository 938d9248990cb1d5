/**
 * The built site (`npm run build` runs before this project) has a page at every
 * path of the URL contract, and PORTAL_DIR builds another council's content.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPortal } from "../../src/lib/content/load.ts";
import { withFixture } from "../helpers/content-root.ts";

const ROOT = join(import.meta.dirname, "../..");
const DIST = join(ROOT, "dist");
const page = (path: string) => join(DIST, path, path.endsWith("/") ? "index.html" : "");

describe("the sample portal's contract pages", () => {
  const result = loadPortal(ROOT);
  if (!result.ok) throw new Error("sample content must be valid");
  const { portal } = result;
  const plan = portal.plans[0]!;
  const action = plan.actions[0]!;
  const kpi = portal.kpis[0]!;
  const report = portal.reports.find((r) => r.versions.some((v) => v.data.status === "published"))!;
  const meeting = portal.meetings[0]!;
  const decision = portal.decisions[0]!;

  it.each([
    "/",
    "/plans/",
    `/plans/${plan.slug}/`,
    `/plans/${plan.slug}/actions/${action.id}/`,
    "/kpis/",
    `/kpis/${kpi.slug}/`,
    "/reports/",
    `/reports/${report.slug}/`,
    `/reports/${report.slug}/v1/`,
    "/meetings/",
    `/meetings/${meeting.slug}/`,
    "/decisions/",
    `/decisions/${portal.meetings.find((m) => m.slug === decision.meeting)!.data.date.slice(0, 4)}/`,
    `/decisions/${decision.id}/`,
    "/glossary/",
    "/search/",
    "/data/",
    "/changes/",
    "/about/",
    "/about/methodology/",
    "/accessibility/",
    "/schema/",
  ])("has a page at %s", (path) => {
    expect(existsSync(page(path))).toBe(true);
  });

  it.each([
    "/feed.xml",
    "/meetings.ics",
    "/data/kpis.csv",
    `/data/kpis/${kpi.slug}.csv`,
    `/data/kpis/${kpi.slug}.json`,
    "/schema/kpi.schema.json",
    "/pagefind/pagefind.js",
  ])("publishes %s", (path) => expect(existsSync(join(DIST, path))).toBe(true));

  it("builds a page for every KPI, action, decision and meeting", () => {
    const missing = [
      ...portal.kpis.map((k) => `/kpis/${k.slug}/`),
      ...portal.plans.flatMap((p) => p.actions.map((a) => `/plans/${p.slug}/actions/${a.id}/`)),
      ...portal.decisions.map((d) => `/decisions/${d.id}/`),
      ...portal.meetings
        .filter((m) => m.data.decisions.length > 0)
        .map((m) => `/decisions/${m.data.date.slice(0, 4)}/`),
      ...portal.meetings.map((m) => `/meetings/${m.slug}/`),
    ].filter((p) => !existsSync(page(p)));
    expect(missing).toEqual([]);
  });

  it("gives every glossary term an anchor on the glossary page", () => {
    const html = readFileSync(page("/glossary/"), "utf8");
    expect(portal.glossary.filter((t) => !html.includes(`id="${t.id}"`)).map((t) => t.id)).toEqual([]);
  });
});

describe("PORTAL_DIR", () => {
  const out = mkdtempSync(join(tmpdir(), "portal-dist-"));
  afterAll(() => rmSync(out, { recursive: true, force: true }));
  const DRAFT =
    "---\ntitle: Progress report\nsummary: S.\npublished: 2020-01-15\nstatus: draft\nchanges: Draft changes.\n---\n## Draft\n\nNot for the public.\n";
  beforeAll(() =>
    withFixture(
      (root) => writeFileSync(join(root, "content/reports/progress/v3.md"), DRAFT),
      (root) =>
        execFileSync("npx", ["astro", "build", "--outDir", out], {
          cwd: ROOT,
          env: { ...process.env, PORTAL_DIR: root },
          stdio: "pipe",
        }),
    ),
  );

  it("builds another content root into a site of its own", () => {
    expect(readFileSync(join(out, "kpis/waits/index.html"), "utf8")).toContain(
      "Waiting time for speech and language therapy",
    );
    expect(existsSync(join(out, "kpis/kpi-1-2/index.html"))).toBe(false);
  });

  it("never publishes a draft version", () => {
    const current = readFileSync(join(out, "reports/progress/index.html"), "utf8");
    expect(existsSync(join(out, "reports/progress/v3/index.html"))).toBe(false);
    expect(current).not.toContain("Not for the public");
    expect(current).toContain("2 of 2");
  });
});
