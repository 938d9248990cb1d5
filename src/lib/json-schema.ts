/** JSON Schema for every content file, generated from the zod schemas: one reference for editors, docs and other councils. */
import * as z from "zod";
import {
  committeeSchema,
  glossarySchema,
  kpiSchema,
  meetingSchema,
  planSchema,
  reportVersionSchema,
  siteSchema,
} from "../schemas/index.ts";

export interface SchemaFile {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  /** The content files it describes. */
  readonly path: string;
  readonly schema: z.ZodType;
}

export const SCHEMA_FILES: readonly SchemaFile[] = [
  {
    name: "kpi.schema.json",
    title: "Indicator (KPI)",
    description: "an indicator with its targets, comparators and values",
    path: "data/kpis/{kpi}.json",
    schema: kpiSchema,
  },
  {
    name: "plan.schema.json",
    title: "Plan",
    description: "a plan's areas and actions (front matter)",
    path: "content/plans/{plan}.md",
    schema: planSchema,
  },
  {
    name: "report.schema.json",
    title: "Report version",
    description: "one version of a report (front matter)",
    path: "content/reports/{report}/v{n}.md",
    schema: reportVersionSchema,
  },
  {
    name: "meeting.schema.json",
    title: "Meeting",
    description: "a meeting, its agenda and decisions (front matter)",
    path: "content/meetings/{meeting}.md",
    schema: meetingSchema,
  },
  {
    name: "committee.schema.json",
    title: "Committee",
    description: "a committee",
    path: "content/committees/{committee}.yml",
    schema: committeeSchema,
  },
  {
    name: "glossary.schema.json",
    title: "Glossary",
    description: "the list of terms",
    path: "content/glossary.yml",
    schema: glossarySchema,
  },
  {
    name: "site.schema.json",
    title: "Site settings",
    description: "the portal's name, publisher and licence",
    path: "content/site.yml",
    schema: siteSchema,
  },
];

/** The schema as text; `io: "input"` so optional-with-default fields are optional for authors. */
export function jsonSchemaText(file: SchemaFile): string {
  const schema = z.toJSONSchema(file.schema, { io: "input", unrepresentable: "any" });
  return `${JSON.stringify({ ...schema, title: file.title, description: `${file.description}: ${file.path}` }, null, 2)}\n`;
}
