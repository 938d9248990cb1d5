/**
 * Contents lists for long pages (the GOV.UK contents-list pattern): the sections a reader can jump to,
 * worked out from the content, never typed by hand.
 */
import { slugify } from "./slug.ts";
import type { Term } from "../schemas/index.ts";

export interface ContentsItem {
  /** `#id` of the section on the same page. */
  readonly href: string;
  readonly label: string;
  /** Sub-entries, one level down (e.g. a report's own headings). */
  readonly children?: readonly ContentsItem[];
}

export interface LetterGroup {
  readonly letter: string;
  readonly id: string;
  readonly terms: readonly Term[];
}

/** Glossary terms grouped by first letter, A to Z; terms starting with a digit or symbol come first under "0–9". */
export function letterGroups(terms: readonly Term[]): LetterGroup[] {
  const sorted = [...terms].sort((a, b) => a.term.localeCompare(b.term, "en-GB", { sensitivity: "base" }));
  const groups = new Map<string, Term[]>();
  for (const t of sorted) {
    const first = t.term.normalize("NFD").charAt(0).toUpperCase();
    const letter = /[A-Z]/.test(first) ? first : "0–9";
    groups.set(letter, [...(groups.get(letter) ?? []), t]);
  }
  return [...groups].map(([letter, list]) => ({
    letter,
    id: letter === "0–9" ? "letter-other" : `letter-${letter.toLowerCase()}`,
    terms: list,
  }));
}

/** A report version's contents: the portal's sections it shows, then the report's own headings. */
export function reportContents(options: {
  versions: number;
  hasPrevious: boolean;
  recommendations: number;
  actions: number;
  kpis: number;
  headings: readonly { id: string; text: string }[];
}): ContentsItem[] {
  const items: (ContentsItem | false)[] = [
    options.versions > 1 && { href: "#versions-heading", label: "All versions" },
    options.hasPrevious && { href: "#changes-heading", label: "What changed from the previous version" },
    options.recommendations > 0 && { href: "#recommendations", label: "Recommendations" },
    options.actions > 0 && { href: "#action-statuses", label: "Progress on each action" },
    options.kpis > 0 && { href: "#kpi-statuses", label: "Indicators in this report" },
    {
      href: "#report-text",
      label: "The report",
      children: options.headings.map((h) => ({ href: `#${h.id}`, label: h.text })),
    },
  ];
  return items.filter((x): x is ContentsItem => x !== false);
}

/** The anchor of an agenda item on its meeting page: by its printed number, else by its position. */
export function agendaItemId(item: { number?: string | undefined }, index: number): string {
  return item.number ? `item-${slugify(item.number)}` : `item-position-${index + 1}`;
}

/** A meeting page's contents: each agenda item, then the reports, decisions and minutes shown. */
export function meetingContents(options: {
  agenda: readonly { number?: string | undefined; title: string }[];
  reports: number;
  decisions: number;
  minutes: boolean;
}): ContentsItem[] {
  const items: (ContentsItem | false)[] = [
    options.agenda.length > 0 && {
      href: "#agenda",
      label: "Agenda",
      children: options.agenda.map((item, i) => ({
        href: `#${agendaItemId(item, i)}`,
        label: item.number ? `Item ${item.number}: ${item.title}` : item.title,
      })),
    },
    options.reports > 0 && { href: "#reports", label: "Reports presented" },
    { href: "#decisions", label: "Decisions" },
    options.minutes && { href: "#minutes", label: "Minutes and notes" },
  ];
  return items.filter((x): x is ContentsItem => x !== false);
}
