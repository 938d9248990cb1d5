/** A URL fragment from any text: lower-case letters and digits joined by single hyphens ("untitled" if none). */
export function slugify(s: string): string {
  return (
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "untitled"
  );
}
