/**
 * The portal's content collections: one per kind of content, typed by the zod schemas in
 * src/schemas/, all filled by one loader over the content root (`PORTAL_DIR`, or this repository):
 * src/lib/content/collections.ts. Pages read them with `getCollection` and `getEntry`.
 *
 * | collection       | entry id             | file                                               |
 * | ---------------- | -------------------- | -------------------------------------------------- |
 * | `site`           | `site`               | content/site.yml                                   |
 * | `glossary`       | `glossary`           | content/glossary.yml (its terms, in order)         |
 * | `committees`     | `{committee}`        | content/committees/{committee}.yml                 |
 * | `plans`          | `{plan}`             | content/plans/{plan}.md (rendered body)            |
 * | `actions`        | `{plan}/{action}`    | an action in its plan's file                       |
 * | `kpis`           | `{kpi}`              | data/kpis/{kpi}.json                               |
 * | `meetings`       | `{meeting}`          | content/meetings/{meeting}.md (rendered body)      |
 * | `decisions`      | `{decision}`         | a decision in its meeting's file                   |
 * | `reportVersions` | `{report}/v{n}`      | content/reports/{report}/v{n}.md (rendered body)   |
 */
import { defineCollection, reference } from "astro:content";
import * as z from "zod";
import { portalLoader } from "./lib/content/collections.ts";
import {
  actionSchema,
  committeeSchema,
  decisionSchema,
  glossarySchema,
  kpiSchema,
  meetingSchema,
  planSchema,
  reportVersionSchema,
  siteSchema,
  slug,
} from "./schemas/index.ts";

export const collections = {
  site: defineCollection({ loader: portalLoader("site"), schema: siteSchema }),
  glossary: defineCollection({ loader: portalLoader("glossary"), schema: z.strictObject({ terms: glossarySchema }) }),
  committees: defineCollection({ loader: portalLoader("committees"), schema: committeeSchema }),
  plans: defineCollection({ loader: portalLoader("plans"), schema: planSchema }),
  actions: defineCollection({
    loader: portalLoader("actions"),
    schema: actionSchema.extend({ key: z.string(), plan: reference("plans"), area: slug }),
  }),
  kpis: defineCollection({ loader: portalLoader("kpis"), schema: kpiSchema }),
  meetings: defineCollection({ loader: portalLoader("meetings"), schema: meetingSchema }),
  decisions: defineCollection({
    loader: portalLoader("decisions"),
    schema: decisionSchema.extend({ meeting: reference("meetings") }),
  }),
  reportVersions: defineCollection({ loader: portalLoader("reportVersions"), schema: reportVersionSchema }),
};
