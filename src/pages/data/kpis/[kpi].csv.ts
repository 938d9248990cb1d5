import type { APIRoute } from "astro";
import { getCollection, type CollectionEntry } from "astro:content";
import { kpiEntry } from "../../../lib/entries.ts";
import { kpiCsv } from "../../../lib/open-data.ts";

export async function getStaticPaths() {
  const kpis = await getCollection("kpis");
  return kpis.map((kpi) => ({ params: { kpi: kpi.id }, props: { kpi } }));
}

interface Props {
  kpi: CollectionEntry<"kpis">;
}

export const GET: APIRoute<Props> = ({ props }) =>
  new Response(kpiCsv(kpiEntry(props.kpi)), { headers: { "Content-Type": "text/csv; charset=utf-8" } });
