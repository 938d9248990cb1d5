import type { APIRoute } from "astro";
import { getPortal } from "../../lib/portal.ts";
import { kpiRows, toCsv } from "../../lib/open-data.ts";

/** Every series of every indicator in one file. */
export const GET: APIRoute = () =>
  new Response(toCsv(getPortal().kpis.flatMap(kpiRows)), { headers: { "Content-Type": "text/csv; charset=utf-8" } });
