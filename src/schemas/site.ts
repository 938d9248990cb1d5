import * as z from "zod";
import { externalUrl, text } from "./common.ts";

/** Site settings: `content/site.yml`. */
export const siteSchema = z.strictObject({
  title: text.describe('The portal\'s name, e.g. "Sefton SEND improvement: progress and decisions".'),
  organisation: text.describe('Who publishes it, e.g. "Sefton Council".'),
  partners: z.array(text).default([]).describe("Partners named beside the publisher."),
  description: text.describe("A sentence describing the portal for search engines and link previews."),
  baseUrl: externalUrl.describe("The public address the site is served from, without a trailing slash."),
  /** How readers reach the publisher; at least a web page or an email address. */
  contact: z
    .strictObject({
      name: text.describe('Who answers, e.g. "Sefton Council SEND team".'),
      url: externalUrl.optional(),
      email: z.email({ error: "expected an email address" }).optional(),
      phone: text.optional(),
    })
    .refine((c) => c.url || c.email, { error: "give a contact url or email" }),
  licence: z
    .strictObject({
      name: text,
      url: externalUrl,
    })
    .default({
      name: "Open Government Licence v3.0",
      url: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
    }),
  featuredPlan: z.string().optional().describe("The plan featured on the home page (plan slug)."),
  accessibilityReviewed: z.iso.date().optional().describe("The date the accessibility statement was last reviewed."),
});

export type Site = z.infer<typeof siteSchema>;
