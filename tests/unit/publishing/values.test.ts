import { describe, expect, it } from "vitest";
import { readKpiSources } from "../../../tools/officer/read.ts";
import {
  applyValueChanges,
  checkValues,
  normalisePeriod,
  revisedObservation,
  type ValueInput,
} from "../../../tools/officer/values.ts";
import { read, tempRoot } from "./helpers.ts";

const input = (fields: Partial<ValueInput>): ValueInput => ({
  kpi: "waits",
  series: "",
  period: "2020-01",
  value: "24",
  count: "",
  provisional: false,
  note: "",
  missing: "",
  revise: false,
  reason: "",
  ...fields,
});

function check(
  inputs: Partial<ValueInput>[],
  options: { allowRevise?: boolean; reason?: string; channel?: "csv" | "command" } = {},
) {
  const root = tempRoot();
  const { kpis, broken } = readKpiSources(root);
  const result = checkValues(inputs.map(input), kpis, {
    date: "2020-04-01",
    channel: options.channel ?? "command",
    broken,
    ...options,
  });
  return {
    root,
    ...result,
    messages: result.problems.map((p) => `${p.field}: ${p.message}${p.fix ? `. ${p.fix}` : ""}`),
  };
}

describe("checkValues refuses bad input, saying which field and how to fix it", () => {
  it("refuses an unknown KPI and suggests the nearest name", () => {
    expect(check([{ kpi: "wait" }]).messages).toEqual(['kpi: no KPI "wait". Did you mean "waits"?']);
  });
  it("refuses a series (cohort) the KPI does not have and lists those it has", () => {
    expect(check([{ kpi: "ehcp-timeliness", series: "ehcp", period: "2020-Q1" }]).messages).toEqual([
      'series: ehcp-timeliness has no series "ehcp". ehcp-timeliness has: all (All new plans, quarterly), under-5 (Children under 5, quarterly)',
    ]);
  });
  it("asks which series when a KPI has several and none is named", () => {
    expect(check([{ kpi: "ehcp-timeliness", period: "2020-Q1" }]).messages).toEqual([
      "series: is blank, but ehcp-timeliness has 2 series. Say which with --series: all (All new plans, quarterly), under-5 (Children under 5, quarterly)",
    ]);
  });
  it("refuses a period that is not a period", () => {
    expect(check([{ period: "2020-13" }]).messages).toEqual([
      'period: "2020-13" is not a period. Write a month such as 2024-03',
    ]);
  });
  it("says when a spreadsheet has turned the period into a date", () => {
    expect(check([{ period: "Jan-20" }]).messages).toEqual([
      'period: "Jan-20" is not a period. The spreadsheet may have turned it into a date: format the period column as Text and type the period again',
    ]);
  });
  it("refuses a period the KPI's frequency cannot have", () => {
    expect(check([{ period: "2020-Q1" }]).messages).toEqual([
      'period: 2020-Q1 is a quarter, but series "all" of waits is measured monthly (a month). Write a month such as 2024-03',
    ]);
  });
  it("accepts a period typed in lower case", () => {
    expect(normalisePeriod("fy2023/24-q3")).toBe("FY2023/24-Q3");
    expect(check([{ kpi: "ehcp-timeliness", series: "all", period: "2020-q1" }]).changes[0]?.period).toBe("2020-Q1");
  });
  it("accepts a four-month period typed in lower case", () => {
    expect(normalisePeriod("2023-t2")).toBe("2023-T2");
    expect(normalisePeriod("fy2023/24-t3")).toBe("FY2023/24-T3");
  });
  it("names a four-month period in the message about a monthly series", () => {
    expect(check([{ period: "FY2023/24-T1" }]).messages).toEqual([
      'period: FY2023/24-T1 is a financial-year four-month period, but series "all" of waits is measured monthly (a month). Write a month such as 2024-03',
    ]);
  });
  it("refuses a value that is not a number", () => {
    expect(check([{ value: "twenty" }]).messages).toEqual([
      'value: expected a number; got "twenty". Write a number such as 42, 42.5, 1,234 or 45%',
    ]);
  });
  it("refuses a blank value without a reason, never reading it as zero", () => {
    expect(check([{ value: "" }]).messages).toEqual([
      'value: is blank and no reason is given. Give the figure, or say why there is none with --missing "reason"',
    ]);
  });
  it("records a blank value with a reason as missing", () => {
    expect(check([{ value: "", missing: "Tracker not in place" }]).changes[0]).toMatchObject({
      value: null,
      missing: "Tracker not in place",
    });
  });
  it("refuses a value and a missing reason together", () => {
    expect(check([{ value: "24", missing: "Not collected" }]).messages).toEqual([
      "missing: gives a reason for a missing figure, but there is a figure. Clear one of them",
    ]);
  });
  it("refuses a period given twice, naming the first line", () => {
    expect(check([{ line: 2 }, { line: 5, value: "23" }], { channel: "csv" }).messages).toEqual([
      'period: 2020-01 for waits, series "all", appears twice: line 2 has it too. Keep one row per KPI, series and period',
    ]);
  });
  it("refuses a period already published unless it is marked as a correction", () => {
    expect(check([{ period: "2019-12", value: "26" }]).messages).toEqual([
      'period: waits already has a published value for 2019-12 in series "all": 27 (provisional). To correct it, run the command again with --revise --reason "why it changed"',
    ]);
  });
  it("treats a period published as missing as published too", () => {
    expect(check([{ period: "2019-11", value: "28" }]).messages).toEqual([
      'period: waits already has a published value for 2019-11 in series "all": no figure ("Tracker not in place"). To correct it, run the command again with --revise --reason "why it changed"',
    ]);
  });
  it("refuses a correction without a reason", () => {
    expect(check([{ period: "2019-12", value: "26", revise: true }]).messages).toEqual([
      'reason: a correction needs a reason. Add --reason "why it changed"; readers see it beside the corrected figure',
    ]);
  });
  it("refuses a correction of a period never published", () => {
    expect(check([{ period: "2020-01", revise: true, reason: "Typo" }]).messages).toEqual([
      'period: waits has no published value for 2020-01 in series "all" to correct. Check the period, or leave out --revise to add a new value',
    ]);
  });
  it("refuses a correction that changes nothing", () => {
    expect(check([{ period: "2019-10", value: "29", revise: true, reason: "Checked" }]).messages).toEqual([
      "value: is the same as the published value for 2019-10 (29), so there is nothing to correct. Leave it out, or check the figure",
    ]);
  });
  it("reports every bad input, not just the first", () => {
    expect(
      check([{ kpi: "nope" }, { period: "2020-13" }, { value: "x", period: "2020-02" }]).problems.map((p) => p.index),
    ).toEqual([0, 1, 2]);
  });
  it("returns no changes when any input is bad", () => {
    expect(check([{ period: "2020-02" }, { value: "x", period: "2020-03" }]).changes).toEqual([]);
  });
});

describe("checkValues with CSV rows", () => {
  it("passes over a row that repeats a published value exactly", () => {
    const r = check(
      [
        { period: "2019-10", value: "29", line: 2 },
        { period: "2020-01", line: 3 },
      ],
      { channel: "csv" },
    );
    expect([r.unchanged, r.changes.map((c) => c.period)]).toEqual([[0], ["2020-01"]]);
  });
  it("treats rows for published periods as corrections with import --revise, using its reason", () => {
    const r = check([{ period: "2019-12", value: "26" }, { period: "2020-01" }], {
      channel: "csv",
      allowRevise: true,
      reason: "Validated",
    });
    expect(r.changes.map((c) => [c.period, c.revision?.reason])).toEqual([
      ["2019-12", "Validated"],
      ["2020-01", undefined],
    ]);
  });
});

describe("applyValueChanges", () => {
  const apply = (inputs: Partial<ValueInput>[], file = "data/kpis/waits.json") => {
    const r = check(inputs);
    expect(r.messages).toEqual([]);
    return { before: read(r.root, file), after: applyValueChanges(read(r.root, file), r.changes) };
  };

  it("puts a new value in period order and changes no other line", () => {
    const { before, after } = apply([{ period: "2019-09", value: "31" }]);
    expect(after).toBe(
      before.replace(
        '        { "period": "2019-10"',
        '        { "period": "2019-09", "value": 31 },\n        { "period": "2019-10"',
      ),
    );
  });
  it("keeps a byte order mark and Windows line endings that an editor saved", () => {
    const r = check([{ period: "2020-01" }]);
    const text = `\uFEFF${read(r.root, "data/kpis/waits.json").replace(/\n/g, "\r\n")}`;
    expect(applyValueChanges(text, r.changes)).toBe(
      `\uFEFF${applyValueChanges(read(r.root, "data/kpis/waits.json"), r.changes).replace(/\n/g, "\r\n")}`,
    );
  });
  it("writes count, missing, provisional and note in the schema's order", () => {
    const { after } = apply(
      [
        {
          kpi: "ehcp-timeliness",
          series: "all",
          period: "2020-Q1",
          value: "61.5%",
          count: "1,021",
          provisional: true,
          note: "Unvalidated",
        },
      ],
      "data/kpis/ehcp-timeliness.json",
    );
    expect(after).toContain(`        {
          "period": "2020-Q1",
          "value": 61.5,
          "count": 1021,
          "provisional": true,
          "note": "Unvalidated"
        }
      ]`);
  });
  it("records a correction: the old value, the date and the reason go onto revisions", () => {
    const { after } = apply([{ period: "2019-12", value: "26", revise: true, reason: "Validated figure" }]);
    expect(JSON.parse(after).series[0].values[2]).toEqual({
      period: "2019-12",
      value: 26,
      revisions: [{ value: 27, revised: "2020-04-01", reason: "Validated figure" }],
    });
  });
  it("records filling in a missing value as a correction of null", () => {
    const { after } = apply([{ period: "2019-11", value: "28", revise: true, reason: "Tracker now in place" }]);
    expect(JSON.parse(after).series[0].values[1]).toEqual({
      period: "2019-11",
      value: 28,
      revisions: [{ value: null, revised: "2020-04-01", reason: "Tracker now in place" }],
    });
  });
});

describe("revisedObservation", () => {
  const change = {
    kpi: "k",
    file: "f",
    seriesIndex: 0,
    series: "all",
    period: "2019-12",
    value: 25,
    provisional: false,
  };
  it("appends to an existing revision trail, oldest first", () => {
    const old = {
      period: "2019-12",
      value: 26,
      revisions: [{ value: 27, revised: "2020-02-01", reason: "Validated" }],
    };
    expect(
      revisedObservation(old, {
        ...change,
        revision: { previous: { period: "2019-12", value: 26 }, reason: "Audit", date: "2020-05-01" },
      })["revisions"],
    ).toEqual([
      { value: 27, revised: "2020-02-01", reason: "Validated" },
      { value: 26, revised: "2020-05-01", reason: "Audit" },
    ]);
  });
  it("keeps the order of the existing fields and adds revisions after those the schema puts before it", () => {
    const old = { note: "Printed in the table", period: "2019-12", value: 27, asAt: "2019-12-15" };
    expect(
      Object.keys(
        revisedObservation(old, {
          ...change,
          revision: { previous: { period: "2019-12", value: 27 }, reason: "r", date: "2020-01-02" },
        }),
      ),
    ).toEqual(["note", "period", "value", "asAt", "revisions"]);
  });
  it("adds revisions between the value and the note", () => {
    const old = { period: "2019-12", value: 27, note: "Printed in the table" };
    expect(
      Object.keys(
        revisedObservation(old, {
          ...change,
          revision: { previous: { period: "2019-12", value: 27 }, reason: "r", date: "2020-01-02" },
        }),
      ),
    ).toEqual(["period", "value", "revisions", "note"]);
  });
  it("drops the provisional flag unless the corrected figure is provisional too", () => {
    const old = { period: "2019-12", value: 27, provisional: true };
    expect(
      revisedObservation(old, {
        ...change,
        revision: { previous: { period: "2019-12", value: 27 }, reason: "r", date: "2020-01-02" },
      }),
    ).not.toHaveProperty("provisional");
  });
});
