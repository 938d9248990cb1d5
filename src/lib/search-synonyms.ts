/**
 * Pagefind has no synonyms, so a search for "SLT" would miss a page that only says
 * "speech and language therapy". At build time each searchable page is given, in text
 * that Pagefind indexes but readers never see or hear, the other glossary spellings
 * of every term it uses: its acronym, the words it stands for and its aliases.
 */
import type { Term } from "../schemas/index.ts";
import { cached, pushTo } from "./maps.ts";
import { looseWords } from "./word-pattern.ts";

/**
 * The spellings that mean the same thing, one group per glossary term (term, expansion,
 * aliases); terms that share a spelling (SALT and SLT both stand for "Speech and Language
 * Therapy") are one group. In glossary order, each spelling once.
 */
export function synonymGroups(terms: readonly Term[]): string[][] {
  return cached(groupsOf, terms, () => groupSpellings(terms));
}

/** Every page asks for the same glossary's groups: worked out once per glossary. */
const groupsOf = new WeakMap<readonly Term[], string[][]>();

function groupSpellings(terms: readonly Term[]): string[][] {
  const groups: string[][] = [];
  const groupOf = new Map<string, string[]>();
  for (const t of terms) {
    const spellings = [t.term, ...(t.expansion ? [t.expansion] : []), ...t.aliases];
    const joined = [...new Set(spellings.map(key).flatMap((k) => (groupOf.has(k) ? [groupOf.get(k)!] : [])))];
    const group = joined[0] ?? [];
    if (joined.length === 0) groups.push(group);
    for (const other of joined.slice(1)) {
      group.push(...other);
      groups.splice(groups.indexOf(other), 1);
    }
    for (const s of spellings) if (!group.some((g) => key(g) === key(s))) group.push(s);
    for (const s of group) groupOf.set(key(s), group);
  }
  return groups.filter((g) => g.length > 1);
}

export interface Synonyms {
  /** The first of the group's spellings that the page uses. */
  readonly seen: string;
  /** The group's spellings the page does not use. */
  readonly others: readonly string[];
}

/**
 * What to add to a page's index: for each group with a spelling in `text`, its spellings
 * not in it. Acronyms (all capitals) match only in capitals; words match in any case;
 * both only as whole words. Each spelling is added once.
 */
export function searchSynonyms(text: string, groups: readonly (readonly string[])[]): Synonyms[] {
  // The text is read once, for where each word that some spelling has starts; a spelling is then looked for
  // only where its first word is, not by a pattern run over the whole text.
  const needed = neededWords(groups);
  const starts = new Map<string, number[]>();
  forEachWord(text, (word, start) => {
    if (needed.has(word)) pushTo(starts, word, start);
  });
  const added = new Set<string>();
  const out: Synonyms[] = [];
  for (const group of groups) {
    const present = group.map((s) => occurs(text, starts, s));
    const seen = group[present.indexOf(true)];
    if (seen === undefined) continue;
    const others = group.filter((s, i) => !present[i] && !added.has(key(s)));
    for (const s of others) added.add(key(s));
    if (others.length > 0) out.push({ seen, others });
  }
  return out;
}

/**
 * The added spellings as sentences, since Pagefind may quote them in a result's excerpt:
 * "SALT is also written: SLT; Speech and Language Therapy."
 */
export function synonymText(synonyms: readonly Synonyms[]): string {
  return synonyms.map((s) => `${s.seen} is also written: ${s.others.join("; ")}.`).join(" ");
}

const key = (s: string) => s.toLowerCase().replace(/\s+/g, " ").trim();

const isAcronym = (s: string) => /^[\p{Lu}\p{N}&/-]+$/u.test(s) && /\p{Lu}/u.test(s);

/**
 * A text's words, lower-cased: its runs of letters and digits, in any script. (A loop, as a `split` on
 * the Unicode classes took 5 ms over a long report's text, and most characters are ASCII.)
 */
function wordsOf(text: string): string[] {
  const words: string[] = [];
  forEachWord(text, (word) => words.push(word));
  return words;
}

/**
 * Calls `visit` with each of a text's words, lower-cased, and where it starts in `text`, in order (see
 * `wordsOf`). Lower-casing keeps every index but for one letter, "İ", which becomes two characters: it is
 * read as "i" (a letter either way).
 *
 * The loop reads the lower-cased copy itself. A loop that read `text` and sliced the copy ran normally for
 * five calls and then, once V8 had optimised it, took 40–48 s over a 100 KB text (Node 24.21).
 */
function forEachWord(text: string, visit: (word: string, start: number) => void): void {
  const lower = text.replaceAll("\u0130", "i").toLowerCase();
  let start = -1;
  for (let i = 0; i <= lower.length;) {
    const code = i < lower.length ? lower.codePointAt(i)! : 32;
    const inWord =
      code < 128
        ? (code >= 97 && code <= 122) || (code >= 48 && code <= 57)
        : WORD_CHARACTER.test(String.fromCodePoint(code));
    if (inWord && start === -1) start = i;
    else if (!inWord && start !== -1) {
      visit(lower.slice(start, i), start);
      start = -1;
    }
    i += code > 0xffff ? 2 : 1;
  }
}

/** The words of every spelling in `groups`, worked out once per list of groups. */
const neededOf = new WeakMap<readonly (readonly string[])[], ReadonlySet<string>>();
function neededWords(groups: readonly (readonly string[])[]): ReadonlySet<string> {
  return cached(neededOf, groups, () => new Set(groups.flat().flatMap((s) => finderFor(s).words)));
}

/** What finding a spelling takes, worked out once: every page tests every spelling. */
interface Finder {
  /** The spelling's words: a text without all of them cannot hold it. */
  readonly words: readonly string[];
  /**
   * The spelling, its words apart by any spaces, in any case unless it is an acronym. Sticky (it matches
   * only where it is set to start) for a spelling that starts with a letter or a digit, whose every use
   * starts where a word of the text does, its first word; global for one that starts with a sign.
   */
  readonly pattern: RegExp;
}
const finders = new Map<string, Finder>();
function finderFor(spelling: string): Finder {
  return cached(finders, spelling, () => {
    const anchored = WORD_CHARACTER.test(characterAt(spelling.trim(), 0));
    return {
      words: wordsOf(spelling),
      pattern: looseWords(spelling, `${anchored ? "y" : "g"}${isAcronym(spelling) ? "" : "i"}`),
    };
  });
}

/** A letter or a digit, in any script. */
const WORD_CHARACTER = /^[\p{L}\p{N}]$/u;

/**
 * Whether `spelling` is in the text as whole words (`starts` being where each of the text's words that some
 * spelling has starts). A glossary has hundreds of spellings and a page holds few of them, so a spelling is
 * looked for only in a text that has all of its words, and then only where its first word starts; a
 * spelling that starts with a sign rather than a letter is looked for along the whole text. The pattern has
 * no Unicode flag, whose letter classes made each take about a millisecond to compile: the characters on
 * either side of a match are checked instead. (Case is then compared by upper- and lower-casing rather than
 * by Unicode's case folding, which differ only for rare letters such as "ſ" and the Greek final sigma.)
 */
function occurs(text: string, starts: ReadonlyMap<string, readonly number[]>, spelling: string): boolean {
  const finder = finderFor(spelling);
  if (!finder.words.every((w) => starts.has(w))) return false;
  const { pattern } = finder;
  if (pattern.sticky) {
    // Each start is a word's, so the character before it is not a letter or a digit.
    for (const at of starts.get(finder.words[0]!)!) {
      pattern.lastIndex = at;
      const m = pattern.exec(text);
      if (m && !WORD_CHARACTER.test(characterAt(text, at + m[0].length))) return true;
    }
    return false;
  }
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; pattern.lastIndex = m.index + 1, m = pattern.exec(text)) {
    const end = m.index + m[0].length;
    if (!WORD_CHARACTER.test(characterBefore(text, m.index)) && !WORD_CHARACTER.test(characterAt(text, end)))
      return true;
  }
  return false;
}

/** The whole character (a surrogate pair, if it is one) before index `i`, or "" at the start. */
function characterBefore(text: string, i: number): string {
  if (i === 0) return "";
  const pair = i >= 2 && /[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text.slice(i - 2, i));
  return text.slice(pair ? i - 2 : i - 1, i);
}

/** The whole character at index `i`, or "" at the end. */
function characterAt(text: string, i: number): string {
  const code = text.codePointAt(i);
  return code === undefined ? "" : String.fromCodePoint(code);
}
