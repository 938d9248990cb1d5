/** Patterns that find words an officer wrote in running text: glossary marking and search synonyms share them. */
import { cached } from "./maps.ts";

/** `text` with every character a regular expression gives a meaning to escaped. */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A pattern for `words` however the text spaces or breaks lines between them ("Speech and\nLanguage"),
 * compiled once per words and flags: every page looks for the same glossary spellings. A global pattern is
 * shared, so a caller sets its `lastIndex` before using it.
 */
export function looseWords(words: string, flags: string): RegExp {
  return cached(
    compiled,
    `${flags}\u0000${words}`,
    () => new RegExp(words.trim().split(/\s+/).map(escapeRegExp).join("\\s+"), flags),
  );
}
const compiled = new Map<string, RegExp>();
