import type { APIRoute } from "astro";
import { getPortal } from "../../lib/portal.ts";
import { dataPackage } from "../../lib/open-data.ts";

/** Frictionless Data Package metadata describing every download, for tools that read datasets. */
export const GET: APIRoute = ({ site }) =>
  new Response(`${JSON.stringify(dataPackage(getPortal(), site?.href), null, 2)}\n`, {
    headers: { "Content-Type": "application/json" },
  });
