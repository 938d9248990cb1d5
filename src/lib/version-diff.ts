/** What changed between two versions of a report, for readers: status changes and edited paragraphs. */
import { diffArrays } from "diff";
import type { VersionEntry } from "./content/model.ts";

export interface StatusChange {
  readonly action: string;
  readonly before?: string | undefined;
  readonly after?: string | undefined;
}

export interface TextChange {
  readonly kind: "added" | "removed";
  readonly text: string;
}

/** Paragraph-level changes: blank-line separated blocks added or removed, in document order. */
export function textChanges(before: string, after: string): TextChange[] {
  const blocks = (s: string) =>
    s
      .split(/\n\s*\n/)
      .map((b) => b.trim())
      .filter(Boolean);
  return diffArrays(blocks(before), blocks(after)).flatMap((part): TextChange[] =>
    part.added || part.removed ? part.value.map((text) => ({ kind: part.added ? "added" : "removed", text })) : [],
  );
}

/** Actions whose recorded status differs between two versions. */
export function statusChanges(before: VersionEntry, after: VersionEntry): StatusChange[] {
  const was = new Map(before.data.actions.map((a) => [a.action, a.status]));
  const now = new Map(after.data.actions.map((a) => [a.action, a.status]));
  const keys = [...new Set([...was.keys(), ...now.keys()])].sort();
  return keys
    .filter((k) => was.get(k) !== now.get(k))
    .map((k) => ({ action: k, before: was.get(k), after: now.get(k) }));
}
