import { parse } from "csv-parse/sync";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { loadPortal } from "../../src/lib/content/load.ts";
import type { Portal } from "../../src/lib/content/model.ts";
import { dataPackage, kpiCsv, kpiRows, neutraliseCell, CSV_COLUMNS } from "../../src/lib/open-data.ts";
import { kpiSchema } from "../../src/schemas/index.ts";
import { allChanges } from "../../src/lib/changes.ts";
import { atomFeed } from "../../src/lib/feed.ts";
import { meetingsCalendar } from "../../src/lib/calendar.ts";
import { FIXTURE } from "../helpers/content-root.ts";

const result = loadPortal(FIXTURE);
if (!result.ok) throw new Error("fixture must load");
const portal: Portal = result.portal;
const waits = portal.kpis.find((k) => k.slug === "waits")!;

describe("KPI CSV", () => {
  const csv = kpiCsv(waits);
  const rows = parse(csv, { columns: true, bom: true }) as Record<string, string>[];

  it("has the documented columns in order", () => {
    expect(csv.split("\r\n")[0]).toBe(CSV_COLUMNS.join(","));
  });
  it("reproduces every value of the source data, one row per period", () => {
    expect(rows.map((r) => [r["period"], r["value"]])).toEqual([
      ["2019-10", "29"],
      ["2019-11", ""],
      ["2019-12", "27"],
    ]);
  });
  it("marks a missing value as missing with its reason, never as zero", () => {
    expect(rows[1]).toMatchObject({ value: "", status: "missing", missing_reason: "Tracker not in place" });
  });
  it("flags a provisional value and gives the target that applied", () => {
    expect(rows[2]).toMatchObject({ status: "provisional", target: "25", target_wording: "25 weeks" });
  });
});

describe("KPI CSV with text a spreadsheet would run as a formula", () => {
  const hostile = {
    ...waits,
    data: {
      ...waits.data,
      ref: "+44 KPI",
      series: [
        {
          ...waits.data.series[0]!,
          label: "@SUM(A1:A9)",
          values: [
            { period: "2019-10", value: -3.5, note: '=HYPERLINK("https://evil.example/","Click")' },
            { period: "2019-11", value: null, missing: "-1 day late" },
            { period: "2019-12", value: 4, note: "\tTabbed" },
          ],
        },
      ],
    },
  };
  const csv = kpiCsv(hostile);
  const rows = parse(csv, { columns: true }) as Record<string, string>[];

  it("prefixes a single quote to a note that starts with =, and quotes the cell", () => {
    expect(rows[0]!["note"]).toBe('\'=HYPERLINK("https://evil.example/","Click")');
    expect(csv).toContain(',"\'=HYPERLINK(""https://evil.example/"",""Click"")"');
  });
  it("neutralises text starting with +, - , @ or a tab in every text column", () => {
    expect(rows.map((r) => [r["ref"], r["cohort"]])[0]).toEqual(["'+44 KPI", "'@SUM(A1:A9)"]);
    expect(rows[1]!["missing_reason"]).toBe("'-1 day late");
    expect(rows[2]!["note"]).toBe("'\tTabbed");
  });
  it("writes a negative figure as a number, unquoted and unprefixed", () => {
    expect(rows[0]!["value"]).toBe("-3.5");
    expect(csv.split("\r\n")[1]).toContain(",-3.5,");
  });
  it("leaves ordinary text alone", () => {
    expect(neutraliseCell("Tracker not in place")).toBe("Tracker not in place");
    expect(neutraliseCell("3 - 4 weeks")).toBe("3 - 4 weeks");
  });
});

describe("the updates feed", () => {
  const xml = atomFeed({
    portal,
    changes: allChanges(portal),
    base: "https://portal.example/",
    path: "/feed.xml",
    title: "T",
  });
  it("is well-formed XML", () => expect(XMLValidator.validate(xml)).toBe(true));
  it("links every entry to a page of the portal", () => {
    const feed = new XMLParser({ ignoreAttributes: false }).parse(xml).feed;
    const hrefs: string[] = feed.entry.map((e: { link: { "@_href": string } }) => e.link["@_href"]);
    expect(hrefs).toContain("https://portal.example/reports/progress/v2/");
    expect(hrefs).toContain("https://portal.example/decisions/board-2019-12-10-1/");
    expect(hrefs.every((h) => h.startsWith("https://portal.example/"))).toBe(true);
  });
  it("identifies the feed and its entries by tag URIs on the publisher's own domain, not the site's address", () => {
    const feed = new XMLParser({ ignoreAttributes: false }).parse(xml).feed;
    expect(feed.id).toBe("tag:example.org,2019:feed:/feed.xml");
    expect(feed.entry.every((e: { id: string }) => e.id.startsWith("tag:example.org,2019:"))).toBe(true);
  });
  it("links to pages relative to the site when the public address is not known", () => {
    const relative = atomFeed({ portal, changes: allChanges(portal), base: undefined, path: "/feed.xml", title: "T" });
    const feed = new XMLParser({ ignoreAttributes: false }).parse(relative).feed;
    expect(feed.link.map((l: { "@_href": string }) => l["@_href"])).toEqual(["/feed.xml", "/"]);
    expect(feed.entry.every((e: { link: { "@_href": string } }) => e.link["@_href"].startsWith("/"))).toBe(true);
    expect(relative).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  });
});

describe("the meetings calendar", () => {
  const ics = meetingsCalendar(portal, "https://portal.example/");
  it("has every meeting with a stable UID", () => {
    expect(ics).toContain("UID:board-2019-12-10@example.org");
  });
  it("links each meeting to its page", () => {
    expect(ics.replace(/\r\n /g, "")).toContain("URL;VALUE=URI:https://portal.example/meetings/board-2019-12-10/");
  });
  it("names no address when the public address is not known, and still gives stable UIDs", () => {
    const unknown = meetingsCalendar(portal, undefined);
    expect(unknown).toContain("UID:board-2019-12-10@example.org");
    expect(unknown).not.toContain("URL;");
    expect(unknown).not.toMatch(/localhost/);
  });
  it("raises SEQUENCE when a meeting is cancelled, so subscribed calendars update", () => {
    const cancelled = {
      ...portal,
      meetings: portal.meetings.map((m) => ({
        ...m,
        data: { ...m.data, status: "cancelled" as const, cancelledReason: "Not quorate" },
      })),
    };
    expect(ics).toContain("SEQUENCE:0");
    expect(meetingsCalendar(cancelled, "https://portal.example/")).toContain("SEQUENCE:1");
  });
  it("keeps a cancelled meeting as cancelled rather than dropping it", () => {
    const cancelled = {
      ...portal,
      meetings: portal.meetings.map((m) => ({
        ...m,
        data: { ...m.data, status: "cancelled" as const, cancelledReason: "Not quorate" },
      })),
    };
    expect(meetingsCalendar(cancelled, "https://portal.example/")).toContain("STATUS:CANCELLED");
  });
});

/** The fixture with every value the feed and the calendar print set to `say(what it was)`. */
function hostilePortal(say: (s: string) => string): Portal {
  return {
    ...portal,
    site: { ...portal.site, title: say(portal.site.title), organisation: say(portal.site.organisation) },
    committees: portal.committees.map((c) => ({ ...c, data: { ...c.data, name: say(c.data.name) } })),
    meetings: portal.meetings.map((m) => ({
      ...m,
      data: { ...m.data, title: say(m.data.title ?? "Meeting"), venue: say(m.data.venue ?? "Town Hall") },
    })),
  };
}

describe("the meetings calendar with hostile site settings and meeting text", () => {
  const injected = (s: string) => `${s}\r\nBEGIN:VEVENT\r\nSUMMARY:Injected\r\nEND:VEVENT\n\u0007;,\\`;
  const ics = meetingsCalendar(hostilePortal(injected), "https://portal.example/");
  const calendar = new ICAL.Component(ICAL.parse(ics));

  it("adds no event and no property for a line break in a value", () => {
    expect(calendar.getAllSubcomponents("vevent")).toHaveLength(portal.meetings.length);
    expect(ics.split("\r\n").filter((line) => line.startsWith("BEGIN:VEVENT"))).toHaveLength(portal.meetings.length);
    expect(calendar.getAllProperties().map((p) => p.name)).toEqual(["version", "prodid", "name", "x-wr-calname"]);
  });
  it("keeps each value as text, line breaks and separators included, without control characters", () => {
    const asText = (s: string) => injected(s).replace(/\r\n/g, "\n").replace("\u0007", "");
    // ical.js leaves NAME (RFC 7986) escaped, so it is unescaped here as RFC 5545 TEXT.
    const name = String(calendar.getFirstPropertyValue("name")).replace(/\\([\\;,nN])/g, (_, c: string) =>
      c.toLowerCase() === "n" ? "\n" : c,
    );
    expect(name).toBe(`${asText(portal.site.title)}: meetings`);
    const event = calendar.getFirstSubcomponent("vevent")!;
    expect(event.getFirstPropertyValue("location")).toBe(asText("Town Hall"));
  });
});

describe("the updates feed with hostile text", () => {
  const hostile = (s: string) => `${s} ]]> </script><script>alert(1)</script> &amp; \u0000\u000b\uFFFE\uD800 "q" 'a'`;
  const xml = atomFeed({
    portal: hostilePortal(hostile),
    changes: allChanges(portal).map((c) => ({ ...c, title: hostile(c.title) })),
    base: "https://portal.example/",
    path: "/feed.xml",
    title: hostile("Updates"),
  });
  const feed = new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: false }).parse(xml).feed;

  it("is well-formed XML 1.0, with no character XML cannot carry", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toMatch(/(?![\t\n\r])[\p{Cc}\p{Cs}\uFFFE\uFFFF]/u);
  });
  it("keeps markup and entities as text", () => {
    const asText = (s: string) => hostile(s).replace(/(?![\t\n\r])[\p{Cc}\p{Cs}\uFFFE]/gu, "");
    expect(feed.title).toBe(asText("Updates"));
    expect(feed.author.name).toBe(asText(portal.site.organisation));
  });
});

describe("open data, every column and flag (golden files: a change to a download must be deliberate)", () => {
  const every = {
    slug: "every",
    file: "data/kpis/every.json",
    data: kpiSchema.parse({
      ref: "KPI E",
      title: "Every kind of figure",
      meaning: "A test indicator.",
      unit: "percent",
      better: "higher",
      source: "Fixture",
      targets: [{ period: "2020-Q1", target: { kind: "value", value: 50 }, wording: "50%" }],
      comparators: [
        { id: "national", label: "National", values: [{ period: "2020-Q1", value: 48 }] },
        { id: "other", label: "Other cohort benchmark", series: "ehcp", values: [{ period: "2020-Q1", value: 30 }] },
      ],
      series: [
        {
          id: "all",
          label: "All",
          frequency: "quarterly",
          values: [
            { period: "2020-Q2", value: 51, count: 102, provisional: true },
            { period: "2020-Q1", value: 49, revisions: [{ value: 47, revised: "2020-05-01", reason: "Late returns" }] },
            { period: "2019-Q4", value: null, suppressed: true },
            { period: "2019-Q3", value: null, missing: "Tracker not in place" },
            { period: "2020-Q3", value: 40, asAt: "2020-08-15", note: "Part of the quarter" },
            { period: "2020-Q4", value: 45 },
            { period: "2021-Q1", value: 60, projected: true },
          ],
        },
        { id: "ehcp", label: "EHCP pupils", frequency: "quarterly", values: [{ period: "2020-Q1", value: 31 }] },
      ],
    }),
  };
  it("writes one row per series and period, in period order, with every flag", () => {
    expect(kpiRows(every)).toMatchSnapshot();
  });
  it("marks a comparator figure the paper calls provisional", () => {
    const marked = {
      ...every,
      data: {
        ...every.data,
        comparators: [
          { id: "national", label: "National", values: [{ period: "2020-Q1", value: 48, provisional: true as const }] },
        ],
      },
    };
    expect(kpiRows(marked).find((r) => r.period === "2020-Q1" && r.series === "all")?.comparators).toBe(
      "National: 48 (provisional)",
    );
  });
  it("gives a context measure no target", () => {
    const context = { ...every, data: { ...every.data, better: "neither" as const } };
    expect(kpiRows(context).map((r) => [r.target, r.target_wording])).toEqual(kpiRows(context).map(() => [null, ""]));
  });
  it("describes every column in the data package, with absolute paths when the address is known", () => {
    expect(dataPackage(portal, "https://send.example.gov.uk/")).toMatchSnapshot();
  });
  it("gives paths relative to the data package when the public address is not known", () => {
    const pkg = dataPackage(portal, undefined) as { resources: { path: string }[]; homepage?: string };
    expect([pkg.homepage, pkg.resources.map((r) => r.path)]).toEqual([undefined, ["kpis.csv", "kpis/waits.csv"]]);
  });
});
