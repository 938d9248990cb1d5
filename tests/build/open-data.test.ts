/** Every download in the built site reproduces the source data; feeds and structured data parse. */
import { parse } from "csv-parse/sync";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPortal } from "../../src/lib/content/load.ts";

const ROOT = join(import.meta.dirname, "../..");
const DIST = join(ROOT, "dist");
const result = loadPortal(ROOT);
if (!result.ok) throw new Error("sample content must be valid");
const { portal } = result;

describe("the published CSV files", () => {
  it.each(portal.kpis.map((k) => [k.slug, k] as const))(
    "%s.csv has every value of the source, flags included",
    (slug, kpi) => {
      const rows = parse(readFileSync(join(DIST, `data/kpis/${slug}.csv`), "utf8"), { columns: true }) as Record<
        string,
        string
      >[];
      const source = kpi.data.series
        .flatMap((s) =>
          s.values.map(
            (v) =>
              `${s.id} ${v.period} ${v.value ?? ""} ${v.value === null ? (v.suppressed ? "suppressed" : "missing") : ""}`,
          ),
        )
        .sort();
      const published = rows
        .map(
          (r) =>
            `${r["series"]} ${r["period"]} ${r["value"]} ${["missing", "suppressed"].includes(r["status"]!) ? r["status"] : ""}`,
        )
        .sort();
      expect(published).toEqual(source);
    },
  );

  it("has every series of every indicator in the bulk file", () => {
    const rows = parse(readFileSync(join(DIST, "data/kpis.csv"), "utf8"), { columns: true }) as unknown[];
    expect(rows).toHaveLength(
      portal.kpis.reduce((n, k) => n + k.data.series.reduce((m, s) => m + s.values.length, 0), 0),
    );
  });

  it("no text cell starts with a character a spreadsheet reads as a formula, and figures are plain numbers", () => {
    const files = ["data/kpis.csv", ...portal.kpis.map((k) => `data/kpis/${k.slug}.csv`)];
    for (const file of files) {
      const rows = parse(readFileSync(join(DIST, file), "utf8"), { columns: true }) as Record<string, string>[];
      for (const row of rows) {
        for (const [column, cell] of Object.entries(row)) {
          if (["value", "count", "target"].includes(column))
            expect(cell === "" || Number.isFinite(Number(cell))).toBe(true);
          else expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        }
      }
    }
  });

  it("is described by a data package listing every file", () => {
    const pkg = JSON.parse(readFileSync(join(DIST, "data/datapackage.json"), "utf8"));
    expect(pkg.resources).toHaveLength(portal.kpis.length + 1);
    expect(pkg.licenses[0].name).toBe(portal.site.licence.name);
  });
});

describe("feeds", () => {
  const feeds = [
    "feed.xml",
    ...["plans", "committees", "kpis"].flatMap((d) =>
      readdirSync(join(DIST, "feeds", d)).map((f) => `feeds/${d}/${f}`),
    ),
  ];
  it.each(feeds)("%s is well-formed Atom whose entries link to pages of the site", (file) => {
    const xml = readFileSync(join(DIST, file), "utf8");
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = new XMLParser({ ignoreAttributes: false }).parse(xml).feed;
    const entries = [feed.entry ?? []].flat() as { link: { "@_href": string } }[];
    // The sample has no public address, so links are relative to the site.
    expect(portal.site.baseUrl).toBeUndefined();
    for (const e of entries) {
      expect(e.link["@_href"]).toMatch(/^\/[^/]/);
      const url = new URL(e.link["@_href"], "https://site.invalid");
      const file = url.pathname.endsWith("/") ? `${url.pathname}index.html` : url.pathname;
      expect(() => readFileSync(join(DIST, file))).not.toThrow();
    }
  });
});

describe("structured data", () => {
  const pages = [
    "kpis/kpi-1-2/index.html",
    "meetings/osc-childrens-2023-11-28/index.html",
    "reports/send-progress-report-2020/v1/index.html",
  ];
  it.each(pages)("%s carries well-formed schema.org JSON-LD", (file) => {
    const html = readFileSync(join(DIST, file), "utf8");
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) =>
      JSON.parse(m[1]!),
    );
    expect(blocks.map((b) => b["@type"])).toEqual([
      file.startsWith("kpis") ? "Dataset" : file.startsWith("meetings") ? "Event" : "Report",
    ]);
    expect(blocks[0]["@context"]).toBe("https://schema.org");
  });
});
