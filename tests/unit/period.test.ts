import { describe, expect, it } from "vitest";
import {
  comparePeriods,
  fitsFrequency,
  FREQUENCIES,
  labelPeriod,
  parsePeriod,
  period,
  periodMidpoint,
  PERIOD_FORMATS,
  shortLabelPeriod,
  type Frequency,
  type PeriodKind,
} from "../../src/schemas/period.ts";

// Every shape at its boundaries: [written, kind, first day, last day, label, short label].
const SHAPES: [string, PeriodKind, string, string, string, string][] = [
  ["2023-10-19", "date", "2023-10-19", "2023-10-19", "19 October 2023", "19 Oct 2023"],
  ["2023-01-01", "date", "2023-01-01", "2023-01-01", "1 January 2023", "1 Jan 2023"],
  ["2023-12-31", "date", "2023-12-31", "2023-12-31", "31 December 2023", "31 Dec 2023"],
  ["2024-02-29", "date", "2024-02-29", "2024-02-29", "29 February 2024", "29 Feb 2024"],
  ["2000-02-29", "date", "2000-02-29", "2000-02-29", "29 February 2000", "29 Feb 2000"],
  ["2023-04-30", "date", "2023-04-30", "2023-04-30", "30 April 2023", "30 Apr 2023"],
  ["2019-12", "month", "2019-12-01", "2019-12-31", "December 2019", "Dec 2019"],
  ["2019-01", "month", "2019-01-01", "2019-01-31", "January 2019", "Jan 2019"],
  ["2023-02", "month", "2023-02-01", "2023-02-28", "February 2023", "Feb 2023"],
  ["2024-02", "month", "2024-02-01", "2024-02-29", "February 2024", "Feb 2024"],
  ["1900-02", "month", "1900-02-01", "1900-02-28", "February 1900", "Feb 1900"],
  ["0048-02", "month", "0048-02-01", "0048-02-29", "February 48", "Feb 48"],
  ["2023-09", "month", "2023-09-01", "2023-09-30", "September 2023", "Sep 2023"],
  ["2019-Q1", "quarter", "2019-01-01", "2019-03-31", "January to March 2019", "Q1 2019"],
  ["2019-Q2", "quarter", "2019-04-01", "2019-06-30", "April to June 2019", "Q2 2019"],
  ["2019-Q3", "quarter", "2019-07-01", "2019-09-30", "July to September 2019", "Q3 2019"],
  ["2019-Q4", "quarter", "2019-10-01", "2019-12-31", "October to December 2019", "Q4 2019"],
  ["2023-T1", "fourmonth", "2023-01-01", "2023-04-30", "January to April 2023", "T1 2023"],
  ["2023-T2", "fourmonth", "2023-05-01", "2023-08-31", "May to August 2023", "T2 2023"],
  ["2023-T3", "fourmonth", "2023-09-01", "2023-12-31", "September to December 2023", "T3 2023"],
  ["2019-H1", "half", "2019-01-01", "2019-06-30", "January to June 2019", "H1 2019"],
  ["2019-H2", "half", "2019-07-01", "2019-12-31", "July to December 2019", "H2 2019"],
  ["2019", "year", "2019-01-01", "2019-12-31", "2019", "2019"],
  ["FY2023/24-Q1", "fquarter", "2023-04-01", "2023-06-30", "Q1 2023/24 (April to June 2023)", "Q1 2023/24"],
  ["FY2023/24-Q2", "fquarter", "2023-07-01", "2023-09-30", "Q2 2023/24 (July to September 2023)", "Q2 2023/24"],
  ["FY2023/24-Q3", "fquarter", "2023-10-01", "2023-12-31", "Q3 2023/24 (October to December 2023)", "Q3 2023/24"],
  ["FY2023/24-Q4", "fquarter", "2024-01-01", "2024-03-31", "Q4 2023/24 (January to March 2024)", "Q4 2023/24"],
  ["FY2023/24-T1", "ffourmonth", "2023-04-01", "2023-07-31", "T1 2023/24 (April to July 2023)", "T1 2023/24"],
  ["FY2023/24-T2", "ffourmonth", "2023-08-01", "2023-11-30", "T2 2023/24 (August to November 2023)", "T2 2023/24"],
  ["FY2023/24-T3", "ffourmonth", "2023-12-01", "2024-03-31", "T3 2023/24 (December 2023 to March 2024)", "T3 2023/24"],
  ["FY1999/00-T3", "ffourmonth", "1999-12-01", "2000-03-31", "T3 1999/00 (December 1999 to March 2000)", "T3 1999/00"],
  ["FY2023/24", "fyear", "2023-04-01", "2024-03-31", "2023/24 financial year", "2023/24"],
  ["FY1999/00", "fyear", "1999-04-01", "2000-03-31", "1999/00 financial year", "1999/00"],
  ["AY2019/20", "ayear", "2019-09-01", "2020-08-31", "2019/20 academic year", "2019/20"],
  ["AY2022/23-autumn", "term", "2022-09-01", "2022-12-31", "Autumn term 2022/23", "Autumn 2022/23"],
  ["AY2022/23-spring", "term", "2023-01-01", "2023-03-31", "Spring term 2022/23", "Spring 2022/23"],
  ["AY2022/23-summer", "term", "2023-04-01", "2023-08-31", "Summer term 2022/23", "Summer 2022/23"],
  ["AY2023/24-autumn-1", "halfterm", "2023-09-01", "2023-10-31", "Autumn 1st half term 2023/24", "Autumn 1 2023/24"],
  ["AY2023/24-autumn-2", "halfterm", "2023-11-01", "2023-12-31", "Autumn 2nd half term 2023/24", "Autumn 2 2023/24"],
  ["AY2022/23-spring-1", "halfterm", "2023-01-01", "2023-02-28", "Spring 1st half term 2022/23", "Spring 1 2022/23"],
  ["AY2022/23-spring-2", "halfterm", "2023-03-01", "2023-03-31", "Spring 2nd half term 2022/23", "Spring 2 2022/23"],
  ["AY2023/24-spring-1", "halfterm", "2024-01-01", "2024-02-29", "Spring 1st half term 2023/24", "Spring 1 2023/24"],
  ["AY2022/23-summer-1", "halfterm", "2023-04-01", "2023-05-31", "Summer 1st half term 2022/23", "Summer 1 2022/23"],
  ["AY2022/23-summer-2", "halfterm", "2023-06-01", "2023-08-31", "Summer 2nd half term 2022/23", "Summer 2 2022/23"],
];

describe("parsePeriod", () => {
  it.each(SHAPES)("reads %s as a %s from %s to %s", (text, kind, start, end) => {
    expect(parsePeriod(text)).toEqual({ key: text, kind, start, end });
  });

  it.each([
    ["month 00", "2019-00"],
    ["month 13", "2019-13"],
    ["a date in month 00", "2019-00-10"],
    ["a date in month 13", "2019-13-10"],
    ["day 0", "2023-01-00"],
    ["day 32", "2023-01-32"],
    ["31 April", "2023-04-31"],
    ["29 February in a year not divisible by 4", "2023-02-29"],
    ["29 February in a century year not divisible by 400", "1900-02-29"],
    ["30 February in a leap year", "2024-02-30"],
    ["a single-digit month", "2019-1"],
    ["a single-digit day", "2019-01-1"],
    ["a two-digit year", "19-12"],
    ["a five-digit year", "20190"],
    ["a leading space", " 2019-12"],
    ["a trailing space", "2019-12 "],
    ["surrounding spaces", " 2019-12 "],
    ["a trailing newline", "2019-12\n"],
    ["a date with a space before", " 2023-10-19"],
    ["a date with a space after", "2023-10-19 "],
    ["a date with a fifth year digit", "12023-10-19"],
    ["a quarter with a space before", " 2019-Q1"],
    ["a quarter with a space after", "2019-Q1 "],
    ["four months with a space before", " 2023-T1"],
    ["four months with a space after", "2023-T1 "],
    ["a half with a space before", " 2019-H1"],
    ["a half with a space after", "2019-H1 "],
    ["a year with a space after", "2019 "],
    ["a financial year with a space before", " FY2023/24"],
    ["a financial year with a space after", "FY2023/24 "],
    ["an academic year with a space before", " AY2023/24"],
    ["an academic year with a space after", "AY2023/24 "],
    ["a leading newline", "\n2019"],
    ["quarter 0", "2019-Q0"],
    ["quarter 5", "2019-Q5"],
    ["a lower-case quarter", "2019-q1"],
    ["the quarter written first", "Q1 2019"],
    ["four months T0", "2023-T0"],
    ["four months T4", "2023-T4"],
    ["half H0", "2019-H0"],
    ["half H3", "2019-H3"],
    ["a financial year whose years do not follow", "FY2023/25"],
    ["a financial year written backwards", "FY2023/22"],
    ["a financial year with four-digit second year", "FY2023/2024"],
    ["a financial year with no FY", "2023/24"],
    ["a financial quarter 5", "FY2023/24-Q5"],
    ["a financial quarter of a bad split year", "FY2019/21-Q1"],
    ["a financial four months T4", "FY2023/24-T4"],
    ["a financial four months of a bad split year", "FY2019/21-T1"],
    ["a financial half", "FY2023/24-H1"],
    ["an academic year whose years do not follow", "AY2019/21"],
    ["an academic year with four-digit second year", "AY2019/2020"],
    ["a term of a bad split year", "AY2019/21-autumn"],
    ["a half term of a bad split year", "AY2019/21-autumn-1"],
    ["an unknown term", "AY2022/23-winter"],
    ["a capitalised term", "AY2022/23-Spring"],
    ["half term 0", "AY2022/23-spring-0"],
    ["half term 3", "AY2022/23-spring-3"],
    ["a split year with a slash alone", "2019/20"],
    ["the century's last split year written /100", "FY1999/100"],
    ["an empty string", ""],
  ])("refuses %s (%j)", (_, text) => expect(parsePeriod(text)).toBeUndefined());

  it("accepts the split year that crosses a century, 1999/00", () =>
    expect(parsePeriod("AY1999/00")).toEqual({
      key: "AY1999/00",
      kind: "ayear",
      start: "1999-09-01",
      end: "2000-08-31",
    }));

  it("gives the same answer when asked twice", () => {
    expect(parsePeriod("2019-Q1")).toBe(parsePeriod("2019-Q1"));
    expect(parsePeriod("2019-13")).toBeUndefined();
    expect(parsePeriod("2019-13")).toBeUndefined();
  });
});

describe("labelPeriod", () => {
  it.each(SHAPES)("labels %s (a %s from %s to %s) %j", (text, _kind, _start, _end, label) =>
    expect(labelPeriod(period(text))).toBe(label),
  );
});

describe("shortLabelPeriod", () => {
  it.each(SHAPES)("labels %s (a %s from %s to %s, %j) on an axis as %j", (text, _k, _s, _e, _l, short) =>
    expect(shortLabelPeriod(period(text))).toBe(short),
  );
});

describe("period", () => {
  it("returns the parsed period of a valid string", () =>
    expect(period("2023-T2")).toEqual({ key: "2023-T2", kind: "fourmonth", start: "2023-05-01", end: "2023-08-31" }));

  it("throws a message listing every accepted format when the string is not a period", () =>
    expect(() => period("2019-13")).toThrow(`"2019-13" is not a period: expected ${PERIOD_FORMATS}`));

  it("lists every shape in PERIOD_FORMATS", () =>
    expect(PERIOD_FORMATS).toBe(
      "a date (2023-10-19), month (2019-12), quarter (2019-Q1), four months (2023-T1), half year (2019-H2), year (2019), financial year (FY2023/24), its quarter (FY2023/24-Q3) or four months (FY2023/24-T1), academic year (AY2019/20), term (AY2022/23-spring) or half term (AY2022/23-spring-2)",
    ));
});

describe("comparePeriods", () => {
  it("orders mixed shapes by when they end", () => {
    const keys = ["AY2022/23", "AY2022/23-spring-2", "2022-12", "2023-10-19", "FY2022/23-Q3"];
    expect(
      keys
        .map(period)
        .sort(comparePeriods)
        .map((p) => p.key),
    ).toEqual(["FY2022/23-Q3", "2022-12", "AY2022/23-spring-2", "AY2022/23", "2023-10-19"]);
  });

  it("puts the longer of two periods ending together first", () => {
    expect(comparePeriods(period("2023-Q1"), period("2023-03"))).toBeLessThan(0);
    expect(comparePeriods(period("2023-03"), period("2023-Q1"))).toBeGreaterThan(0);
  });

  it("orders two periods with the same days by how they are written", () => {
    expect(comparePeriods(period("2023-Q2"), period("FY2023/24-Q1"))).toBeLessThan(0);
    expect(comparePeriods(period("FY2023/24-Q1"), period("2023-Q2"))).toBeGreaterThan(0);
  });

  it("finds a period equal to itself", () => expect(comparePeriods(period("2023-T1"), period("2023-T1"))).toBe(0));
});

// Which kinds each frequency accepts, in full: a kind missing from a row is refused.
const FITS: Record<Frequency, PeriodKind[]> = {
  monthly: ["month"],
  quarterly: ["quarter", "fquarter"],
  "four-monthly": ["fourmonth", "ffourmonth"],
  "half-yearly": ["half"],
  "half-termly": ["halfterm"],
  termly: ["term"],
  annual: ["year"],
  "financial-year": ["fyear"],
  "academic-year": ["ayear"],
  snapshot: ["date"],
};
const ONE_OF_EACH_KIND = [
  "2023-10-19",
  "2019-12",
  "2019-Q1",
  "2023-T1",
  "2019-H2",
  "FY2023/24-Q3",
  "FY2023/24-T3",
  "2019",
  "FY2023/24",
  "AY2019/20",
  "AY2022/23-spring",
  "AY2022/23-spring-2",
].map(period);

describe("fitsFrequency", () => {
  it("knows exactly the frequencies listed here", () => expect(Object.keys(FREQUENCIES)).toEqual(Object.keys(FITS)));

  it.each(Object.entries(FITS) as [Frequency, PeriodKind[]][])("a %s series accepts exactly %j", (frequency, kinds) =>
    expect(ONE_OF_EACH_KIND.filter((p) => fitsFrequency(p, frequency)).map((p) => p.kind)).toEqual(
      ONE_OF_EACH_KIND.map((p) => p.kind).filter((k) => kinds.includes(k)),
    ),
  );

  it("refuses a term in a half-termly series", () =>
    expect(fitsFrequency(period("AY2022/23-spring"), "half-termly")).toBe(false));
  it("refuses a calendar quarter in a four-monthly series", () =>
    expect(fitsFrequency(period("2023-Q1"), "four-monthly")).toBe(false));
  it("accepts a financial four-month period in a four-monthly series", () =>
    expect(fitsFrequency(period("FY2023/24-T2"), "four-monthly")).toBe(true));
});

describe("periodMidpoint", () => {
  it("is halfway between the first moment and the last second of a single day", () =>
    expect(new Date(periodMidpoint(period("2023-10-19"))).toISOString()).toBe("2023-10-19T11:59:59.500Z"));
  it("is halfway between the first moment and the last second of a month", () =>
    expect(new Date(periodMidpoint(period("2023-04"))).toISOString()).toBe("2023-04-15T23:59:59.500Z"));
});
