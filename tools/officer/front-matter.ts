/**
 * Edits the YAML front matter of a Markdown file one top-level field at a time,
 * leaving every other line exactly as written (the `yaml` library would re-wrap
 * folded text when it writes a document back).
 */
import { stringify } from "yaml";

/** A top-level field and the lines under it (its value, continuation lines, comments). */
interface Field {
  /** The field name; undefined for comments or blank lines after the last field. */
  readonly key: string | undefined;
  /** Comment and blank lines just above the field, which describe it and stay with it. */
  readonly comments: readonly string[];
  /** The `key:` line and the lines of its value. */
  readonly lines: readonly string[];
}

export interface FrontMatter {
  readonly fields: readonly Field[];
  /** Everything after the closing `---` line. */
  readonly body: string;
}

const FIELD_START = /^([A-Za-z_$][\w$-]*)[ \t]*:/;

/** Splits a Markdown file into front-matter fields and body; undefined when it has no front matter. */
export function splitFrontMatter(text: string): FrontMatter | undefined {
  const normalised = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const match = /^---\n([\s\S]*?)\n?---[ \t]*(?:\n|$)/.exec(normalised);
  if (!match) return undefined;
  const fields: { key: string | undefined; comments: string[]; lines: string[] }[] = [];
  let pending: string[] = [];
  for (const line of match[1] === "" ? [] : match[1]!.split("\n")) {
    const key = FIELD_START.exec(line)?.[1];
    if (key !== undefined) {
      fields.push({ key, comments: pending, lines: [line] });
      pending = [];
    } else if (/^\s*(#.*)?$/.test(line)) pending.push(line);
    else if (fields.length === 0) {
      fields.push({ key: undefined, comments: pending, lines: [line] });
      pending = [];
    } else {
      fields[fields.length - 1]!.lines.push(...pending, line);
      pending = [];
    }
  }
  if (pending.length) fields.push({ key: undefined, comments: pending, lines: [] });
  return { fields, body: normalised.slice(match[0].length) };
}

/** Joins fields and body back into a Markdown file. */
export function joinFrontMatter(fm: FrontMatter): string {
  const lines = fm.fields.flatMap((f) => [...f.comments, ...f.lines]);
  return `---\n${lines.length ? `${lines.join("\n")}\n` : ""}---\n${fm.body}`;
}

/** A field written as YAML, quoted where YAML would otherwise read it as something else (`"2019"`). */
export function yamlField(key: string, value: unknown, comment?: string): string {
  const text = stringify({ [key]: value }, { lineWidth: 0 }).replace(/\n$/, "");
  return comment ? `${text} # ${comment}` : text;
}

/**
 * Sets a field to `text` (one or more lines starting `key:`). An existing field
 * is replaced where it is, keeping the comments above it; a new one goes after
 * the field named `after`, or after the last field.
 */
export function setField(fm: FrontMatter, key: string, text: string, after?: string): FrontMatter {
  const fields = [...fm.fields];
  const at = fields.findIndex((f) => f.key === key);
  if (at >= 0) fields[at] = { key, comments: fields[at]!.comments, lines: text.split("\n") };
  else {
    const anchor = fields.findIndex((f) => f.key === after);
    const last = fields.findLastIndex((f) => f.key !== undefined);
    fields.splice((anchor < 0 ? last : anchor) + 1, 0, { key, comments: [], lines: text.split("\n") });
  }
  return { ...fm, fields };
}

/** Removes a field, its lines and the comments above it. */
export function removeField(fm: FrontMatter, key: string): FrontMatter {
  return { ...fm, fields: fm.fields.filter((f) => f.key !== key) };
}

/** Reads a simple top-level scalar field, e.g. `status`. */
export function fieldValue(fm: FrontMatter, key: string): string | undefined {
  const line = fm.fields.find((f) => f.key === key)?.lines[0];
  if (line === undefined) return undefined;
  return line
    .replace(FIELD_START, "")
    .replace(/\s+#.*$/, "")
    .trim()
    .replace(/^(["'])(.*)\1$/, "$2");
}
