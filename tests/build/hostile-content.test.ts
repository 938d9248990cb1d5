/**
 * Officer text can never break a page, a download or the build: every text field of a
 * small content root is set to hostile strings, then either the content check refuses
 * it with a located message, or the site builds and every page, feed, calendar, CSV and
 * JSON file still parses, holds the text as text, and has nothing the content did not ask for.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import ICAL from "ical.js";
import { parse as parseHtml, type DefaultTreeAdapterTypes as T } from "parse5";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { loadPortal } from "../../src/lib/content/load.ts";
import { formatProblem } from "../../src/lib/content/problems.ts";
import { FIXTURE } from "../helpers/content-root.ts";

const REPO = join(import.meta.dirname, "../..");
const ASTRO = join(REPO, "node_modules/astro/bin/astro.mjs");
const EVIL = "evil.example";
/**
 * Unquoted markup after a `>` and an acronym: Astro escapes quotes in attributes but not
 * `<` or `>`, so marking that splits HTML with patterns turns the rest into live elements.
 */
const KPI_TITLE = `Waiting > 18 weeks for CAMHS <a href=https://${EVIL}/>Sign in</a> <meta http-equiv=refresh content=0;url=https://${EVIL}/>`;

/** Written into fields as they are; the build must publish each as text. */
const HOSTILE = [
  `<meta http-equiv="refresh" content="0;url=https://${EVIL}/">`,
  `<a href="https://${EVIL}/">Sign in</a>`,
  `<script>alert("hostile")</script>`,
  "Waiting > 18 weeks for CAMHS",
  `"Double" and 'single' quotes, \`backticks\``,
  "&amp; &lt;hostile-tag&gt; &#60;hostile-tag&#62; &nbsp; &copy;",
  "]]> </script> <!-- --> <![CDATA[ x ]]>",
  `Long${"word".repeat(80)}`,
  "Emoji 👨‍👩‍👧 and accents é ü",
  `=HYPERLINK("https://${EVIL}/","Click")`,
  "-3.5 @SUM(A1) +1",
  `<hostile-tag onclick="alert(1)">x</hostile-tag> ${"\u200F"}RLM`,
  `Plain > text <a href=https://${EVIL}/>unquoted</a> <hostile-tag onclick=alert(1)>`,
];

/** Characters the content check must refuse, each with what its message names. */
const REFUSED: [string, string][] = [
  ["a\nb", "a line break (U+000A)"],
  ["a\rb", "a line break (U+000D)"],
  ["a\r\nb", "a line break (U+000D)"],
  ["a\u2028b", "a line break (U+2028)"],
  ["a\tb", "a tab (U+0009)"],
  ["a\u0000b", "a control character (U+0000)"],
  ["a\u0007b", "a control character (U+0007)"],
  ["a\u001bb", "a control character (U+001B)"],
  ["a\u007fb", "a control character (U+007F)"],
  ["a\u0085b", "a control character (U+0085)"],
  ["a\u202Eb", "a bidirectional control character (U+202E)"],
  ["a\u2066b", "a bidirectional control character (U+2066)"],
];

/** Fields that hold officer text (everything else is a slug, period, date, number, URL or enum). */
const TEXT_KEYS = new Set([
  "title",
  "name",
  "shortName",
  "purpose",
  "summary",
  "description",
  "note",
  "label",
  "text",
  "venue",
  "ref",
  "wording",
  "meaning",
  "source",
  "commentary",
  "definition",
  "expansion",
  "organisation",
  "owner",
  "lead",
  "outcome",
  "impact",
  "reason",
  "missing",
  "changes",
  "publishedNote",
  "printedTitle",
  "dueAsPrinted",
  "covers",
  "dateNote",
  "directionAsPrinted",
]);
const TEXT_LISTS = new Set(["authors", "recommendations", "sourceNotes", "partners"]);

/** Every content file of a root, relative, with forward slashes. */
function contentFiles(root: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) =>
      statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)],
    );
  return [...walk(join(root, "content")), ...walk(join(root, "data"))]
    .map((f) => relative(root, f).split("\\").join("/"))
    .sort();
}

/** Replaces every officer-text string in `data`, in document order, with `next()`. */
function replaceText(data: unknown, next: () => string): unknown {
  if (Array.isArray(data)) return data.map((v) => replaceText(v, next));
  if (data === null || typeof data !== "object") return data;
  return Object.fromEntries(
    Object.entries(data).map(([key, value]) => {
      if (typeof value === "string" && TEXT_KEYS.has(key)) return [key, next()];
      if (Array.isArray(value) && TEXT_LISTS.has(key)) return [key, value.map(() => next())];
      return [key, replaceText(value, next)];
    }),
  );
}

/** Rewrites every content file of `root` through `edit` (front matter, YAML and JSON alike). */
function rewriteContent(root: string, edit: (data: unknown, file: string) => unknown): void {
  for (const file of contentFiles(root)) {
    const path = join(root, file);
    const source = readFileSync(path, "utf8");
    if (file.endsWith(".json")) {
      writeFileSync(path, JSON.stringify(edit(JSON.parse(source), file), null, 2));
    } else if (file.endsWith(".md")) {
      const end = source.indexOf("\n---", 4);
      const front = stringifyYaml(edit(parseYaml(source.slice(4, end)), file));
      writeFileSync(path, `---\n${front}---\n${source.slice(end + 5)}`);
    } else if (file.endsWith(".yml")) {
      writeFileSync(path, stringifyYaml(edit(parseYaml(source), file)));
    }
  }
}

/** The fixture with every text field hostile, the glossary knowing CAMHS, and a KPI titled with a `>` before it. */
function hostileRoot(): string {
  const root = mkdtempSync(join(tmpdir(), "portal-hostile-"));
  cpSync(FIXTURE, root, { recursive: true });
  let i = 0;
  rewriteContent(root, (data, file) => {
    const hostile = replaceText(data, () => HOSTILE[i++ % HOSTILE.length]!);
    if (file === "content/glossary.yml")
      return [
        ...(hostile as unknown[]),
        {
          id: "camhs",
          term: "CAMHS",
          expansion: `Child & Adolescent "Mental" <b>Health</b> Services`,
          definition: HOSTILE[0],
        },
      ];
    if (file === "data/kpis/waits.json") {
      const kpi = hostile as { series: { values: Record<string, unknown>[] }[] };
      kpi.series[0]!.values[0] = { ...kpi.series[0]!.values[0], value: -3.5, note: HOSTILE[9] };
      // A negative figure must stay a number in the CSV; a wait cannot be negative, so the range allows it here.
      return { ...kpi, title: KPI_TITLE, range: { min: -10 } };
    }
    return hostile;
  });
  const report = join(root, "content/reports/progress/v1.md");
  writeFileSync(report, `${readFileSync(report, "utf8")}\nWaits > 18 weeks for CAMHS &amp; "more" 'here'.\n`);
  // The second version is MDX: its figure and chart carry the indicator's hostile title and note.
  const v2 = join(root, "content/reports/progress/v2.md");
  writeFileSync(
    `${v2}x`,
    `${readFileSync(v2, "utf8")}\nWaits were <KpiFigure kpi="waits" period="2019-10" />, and 2 \\< 3 \\{x\\}.\n\n<KpiChart kpi="waits" />\n`,
  );
  rmSync(v2);
  return root;
}

function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(ext))
    .map((f) => join(dir, f));
}

function elements(node: T.ParentNode): T.Element[] {
  return node.childNodes.flatMap((child) =>
    "tagName" in child ? [child, ...elements(child), ...("content" in child ? elements(child.content) : [])] : [],
  );
}

const textOf = (node: T.ParentNode): string =>
  node.childNodes
    .map((c) => (c.nodeName === "#text" ? (c as T.TextNode).value : "tagName" in c ? textOf(c) : ""))
    .join("");

const attr = (el: T.Element, name: string) => el.attrs.find((a) => a.name === name)?.value;

describe("hostile characters", () => {
  it.each(REFUSED)(
    "the content check refuses %j in a one-line field, located by file, line and column",
    (value, what) => {
      const root = mkdtempSync(join(tmpdir(), "portal-refused-"));
      try {
        cpSync(FIXTURE, root, { recursive: true });
        rewriteContent(root, (data, file) =>
          file === "content/committees/example-board.yml" ? { ...(data as object), name: value } : data,
        );
        const result = loadPortal(root);
        expect(result.ok).toBe(false);
        const problems = result.ok ? [] : result.problems.map(formatProblem);
        expect(problems).toEqual([
          expect.stringContaining(`content/committees/example-board.yml:1 — name: contains ${what} at column 2.`),
        ]);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  );
});

describe("a portal whose every text field is hostile", () => {
  let root: string;
  let dist: string;
  let build: ReturnType<typeof spawnSync>;
  let site: { title: string; organisation: string };

  beforeAll(() => {
    root = hostileRoot();
    const loaded = loadPortal(root);
    site = loaded.ok ? loaded.portal.site : { title: "", organisation: "" };
    dist = mkdtempSync(join(tmpdir(), "dist-hostile-"));
    build = spawnSync(process.execPath, [ASTRO, "build", "--outDir", dist], {
      cwd: REPO,
      env: { ...process.env, PORTAL_DIR: root },
      encoding: "utf8",
    });
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(dist, { recursive: true, force: true });
  });

  it("passes the content check and builds", () => {
    const result = loadPortal(root);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
    expect(build.status, String(build.stderr).slice(-2000)).toBe(0);
  });

  it("adds no element, attribute, script or address to any page", () => {
    const pages = filesUnder(dist, ".html");
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) {
      const where = relative(dist, page);
      const all = elements(parseHtml(readFileSync(page, "utf8")));
      for (const el of all) {
        expect(el.tagName, where).not.toBe("hostile-tag");
        expect(el.tagName, where).not.toBe("b");
        for (const a of el.attrs) {
          expect(a.name.startsWith("on"), `${where}: ${el.tagName}[${a.name}]`).toBe(false);
          if (["href", "src", "action", "formaction", "srcset", "poster"].includes(a.name))
            expect(a.value, `${where}: ${el.tagName}[${a.name}]`).not.toContain(EVIL);
        }
        if (el.tagName === "meta" && attr(el, "http-equiv") !== undefined)
          expect(attr(el, "http-equiv"), where).toBe("content-security-policy");
        if (el.tagName === "script") {
          const src = attr(el, "src");
          const body = textOf(el);
          if (src !== undefined) expect(src.startsWith("/"), `${where}: script src ${src}`).toBe(true);
          else if (attr(el, "type") === "application/ld+json") expect(() => JSON.parse(body), where).not.toThrow();
          else expect(body, where).not.toContain("hostile");
        }
      }
    }
  });

  it("shows the hostile text as text, and explains an acronym after a >", () => {
    const doc = parseHtml(readFileSync(join(dist, "kpis/waits/index.html"), "utf8"));
    const all = elements(doc);
    expect(textOf(all.find((e) => e.tagName === "h1")!).endsWith(`: ${KPI_TITLE}`)).toBe(true);
    expect(textOf(all.find((e) => e.tagName === "title")!)).toContain(KPI_TITLE);
    expect(all.some((e) => attr(e, "aria-label") === `Data table: ${KPI_TITLE}`)).toBe(true);
    const home = elements(parseHtml(readFileSync(join(dist, "index.html"), "utf8")));
    expect(HOSTILE).toContain(site.title);
    expect(textOf(home.find((e) => e.tagName === "title")!)).toBe(site.title);
    const report = elements(parseHtml(readFileSync(join(dist, "reports/progress/v1/index.html"), "utf8")));
    const term = report.find((e) => e.tagName === "a" && attr(e, "href") === "/glossary/#camhs");
    expect(term && textOf(term)).toBe("CAMHS");
    expect(report.find((e) => e.tagName === "abbr" && textOf(e) === "CAMHS") && true).toBe(true);
    expect(report.some((e) => attr(e, "title") === `Child & Adolescent "Mental" <b>Health</b> Services`)).toBe(true);
    const mdx = elements(parseHtml(readFileSync(join(dist, "reports/progress/v2/index.html"), "utf8")));
    const prose = mdx.find((e) => attr(e, "class") === "prose")!;
    expect(textOf(prose)).toContain("Waits were -4 weeks (as published on 20 December 2019), and 2 < 3 {x}.");
    const caption = mdx.find((e) => e.tagName === "figcaption")!;
    expect(textOf(caption)).toContain(`${KPI_TITLE}, as published on 20 December 2019`);
  });

  it("publishes feeds that are well-formed XML holding the text as text", () => {
    const feeds = filesUnder(dist, ".xml").filter((f) => !f.includes("sitemap"));
    expect(feeds.length).toBeGreaterThan(0);
    for (const file of [...feeds, ...filesUnder(dist, ".xml").filter((f) => f.includes("sitemap"))]) {
      const xml = readFileSync(file, "utf8");
      expect(XMLValidator.validate(xml), relative(dist, file)).toBe(true);
      expect(xml).not.toMatch(/(?![\t\n\r])[\p{Cc}\p{Cs}\uFFFE\uFFFF]/u);
    }
    const feed = new XMLParser({ processEntities: true, htmlEntities: false }).parse(
      readFileSync(join(dist, "feed.xml"), "utf8"),
    ).feed;
    expect(feed.author.name).toBe(site.organisation);
    const titles = [feed.entry ?? []].flat().map((e: { title: string }) => e.title);
    expect(titles.some((t) => t.includes(KPI_TITLE))).toBe(true);
  });

  it("publishes calendars that parse, one event per meeting, with the text as text", () => {
    const calendars = filesUnder(dist, ".ics");
    expect(calendars.length).toBeGreaterThan(0);
    for (const file of calendars) {
      const ics = readFileSync(file, "utf8");
      for (const line of ics.split("\r\n").filter((l) => l !== ""))
        expect(line, relative(dist, file)).toMatch(/^(?: |[A-Z][A-Z0-9-]*[;:])/);
      const calendar = new ICAL.Component(ICAL.parse(ics));
      const events = calendar.getAllSubcomponents("vevent");
      expect(events, relative(dist, file)).toHaveLength(1);
      expect(HOSTILE).toContain(events[0]!.getFirstPropertyValue("location"));
    }
  });

  it("publishes CSV files that parse with a row per value and no cell a spreadsheet would run", () => {
    for (const file of filesUnder(join(dist, "data"), ".csv")) {
      const rows = parseCsv(readFileSync(file, "utf8"), { columns: true }) as Record<string, string>[];
      expect(rows, relative(dist, file)).toHaveLength(3);
      for (const row of rows) {
        expect(row["title"]).toBe(KPI_TITLE);
        for (const [column, cell] of Object.entries(row))
          if (!["value", "count", "target"].includes(column))
            expect(cell, `${file} ${column}`).not.toMatch(/^[=+\-@\t\r]/);
      }
      expect(rows.map((r) => [r["value"], r["note"]])[0]).toEqual(["-3.5", `'${HOSTILE[9]}`]);
    }
  });

  it("publishes JSON files that parse", () => {
    const files = filesUnder(dist, ".json");
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(() => JSON.parse(readFileSync(file, "utf8")), relative(dist, file)).not.toThrow();
    const kpi = JSON.parse(readFileSync(join(dist, "data/kpis/waits.json"), "utf8"));
    expect(kpi.rows[0].title).toBe(KPI_TITLE);
  });
});
