/** A URL fragment from any text: lower-case letters and digits joined by single hyphens ("untitled" if none). */
export function slugify(s: string): string {
  return (
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "untitled"
  );
}

/** A reference to a report (`slug`) or to one version of it (`slug/vN`), as content writes it. */
export function parseReportRef(ref: string): { slug: string; n: number | undefined } {
  const at = ref.lastIndexOf("/v");
  return at < 0 ? { slug: ref, n: undefined } : { slug: ref.slice(0, at), n: Number(ref.slice(at + 2)) };
}
