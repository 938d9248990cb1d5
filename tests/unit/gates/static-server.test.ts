import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseHeadersFile, serveDir } from "../../../tools/gates/static-server.ts";
import { fixture } from "../../helpers/gate-fixture.ts";

describe("parseHeadersFile", () => {
  it("reads path patterns and the indented headers under each", () => {
    const rules = parseHeadersFile("# comment\n/*\n  X-Frame-Options: DENY\n/kpis/:kpi/\n  Cache-Control: no-cache\n");
    expect(rules.map((r) => r.headers)).toEqual([[["X-Frame-Options", "DENY"]], [["Cache-Control", "no-cache"]]]);
    expect(["/", "/kpis/a/", "/kpis/a/b/"].map((path) => rules.filter((r) => r.pattern.test(path)).length)).toEqual([
      1, 2, 1,
    ]);
  });
});

describe("the test server", () => {
  let server: Awaited<ReturnType<typeof serveDir>>;
  beforeAll(async () => {
    server = await serveDir(fixture("good"));
  });
  afterAll(() => server.close());

  it("serves a folder's index.html with the site's _headers", async () => {
    const res = await fetch(`${server.origin}/kpis/kpi-1/`);
    expect([res.status, res.headers.get("content-type"), res.headers.get("content-security-policy")]).toEqual([
      200,
      "text/html; charset=utf-8",
      "default-src 'self'; frame-ancestors 'none'",
    ]);
  });

  it("redirects a folder address without its trailing slash, as static hosts do", async () => {
    const res = await fetch(`${server.origin}/kpis/kpi-1`, { redirect: "manual" });
    expect([res.status, res.headers.get("location")]).toEqual([301, "/kpis/kpi-1/"]);
  });

  it("answers 404 for a missing file and refuses to leave the site folder", async () => {
    expect((await fetch(`${server.origin}/nope/`)).status).toBe(404);
    expect((await fetch(`${server.origin}/..%2f..%2fpackage.json`)).status).toBe(403);
  });
});
