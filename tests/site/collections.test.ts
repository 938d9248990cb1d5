/**
 * Every kind of content reaches the pages through Astro's content layer (src/content.config.ts):
 * the entries the build's content store holds are exactly what the built site publishes, kind by
 * kind, and each entry carries the digest that lets the next build skip its unchanged file.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { contentStoreDir } from "../../src/lib/content-root.ts";
import { builtSite, root } from "./built-site.ts";

/** The build's content store, for this repository's own content. */
const STORE = join(contentStoreDir(root, root.replace(/\/$/, "")), "data-store.json");

type Entry = { id: string; data: Record<string, unknown>; digest?: string };

/**
 * Reads devalue's flattened form, which Astro writes the store in: a list of values whose
 * containers hold the indices of their members; a list starting with a name is a typed value.
 */
function unflatten(text: string): unknown {
  const values = JSON.parse(text) as unknown[];
  const done = new Map<number, unknown>();
  const SPECIAL: Record<number, unknown> = {
    [-1]: undefined,
    [-2]: undefined,
    [-3]: NaN,
    [-4]: Infinity,
    [-5]: -Infinity,
    [-6]: -0,
  };
  const at = (i: number): unknown => {
    if (i < 0) return SPECIAL[i];
    if (done.has(i)) return done.get(i);
    const v = values[i];
    if (Array.isArray(v)) {
      if (typeof v[0] === "string") {
        if (v[0] !== "Map") throw new Error(`a ${v[0]} in the store: extend unflatten`);
        const map = new Map<unknown, unknown>();
        done.set(i, map);
        for (let k = 1; k < v.length; k += 2) map.set(at(v[k] as number), at(v[k + 1] as number));
        return map;
      }
      const list: unknown[] = [];
      done.set(i, list);
      for (const k of v as number[]) list.push(at(k));
      return list;
    }
    if (v !== null && typeof v === "object") {
      const object: Record<string, unknown> = {};
      done.set(i, object);
      for (const [key, k] of Object.entries(v)) object[key] = at(k as number);
      return object;
    }
    return v;
  };
  return at(0);
}

const dirs = (path: string): string[] =>
  existsSync(path)
    ? readdirSync(path, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
    : [];

describe("the content collections", () => {
  let dist: string;
  let store: Map<string, Map<string, Entry>>;
  const entries = (collection: string): Entry[] => [...(store.get(collection)?.values() ?? [])];
  const ids = (collection: string): string[] =>
    entries(collection)
      .map((e) => e.id)
      .sort();

  beforeAll(() => {
    dist = builtSite();
    store = unflatten(readFileSync(STORE, "utf8")) as Map<string, Map<string, Entry>>;
  });

  it("hold one entry per page of each kind the site publishes", () => {
    expect(ids("kpis")).toEqual(dirs(join(dist, "kpis")).sort());
    expect(ids("plans")).toEqual(dirs(join(dist, "plans")).sort());
    expect(ids("actions")).toEqual(
      dirs(join(dist, "plans"))
        .flatMap((plan) => dirs(join(dist, "plans", plan, "actions")).map((action) => `${plan}/${action}`))
        .sort(),
    );
    expect(ids("meetings")).toEqual(dirs(join(dist, "meetings")).sort());
    // /decisions/{year}/ is a page of the log, not a decision: a decision id is never a bare year.
    expect(ids("decisions")).toEqual(
      dirs(join(dist, "decisions"))
        .filter((d) => !/^\d{4}$/.test(d))
        .sort(),
    );
    expect(ids("committees")).toEqual(
      readdirSync(join(dist, "calendars"))
        .map((f) => f.replace(/\.ics$/, ""))
        .sort(),
    );
    // Drafts are entries too, shown only in the preview.
    const published = entries("reportVersions").filter((e) => e.data["status"] !== "draft");
    expect(published.map((e) => e.id).sort()).toEqual(
      dirs(join(dist, "reports"))
        .flatMap((report) => dirs(join(dist, "reports", report)).map((v) => `${report}/${v}`))
        .sort(),
    );
  });

  it("hold the site settings and every glossary term the pages show", () => {
    const [site] = entries("site");
    expect(readFileSync(join(dist, "index.html"), "utf8")).toContain(String(site?.data["title"]));
    const [glossary] = entries("glossary");
    const terms = glossary?.data["terms"] as { term: string }[];
    const page = readFileSync(join(dist, "glossary/index.html"), "utf8");
    expect(page.match(/<dfn>/g)?.length).toBe(terms.length);
  });

  it("link an action to its plan and a decision to its meeting with references", () => {
    for (const action of entries("actions")) expect(ids("plans")).toContain((action.data["plan"] as { id: string }).id);
    for (const decision of entries("decisions"))
      expect(ids("meetings")).toContain((decision.data["meeting"] as { id: string }).id);
  });

  it("give every entry a digest, so an unchanged file is not read again", () => {
    const names = [...store.keys()].filter((name) => !name.startsWith("meta::")); // Astro's own bookkeeping
    expect(names.sort()).toEqual([
      "actions",
      "committees",
      "decisions",
      "glossary",
      "kpis",
      "meetings",
      "plans",
      "reportVersions",
      "site",
    ]);
    for (const name of names)
      for (const entry of entries(name)) expect(entry.digest, `${name}/${entry.id}`).toBeTruthy();
  });
});
