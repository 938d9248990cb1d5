import type { APIRoute } from "astro";
import { SCHEMA_FILES, jsonSchemaText } from "../../lib/json-schema.ts";

export function getStaticPaths() {
  return SCHEMA_FILES.map((f) => ({ params: { file: f.name }, props: { file: f } }));
}

export const GET: APIRoute = ({ props }) => new Response(jsonSchemaText(props["file"]), { headers: { "Content-Type": "application/schema+json" } });
