/**
 * An Atom feed of changes. The feed and entry ids are tag URIs on a domain the publisher owns
 * (RFC 4151), so they never change and readers do not see repeats. Links are absolute when the
 * public address is known and site-relative otherwise (Atom resolves them against the feed's own address).
 */
import type { Change } from "./changes.ts";
import type { Portal } from "./content/model.ts";
import { period } from "../schemas/period.ts";
import { withoutControlCharacters } from "./plain-text.ts";
import { ownedDomain, siteHref } from "./site-url.ts";
import { routes } from "./routes.ts";

/** Text as XML character data or an attribute value, without characters XML 1.0 cannot carry. */
const escape = (s: string) =>
  withoutControlCharacters(s)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\r/g, "&#13;");

export function atomFeed(options: {
  portal: Portal;
  changes: readonly Change[];
  /** The public address, or undefined when it is not known. */
  base: string | undefined;
  path: string;
  title: string;
  limit?: number;
}): string {
  const { changes, base, path, title, portal } = options;
  const domain = ownedDomain(portal.site);
  const href = (p: string) => escape(siteHref(p, base));
  const entries = changes.slice(0, options.limit ?? 200);
  const stamp = (when: string) => `${period(when).end}T00:00:00Z`;
  const updated = entries[0] ? stamp(entries[0].when) : "1970-01-01T00:00:00Z";
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">
  <title>${escape(title)}</title>
  <id>tag:${escape(domain)},2019:feed:${escape(path)}</id>
  <link rel="self" href="${href(path)}"/>
  <link rel="alternate" href="${href(routes.home())}"/>
  <author><name>${escape(portal.site.organisation)}</name></author>
  <updated>${updated}</updated>
${entries
  .map(
    (c) => `  <entry>
    <id>tag:${escape(domain)},2019:${escape(c.id)}</id>
    <title>${escape(`${c.kind}: ${c.title}`)}</title>${c.detail ? `\n    <summary>${escape(c.detail)}</summary>` : ""}
    <link rel="alternate" href="${href(c.href)}"/>
    <updated>${stamp(c.when)}</updated>
    <category term="${escape(c.kind)}"/>
  </entry>`,
  )
  .join("\n")}
</feed>
`;
}
