import type { APIRoute } from "astro";
import { getPortal } from "../../../lib/portal.ts";
import { kpiRows, toCsv } from "../../../lib/open-data.ts";

export function getStaticPaths() {
  return getPortal().kpis.map((kpi) => ({ params: { kpi: kpi.slug }, props: { kpi } }));
}

export const GET: APIRoute = ({ props }) =>
  new Response(toCsv(kpiRows(props["kpi"])), { headers: { "Content-Type": "text/csv; charset=utf-8" } });
