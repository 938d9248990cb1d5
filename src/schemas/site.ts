import * as z from "zod";
import { externalUrl, slug, text } from "./common.ts";
import { topicSchema } from "./topic.ts";

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
  /**
   * The topics families look for, in the order the home page lists them. Indicators and actions name
   * them in their own `topics`; a name not declared here is a problem `npm run check` reports.
   * Leave it out and the home page and the indicators index simply have no topics.
   */
  topics: z
    .array(topicSchema)
    .default([])
    .describe("The topics indicators and actions can be tagged with, in the order shown."),
  /**
   * Where the home page's opening links for how the improvement work began (an inspection, an
   * improvement notice): a section of a plan's page, found by its heading as written in the plan.
   */
  history: z
    .strictObject({
      label: text.describe('The link text, e.g. "How the improvement notice began".'),
      plan: slug.describe("The plan whose page tells the story (plan slug)."),
      heading: text
        .optional()
        .describe(
          'The heading of that section, exactly as written in the plan, e.g. "The 2019 revisit and the Improvement Notice".',
        ),
    })
    .optional()
    .describe("The home page's link to how the improvement work began."),
  accessibilityReviewed: z.iso.date().optional().describe("The date the accessibility statement was last reviewed."),
});

export type Site = z.infer<typeof siteSchema>;
