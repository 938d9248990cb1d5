import * as z from "zod";
import { externalUrl, text } from "./common.ts";

/** Site settings: `content/site.yml`. */
export const siteSchema = z.strictObject({
  title: text.describe('The portal\'s name, e.g. "Sefton SEND improvement: progress and decisions".'),
  organisation: text.describe('Who publishes it, e.g. "Sefton Council".'),
  partners: z.array(text).default([]).describe("Partners named beside the publisher."),
  description: text.describe("A sentence describing the portal for search engines and link previews."),
  /**
   * The public address the site is served from, without a trailing slash, e.g. https://send.example.gov.uk.
   * Leave it out until the address is known: then no canonical links or sitemap are published, and
   * feeds and calendars use links relative to the site. A `SITE_URL` variable at build time overrides it.
   */
  baseUrl: externalUrl
    .refine((url) => !/^https?:\/\/(localhost|127\.|\[::1\]|0\.0\.0\.0)/i.test(url), {
      error: "this address is only this computer, not a public address; leave baseUrl out until the portal has one",
    })
    .optional()
    .describe("The public address the site is served from, without a trailing slash. Leave out until known."),
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
