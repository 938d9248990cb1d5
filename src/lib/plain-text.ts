/**
 * Text for formats with their own rules about characters. The content schemas already
 * refuse these characters; the writers strip them again so that no value can make a feed
 * or a calendar unreadable on its own.
 */

/**
 * Control characters other than tab, line feed and carriage return (XML 1.0 cannot carry
 * C0 ones, RFC 5545 TEXT allows none), C1 controls, lone surrogates and U+FFFE/U+FFFF.
 */
const UNCARRIABLE = /(?![\t\n\r])[\p{Cc}\p{Cs}\uFFFE\uFFFF]/gu;

/** `text` without the characters XML 1.0 and iCalendar cannot carry. */
export function withoutControlCharacters(text: string): string {
  return text.replace(UNCARRIABLE, "");
}
