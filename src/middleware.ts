/**
 * Cuts each page's Content-Security-Policy to the hashes of that page's own inline scripts and
 * styles (see `src/lib/page-csp.ts`) as the page is rendered, so the build writes every page once
 * instead of reading all of them back afterwards to rewrite them.
 */
import { defineMiddleware } from "astro:middleware";
import { trimPolicyHashes } from "./lib/page-csp.ts";

export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!response.headers.get("content-type")?.startsWith("text/html")) return response;
  const html = await response.text();
  return new Response(trimPolicyHashes(html), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
});
