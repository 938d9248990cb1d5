import { describe, expect, it } from "vitest";
import { parseFigure, parseYesNo } from "../../../tools/officer/figures.ts";
import { nearest } from "../../../src/lib/nearest.ts";
import type { Unit } from "../../../src/schemas/index.ts";

const value = (raw: string, unit?: Unit) => {
  const r = parseFigure(raw, { unit });
  return r.ok ? r.value : r.message;
};

describe("parseFigure", () => {
  it("reads a whole number and a decimal", () => {
    expect([value("42"), value("42.5"), value(" 0.5 "), value(".5")]).toEqual([42, 42.5, 0.5, 0.5]);
  });
  it("reads a percentage sign on a percentage KPI", () => {
    expect([value("45%", "percent"), value("45.20 %", "percent")]).toEqual([45, 45.2]);
  });
  it("refuses a percentage sign on a KPI measured in weeks", () => {
    expect(value("45%", "weeks")).toBe('"45%" has a % sign, but this KPI is measured in weeks');
  });
  it("reads thousands separators in groups of three", () => {
    expect([value("1,234"), value("12,345,678.5"), value("-1,234")]).toEqual([1234, 12345678.5, -1234]);
  });
  it("refuses a decimal comma and suggests a full stop", () => {
    expect(parseFigure("12,5")).toEqual({
      ok: false,
      message: 'expected a number; got "12,5"',
      fix: "Use a full stop for decimals: 12.5",
    });
  });
  it("reads pounds on a money KPI", () => {
    expect(value("£1,234.50", "gbp")).toBe(1234.5);
  });
  it("reads a typographic minus sign", () => {
    expect(value("\u22123")).toBe(-3);
  });
  it("names a spreadsheet error as one", () => {
    expect(value("#DIV/0!")).toBe('"#DIV/0!" is a spreadsheet error, not a figure');
  });
  it("refuses words", () => {
    expect(value("n/a")).toBe('expected a number; got "n/a"');
  });
  it("refuses a fraction where a whole count is needed", () => {
    expect(parseFigure("12.5", { whole: true })).toMatchObject({
      ok: false,
      message: 'expected a whole number of 0 or more; got "12.5"',
    });
  });
});

describe("parseYesNo", () => {
  it("reads yes, blank and no in the ways spreadsheets write them", () => {
    expect(["yes", "Y", "TRUE", "1", "x", "", "no", "FALSE", "0"].map(parseYesNo)).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });
  it("gives undefined for anything else", () => {
    expect(parseYesNo("maybe")).toBeUndefined();
  });
});

describe("nearest", () => {
  it("suggests a close spelling", () => {
    expect(nearest("kpi-1-2b", ["kpi-1-2a", "kpi-3-1"])).toBe("kpi-1-2a");
  });
  it("suggests nothing when nothing is close", () => {
    expect(nearest("absence", ["kpi-1-2a", "kpi-3-1"])).toBeUndefined();
  });
});
