/** An Atom feed of changes. Entry ids are tag URIs that never change, so readers do not see repeats. */
import type { Change } from "./changes.ts";
import type { Portal } from "./content/model.ts";
import { period } from "./period.ts";
import { routes } from "./routes.ts";

const escape = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function atomFeed(options: {
  portal: Portal;
  changes: readonly Change[];
  base: string;
  path: string;
  title: string;
  limit?: number;
}): string {
  const { changes, base, path, title, portal } = options;
  const host = new URL(base).host;
  const entries = changes.slice(0, options.limit ?? 200);
  const stamp = (when: string) => `${period(when).end}T00:00:00Z`;
  const updated = entries[0] ? stamp(entries[0].when) : "1970-01-01T00:00:00Z";
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">
  <title>${escape(title)}</title>
  <id>${escape(new URL(path, base).href)}</id>
  <link rel="self" href="${escape(new URL(path, base).href)}"/>
  <link rel="alternate" href="${escape(new URL(routes.home(), base).href)}"/>
  <author><name>${escape(portal.site.organisation)}</name></author>
  <updated>${updated}</updated>
${entries
  .map(
    (c) => `  <entry>
    <id>tag:${host},2019:${escape(c.id)}</id>
    <title>${escape(`${c.kind}: ${c.title}`)}</title>
    <link rel="alternate" href="${escape(new URL(c.href, base).href)}"/>
    <updated>${stamp(c.when)}</updated>
    <category term="${escape(c.kind)}"/>
  </entry>`,
  )
  .join("\n")}
</feed>
`;
}
