/**
 * The headings of rendered officer Markdown, read from the parsed HTML (never with a pattern
 * over the markup), so a setting can name a section by its heading as the officer wrote it.
 */
import { DomUtils, parseDocument } from "htmlparser2";

/** Every h2 with an id (the `##` headings of officer Markdown), in document order: its id and its text as a reader sees it. */
function headingsIn(html: string): { id: string; text: string }[] {
  const doc = parseDocument(html);
  return DomUtils.findAll((e) => e.name === "h2" && Boolean(e.attribs["id"]), doc.children).map((e) => ({
    id: e.attribs["id"]!,
    text: DomUtils.textContent(e).replace(/\s+/g, " ").trim(),
  }));
}

/**
 * The id of the heading whose text is `text` (spaces and case aside), if there is one. The content
 * check applies the same rule to the plan's Markdown, so a heading it accepts is one found here.
 */
export function headingId(html: string, text: string): string | undefined {
  const wanted = text.replace(/\s+/g, " ").trim().toLowerCase();
  return headingsIn(html).find((h) => h.text.toLowerCase() === wanted)?.id;
}
