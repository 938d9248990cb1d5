import { parse } from "csv-parse/sync";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { loadPortal } from "../../src/lib/content/load.ts";
import type { Portal } from "../../src/lib/content/model.ts";
import { kpiRows, toCsv, CSV_COLUMNS } from "../../src/lib/open-data.ts";
import { allChanges } from "../../src/lib/changes.ts";
import { atomFeed } from "../../src/lib/feed.ts";
import { meetingsCalendar } from "../../src/lib/calendar.ts";
import { FIXTURE } from "../helpers/content-root.ts";

const result = loadPortal(FIXTURE);
if (!result.ok) throw new Error("fixture must load");
const portal: Portal = result.portal;
const waits = portal.kpis.find((k) => k.slug === "waits")!;

describe("KPI CSV", () => {
  const csv = toCsv(kpiRows(waits));
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
