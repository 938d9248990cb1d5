import { afterEach, describe, expect, it } from "vitest";
import type { CollectionEntry } from "astro:content";
import { glossaryTerms, inFileOrder, kpiEntry, siteData } from "../../src/lib/entries.ts";
import { contentRoot, sharePortal, shareReloader } from "../../src/lib/portal.ts";
import type { Portal } from "../../src/lib/content/model.ts";
import type { Kpi } from "../../src/schemas/index.ts";

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

describe("entries in the preview", () => {
  // A KPI's entry as Astro's store holds it, and the loader's portal after an officer saved a new figure.
  const stored = {
    id: "waits",
    collection: "kpis",
    filePath: "content/data/kpis/waits.json",
    data: { ref: "KPI 1", title: "Waits", series: [{ id: "all", values: [{ period: "2023-01", value: 40 }] }] },
  } as unknown as CollectionEntry<"kpis">;
  const edited = {
    ...stored.data,
    series: [{ id: "all", values: [{ period: "2023-01", value: 42 }] }],
  } as unknown as Kpi;
  const portal = { kpis: [{ slug: "waits", file: "data/kpis/waits.json", data: edited }] } as unknown as Portal;
  const figure = (kpi: Kpi) => kpi.series[0]!.values[0]!.value;

  afterEach(() => shareReloader(undefined));

  it("show a saved figure as soon as the loader has checked it, before Astro's store catches up", () => {
    sharePortal(contentRoot(), portal);
    shareReloader(() => {});
    const entry = kpiEntry(stored);
    expect(figure(entry.data)).toBe(42);
    expect(entry.file).toBe("content/data/kpis/waits.json");
  });

  it("are Astro's entries in a build, which has no preview", () => {
    sharePortal(contentRoot(), portal);
    expect(figure(kpiEntry(stored).data)).toBe(40);
  });

  it("give the glossary page a term as soon as the loader has checked it, and Astro's terms in a build", () => {
    const storedGlossary = {
      id: "glossary",
      collection: "glossary",
      data: { terms: [{ id: "send", term: "SEND", definition: "Old wording." }] },
    } as unknown as CollectionEntry<"glossary">;
    const saved = [{ id: "send", term: "SEND", definition: "New wording." }] as unknown as Portal["glossary"];
    sharePortal(contentRoot(), { ...portal, glossary: saved });
    expect(glossaryTerms(storedGlossary).map((t) => t.definition)).toEqual(["Old wording."]);
    shareReloader(() => {});
    expect(glossaryTerms(storedGlossary).map((t) => t.definition)).toEqual(["New wording."]);
    expect(glossaryTerms(undefined)).toBe(saved);
  });
});
