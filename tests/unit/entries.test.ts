import { describe, expect, it } from "vitest";
import { inFileOrder, siteData } from "../../src/lib/entries.ts";

describe("inFileOrder", () => {
  const entry = (slug: string) => ({ slug, file: `data/kpis/${slug}.json`, data: {} });

  it("lists entries as the loader reads their folder, where Astro's order by id would differ", () => {
    // By id, "panel" comes before "panel-2"; by file name, "panel-2.json" comes before "panel.json".
    const byId = [entry("a"), entry("panel"), entry("panel-2"), entry("z")];
    expect(inFileOrder(byId).map((e) => e.slug)).toEqual(["a", "panel-2", "panel", "z"]);
  });

  it("leaves the list it is given as it was", () => {
    const list = [entry("b"), entry("a")];
    inFileOrder(list);
    expect(list.map((e) => e.slug)).toEqual(["b", "a"]);
  });
});

describe("siteData", () => {
  it("says which file is missing when the site settings did not load", () =>
    expect(() => siteData(undefined)).toThrow("content/site.yml"));
});
