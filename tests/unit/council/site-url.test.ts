import { describe, expect, it } from "vitest";
import { ownedDomain, publicAddress, siteHref } from "../../../src/lib/site-url.ts";

describe("the public address", () => {
  it("is unknown when neither SITE_URL nor baseUrl gives one", () => {
    expect(publicAddress({ env: {} })).toEqual({ ok: true, url: undefined, from: "none" });
  });

  it("comes from baseUrl in the site settings, without a trailing slash", () => {
    expect(publicAddress({ env: {}, baseUrl: "https://send.example.gov.uk/" })).toEqual({
      ok: true,
      url: "https://send.example.gov.uk",
      from: "content/site.yml",
    });
  });

  it("comes from SITE_URL before the site settings", () => {
    expect(publicAddress({ env: { SITE_URL: "https://preview.example.org" }, baseUrl: "https://a.example" })).toEqual({
      ok: true,
      url: "https://preview.example.org",
      from: "SITE_URL",
    });
  });

  it("is never this computer", () => {
    expect(publicAddress({ env: {}, baseUrl: "http://localhost:4321" })).toEqual({
      ok: false,
      message:
        "content/site.yml baseUrl: http://localhost:4321 is this computer, not a public address; leave it out until the portal has its public address",
    });
    expect(publicAddress({ env: { SITE_URL: "http://127.0.0.1:8080" } }).ok).toBe(false);
  });

  it("refuses a SITE_URL that is not a web address", () => {
    expect(publicAddress({ env: { SITE_URL: "send.example.gov.uk" } })).toEqual({
      ok: false,
      message: 'SITE_URL: expected a web address such as https://send.example.gov.uk, got "send.example.gov.uk"',
    });
  });
});

describe("links and ids", () => {
  it("are absolute only when the public address is known", () => {
    expect(siteHref("/kpis/a/", "https://send.example.gov.uk")).toBe("https://send.example.gov.uk/kpis/a/");
    expect(siteHref("/kpis/a/", undefined)).toBe("/kpis/a/");
  });

  it("take their stable domain from the contact's web page, else its email address", () => {
    expect(ownedDomain({ contact: { url: "https://www.sefton.gov.uk/send", email: "a@b.org" } })).toBe(
      "www.sefton.gov.uk",
    );
    expect(ownedDomain({ contact: { email: "send@Northmoor.example" } })).toBe("northmoor.example");
  });
});
