import * as z from "zod";
import { externalUrl, text } from "./common.ts";

/** Site settings: `content/site.yml`. */
export const siteSchema = z.strictObject({
  /** The portal's name, e.g. "Sefton SEND improvement: progress and decisions". */
  title: text,
  /** Who publishes it, e.g. "Sefton Council". */
  organisation: text,
  /** Partners named beside the publisher. */
  partners: z.array(text).default([]),
  /** A sentence describing the portal for search engines and link previews. */
  description: text,
  /** The public address the site is served from, without a trailing slash. */
  baseUrl: externalUrl,
  /** How readers reach the publisher; at least a web page or an email address. */
  contact: z
    .strictObject({
      /** Who answers, e.g. "Sefton Council SEND team". */
      name: text,
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
  /** The plan featured on the home page (plan slug). */
  featuredPlan: z.string().optional(),
  /** The date the accessibility statement was last reviewed. */
  accessibilityReviewed: z.iso.date().optional(),
});

export type Site = z.infer<typeof siteSchema>;
