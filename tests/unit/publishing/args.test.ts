import { describe, expect, it } from "vitest";
import { parseArgs } from "../../../tools/officer/args.ts";

const SPEC = { note: "string", provisional: "boolean" } as const;

describe("parseArgs", () => {
  it("separates names, flags and options with values", () => {
    const r = parseArgs(["waits", "2020-01", "26", "--provisional", "--note", "Early figure"], SPEC);
    expect(r).toEqual({
      ok: true,
      positionals: ["waits", "2020-01", "26"],
      strings: { note: "Early figure" },
      flags: new Set(["provisional"]),
      help: false,
    });
  });
  it("reads a negative figure as a value, not an option", () => {
    expect(parseArgs(["change", "2020-01", "-3"], SPEC)).toMatchObject({
      ok: true,
      positionals: ["change", "2020-01", "-3"],
    });
  });
  it("reads --name=value", () => {
    expect(parseArgs(["--note=Early, unvalidated"], SPEC)).toMatchObject({
      ok: true,
      strings: { note: "Early, unvalidated" },
    });
  });
  it("understands --help and -h", () => {
    expect([parseArgs(["--help"], SPEC), parseArgs(["-h"], SPEC)]).toMatchObject([
      { ok: true, help: true },
      { ok: true, help: true },
    ]);
  });
  it("names the options when given one it does not know", () => {
    expect(parseArgs(["--provisonal"], SPEC)).toEqual({
      ok: false,
      message: "unknown option --provisonal. The options are --note, --provisional",
    });
  });
  it("refuses an option that needs a value but has none", () => {
    expect(parseArgs(["--note"], SPEC)).toEqual({
      ok: false,
      message: '--note needs a value after it, e.g. --note "…"',
    });
  });
  it("refuses a value given to a flag", () => {
    expect(parseArgs(["--provisional=yes"], SPEC)).toEqual({
      ok: false,
      message: "--provisional takes no value: write just --provisional",
    });
  });
});
