import type { APIRoute } from "astro";
import { getPortal } from "../../../lib/portal.ts";
import { kpiRows } from "../../../lib/open-data.ts";

export function getStaticPaths() {
  return getPortal().kpis.map((kpi) => ({ params: { kpi: kpi.slug }, props: { kpi } }));
}

/** The indicator as published (its definition and every value) plus the tidy rows of the CSV. */
export const GET: APIRoute = ({ props }) => {
  const { slug, data } = props["kpi"];
  const { $schema: _schema, ...definition } = data;
  const { site } = getPortal();
  return new Response(JSON.stringify({ id: slug, licence: site.licence, ...definition, rows: kpiRows(props["kpi"]) }, null, 2), {
    headers: { "Content-Type": "application/json" },
  });
};
