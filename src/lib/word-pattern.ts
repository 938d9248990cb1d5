/** Patterns that find words an officer wrote in running text: glossary marking and search synonyms share them. */

/** `text` with every character a regular expression gives a meaning to escaped. */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A pattern for `words` however the text spaces or breaks lines between them ("Speech and\nLanguage"). */
export const looseWords = (words: string, flags: string): RegExp =>
  new RegExp(words.trim().split(/\s+/).map(escapeRegExp).join("\\s+"), flags);
