/**
 * One measure, one history: indicators that measure the same thing across plans (a 2019 KPI, its
 * 2020 replacement, the 2023 figure) are linked by `continues` and read as one history, newest first.
 */
import type { Entry } from "./content/model.ts";
import type { Kpi } from "../schemas/index.ts";

interface Links {
  readonly bySlug: ReadonlyMap<string, Entry<Kpi>>;
  /** Each indicator's neighbours in its history, both ways. */
  readonly linked: ReadonlyMap<string, ReadonlySet<string>>;
}

const graphs = new WeakMap<readonly Entry<Kpi>[], Links>();

/** The `continues` links of a set of indicators, built once per set (every page asks about every indicator). */
function linksOf(kpis: readonly Entry<Kpi>[]): Links {
  const known = graphs.get(kpis);
  if (known) return known;
  const bySlug = new Map(kpis.map((k) => [k.slug, k]));
  const linked = new Map<string, Set<string>>();
  const link = (a: string, b: string) => linked.set(a, (linked.get(a) ?? new Set()).add(b));
  for (const k of kpis)
    if (k.data.continues && bySlug.has(k.data.continues)) {
      link(k.slug, k.data.continues);
      link(k.data.continues, k.slug);
    }
  const links = { bySlug, linked };
  graphs.set(kpis, links);
  return links;
}

/** Every indicator in the same measure's history as `slug`, newest first (the one that continues the others leads). */
export function measureHistory(kpis: readonly Entry<Kpi>[], slug: string): Entry<Kpi>[] {
  const { bySlug, linked } = linksOf(kpis);
  const seen = new Set([slug]);
  const queue = [slug];
  for (let s = queue.shift(); s !== undefined; s = queue.shift())
    for (const next of linked.get(s) ?? [])
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
  const generation = (k: Entry<Kpi>): number => {
    let n = 0;
    for (let c = k.data.continues; c && n < kpis.length; c = bySlug.get(c)?.data.continues) n++;
    return n;
  };
  return [...seen]
    .flatMap((s) => (bySlug.has(s) ? [bySlug.get(s)!] : []))
    .sort((a, b) => generation(b) - generation(a) || a.slug.localeCompare(b.slug));
}

/** The newest indicator of a measure, when it is not this one: where "the latest figures" now live. */
export function newerMeasure(kpis: readonly Entry<Kpi>[], slug: string): Entry<Kpi> | undefined {
  const newest = measureHistory(kpis, slug)[0];
  return newest && newest.slug !== slug ? newest : undefined;
}
