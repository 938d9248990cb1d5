import { describe, expect, it } from "vitest";
import { resolveToday } from "../../src/lib/today.ts";

const now = new Date("2024-03-31T23:30:00Z");

describe("resolveToday", () => {
  it("takes PORTAL_TODAY when it is set", () =>
    expect(resolveToday({ PORTAL_TODAY: "2023-10-01" }, now)).toEqual({ date: "2023-10-01", source: "PORTAL_TODAY" }));

  it("takes the build's day in UTC when PORTAL_TODAY is not set", () =>
    expect(resolveToday({}, now)).toEqual({ date: "2024-03-31", source: "the build date (UTC)" }));

  it("takes the build's day when PORTAL_TODAY is empty", () =>
    expect(resolveToday({ PORTAL_TODAY: "" }, now).date).toBe("2024-03-31"));

  it.each(["2023-10", "2023-02-30", " 2023-10-01", "1 October 2023"])("refuses PORTAL_TODAY=%j", (given) =>
    expect(() => resolveToday({ PORTAL_TODAY: given }, now)).toThrow(
      `PORTAL_TODAY must be a date written YYYY-MM-DD, such as 2024-03-31; got ${JSON.stringify(given)}`,
    ),
  );
});
