import { describe, expect, it } from "vitest";
import {
  insertItem,
  jsonStyle,
  nodeAt,
  parseJsonText,
  replaceNode,
  type JsonArray,
} from "../../../tools/officer/json-text.ts";

const valuesOf = (text: string) => nodeAt(parseJsonText(text), ["series", 0, "values"]) as JsonArray;
const insert = (text: string, index: number, value: unknown) =>
  insertItem(text, valuesOf(text), index, value, jsonStyle(text));

const ONE_PER_LINE = `{
  "series": [
    {
      "values": [
        { "period": "2019-10", "value": 29 },
        { "period": "2019-12", "value": 27 }
      ]
    }
  ]
}
`;

const EXPANDED = `{
  "series": [
    {
      "values": [
        {
          "period": "2019-10",
          "value": 29
        }
      ]
    }
  ]
}
`;

describe("parseJsonText", () => {
  it("records where each value starts and ends", () => {
    const text = '{"a": [1, {"b": "x\\"y"}], "c": null}';
    const b = nodeAt(parseJsonText(text), ["a", 1, "b"])!;
    expect(text.slice(b.start, b.end)).toBe('"x\\"y"');
    const c = nodeAt(parseJsonText(text), ["c"])!;
    expect(text.slice(c.start, c.end)).toBe("null");
  });
});

describe("jsonStyle", () => {
  it("finds a four-space indent and Windows line endings", () => {
    expect(jsonStyle('{\r\n    "a": 1\r\n}\r\n')).toEqual({ indent: "    ", newline: "\r\n" });
  });
  it("assumes two spaces for a file on one line", () => {
    expect(jsonStyle('{"a": 1}')).toEqual({ indent: "  ", newline: "\n" });
  });
});

describe("insertItem", () => {
  it("writes a new value on one line when the others are one per line", () => {
    expect(insert(ONE_PER_LINE, 1, { period: "2019-11", value: 28 })).toBe(
      ONE_PER_LINE.replace('"value": 29 },\n', '"value": 29 },\n        { "period": "2019-11", "value": 28 },\n'),
    );
  });
  it("appends after the last value", () => {
    expect(insert(ONE_PER_LINE, 2, { period: "2020-01", value: 26 })).toBe(
      ONE_PER_LINE.replace('"value": 27 }\n', '"value": 27 },\n        { "period": "2020-01", "value": 26 }\n'),
    );
  });
  it("inserts before the first value", () => {
    expect(insert(ONE_PER_LINE, 0, { period: "2019-09", value: 30 })).toBe(
      ONE_PER_LINE.replace(
        '        { "period": "2019-10"',
        '        { "period": "2019-09", "value": 30 },\n        { "period": "2019-10"',
      ),
    );
  });
  it("writes a new value over several lines when the others are", () => {
    expect(insert(EXPANDED, 1, { period: "2019-11", value: 28 })).toBe(`{
  "series": [
    {
      "values": [
        {
          "period": "2019-10",
          "value": 29
        },
        {
          "period": "2019-11",
          "value": 28
        }
      ]
    }
  ]
}
`);
  });
  it("opens an empty list onto its own lines", () => {
    const empty = '{\n  "series": [\n    {\n      "values": []\n    }\n  ]\n}\n';
    expect(insert(empty, 0, { period: "2020-01", value: 1 })).toBe(
      '{\n  "series": [\n    {\n      "values": [\n        {\n          "period": "2020-01",\n          "value": 1\n        }\n      ]\n    }\n  ]\n}\n',
    );
  });
  it("keeps Windows line endings", () => {
    const crlf = EXPANDED.replace(/\n/g, "\r\n");
    const out = insert(crlf, 1, { period: "2019-11", value: 28 });
    expect(out.replace(/\r\n/g, "")).not.toContain("\n");
    expect(out).toBe(insert(EXPANDED, 1, { period: "2019-11", value: 28 }).replace(/\n/g, "\r\n"));
  });
});

describe("replaceNode", () => {
  it("rewrites one value in its own layout and leaves every other byte alone", () => {
    const second = valuesOf(ONE_PER_LINE).items[1]!;
    const out = replaceNode(
      ONE_PER_LINE,
      second,
      { period: "2019-12", value: 26, revisions: [{ value: 27, revised: "2020-02-01", reason: "Validated" }] },
      jsonStyle(ONE_PER_LINE),
    );
    expect(out).toBe(
      ONE_PER_LINE.replace(
        '{ "period": "2019-12", "value": 27 }',
        '{ "period": "2019-12", "value": 26, "revisions": [{ "value": 27, "revised": "2020-02-01", "reason": "Validated" }] }',
      ),
    );
  });
});
