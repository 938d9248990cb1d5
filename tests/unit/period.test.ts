import { describe, expect, it } from "vitest";
import { comparePeriods, fitsFrequency, labelPeriod, parsePeriod, period } from "../../src/lib/period.ts";

describe("parsePeriod", () => {
  it.each([
    ["2023-10-19", "date", "2023-10-19", "2023-10-19", "19 October 2023"],
    ["2019-12", "month", "2019-12-01", "2019-12-31", "December 2019"],
    ["2019-Q1", "quarter", "2019-01-01", "2019-03-31", "January to March 2019"],
    ["FY2023/24-Q3", "fquarter", "2023-10-01", "2023-12-31", "Q3 2023/24 (October to December 2023)"],
    ["FY2023/24-Q4", "fquarter", "2024-01-01", "2024-03-31", "Q4 2023/24 (January to March 2024)"],
    ["2019-H2", "half", "2019-07-01", "2019-12-31", "July to December 2019"],
    ["2019", "year", "2019-01-01", "2019-12-31", "2019"],
    ["FY2023/24", "fyear", "2023-04-01", "2024-03-31", "2023/24 financial year"],
    ["AY2019/20", "ayear", "2019-09-01", "2020-08-31", "2019/20 academic year"],
    ["AY2022/23-spring", "term", "2023-01-01", "2023-03-31", "Spring term 2022/23"],
    ["AY2022/23-spring-2", "halfterm", "2023-03-01", "2023-03-31", "Spring 2nd half term 2022/23"],
    ["AY2023/24-autumn-1", "halfterm", "2023-09-01", "2023-10-31", "Autumn 1st half term 2023/24"],
  ])("reads %s as a %s from %s to %s labelled %s", (text, kind, start, end, label) => {
    const p = parsePeriod(text)!;
    expect(p).toEqual({ key: text, kind, start, end });
    expect(labelPeriod(p)).toBe(label);
  });

  it.each([
    "2019-13",
    "2023-02-30",
    "FY2023/25",
    "AY2019/2020",
    "2019-Q5",
    "Q1 2019",
    "AY2022/23-winter",
    "2019/20",
    "",
  ])("refuses %j", (text) => expect(parsePeriod(text)).toBeUndefined());
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
});

describe("fitsFrequency", () => {
  it("accepts a financial quarter in a quarterly series", () =>
    expect(fitsFrequency(period("FY2023/24-Q3"), "quarterly")).toBe(true));
  it("refuses a month in an academic-year series", () =>
    expect(fitsFrequency(period("2019-12"), "academic-year")).toBe(false));
});
