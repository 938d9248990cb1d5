import type { APIRoute } from "astro";
import { getCollection, getEntry } from "astro:content";
import { inFileOrder, kpiEntry, siteData } from "../../lib/entries.ts";
import { dataPackage } from "../../lib/open-data.ts";

/** Frictionless Data Package metadata describing every download, for tools that read datasets. */
export const GET: APIRoute = async ({ site }) => {
  const content = {
    site: siteData(await getEntry("site", "site")),
    kpis: inFileOrder((await getCollection("kpis")).map(kpiEntry)),
  };
  return new Response(`${JSON.stringify(dataPackage(content, site?.href), null, 2)}\n`, {
    headers: { "Content-Type": "application/json" },
  });
};
