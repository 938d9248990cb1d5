import type { APIRoute } from "astro";
import { getCollection } from "astro:content";
import { inFileOrder, kpiEntry } from "../../lib/entries.ts";
import { kpisCsv } from "../../lib/open-data.ts";

/** Every series of every indicator in one file. */
export const GET: APIRoute = async () => {
  const kpis = inFileOrder((await getCollection("kpis")).map(kpiEntry));
  return new Response(kpisCsv(kpis), { headers: { "Content-Type": "text/csv; charset=utf-8" } });
};
