import type { APIRoute } from "astro";
import { getCollection, getEntry, type CollectionEntry } from "astro:content";
import { kpiEntry, siteData } from "../../../lib/entries.ts";
import { kpiRows } from "../../../lib/open-data.ts";

export async function getStaticPaths() {
  const kpis = await getCollection("kpis");
  return kpis.map((kpi) => ({ params: { kpi: kpi.id }, props: { kpi } }));
}

interface Props {
  kpi: CollectionEntry<"kpis">;
}

/** The indicator as published (its definition and every value) plus the tidy rows of the CSV. */
export const GET: APIRoute<Props> = async ({ props }) => {
  const entry = kpiEntry(props.kpi);
  const { $schema: _schema, ...definition } = entry.data;
  const { licence } = siteData(await getEntry("site", "site"));
  return new Response(JSON.stringify({ id: entry.slug, licence, ...definition, rows: kpiRows(entry) }, null, 2), {
    headers: { "Content-Type": "application/json" },
  });
};
