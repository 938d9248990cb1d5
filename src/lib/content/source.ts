import { LineCounter, isMap, isSeq, parseDocument, type Document } from "yaml";
import { EVENT_ID, SCALAR_STYLE, constructFromEvents, parseEvents, type Event } from "js-yaml";
import { formatPath, type Path, type Problem } from "./problems.ts";
import { lineAt, scanJson } from "./json-scan.ts";

/** Content files never need more nesting than this; far deeper data would overflow the parsers' stacks. */
const MAX_DEPTH = 64;

/** A parsed content file: its data, its Markdown body if any, and a way to find a field's line. */
export interface SourceFile {
  readonly file: string;
  readonly data: unknown;
  /** The Markdown body after front matter (Markdown files only). */
  readonly body?: string;
  /** The line on which the body starts. */
  readonly bodyLine?: number;
  locate(path: Path): number | undefined;
}

export type ParseResult = { ok: true; source: SourceFile } | { ok: false; problems: Problem[] };

function locator(doc: Document, counter: LineCounter, lineOffset: number) {
  return (path: Path): number | undefined => {
    // Walk down as far as the path exists, so a missing field points at its parent.
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as unknown[], true);
      const range = (node as { range?: [number, number, number] } | undefined)?.range;
      if (!range) continue;
      // For a map's key, the key's line is more useful than where the value starts.
      if (n > 0) {
        const parent = n === 1 ? doc.contents : doc.getIn(path.slice(0, n - 1) as unknown[], true);
        if (isMap(parent)) {
          const pair = parent.items.find((p) => (p.key as { value?: unknown } | null)?.value === path[n - 1]);
          const keyRange = (pair?.key as { range?: [number, number, number] } | null)?.range;
          if (keyRange) return counter.linePos(keyRange[0]).line + lineOffset;
        } else if (isSeq(parent)) {
          return counter.linePos(range[0]).line + lineOffset;
        }
      }
      return counter.linePos(range[0]).line + lineOffset;
    }
    return undefined;
  };
}

/** Signatures of files officers save by mistake: a workbook or zip, a PDF, an image, an old Office file. */
const BINARY_STARTS = ["PK", "%PDF", "\u0089PNG", "GIF8", "\u00D0\u00CF\u0011\u00E0"];

/**
 * Whether a file is binary rather than text with a stray character: a known signature, or NUL bytes
 * throughout. A single NUL in a text file is reported at its line and column by the character check.
 */
function looksBinary(text: string): boolean {
  if (BINARY_STARTS.some((sig) => text.startsWith(sig))) return true;
  let nuls = 0;
  for (let i = text.indexOf("\u0000"); i !== -1; i = text.indexOf("\u0000", i + 1)) nuls++;
  return nuls >= 8 || (nuls > 0 && nuls / text.length > 0.01);
}

/** A file that is empty, or not text at all, in words an officer can act on. */
function unreadable(file: string, text: string): Problem | undefined {
  if (text.trim() === "")
    return {
      file,
      message: "the file is empty, so there is no line to point at",
      fix: "Write its content, or delete the file; npm run new starts a valid file of most kinds",
    };
  if (looksBinary(text))
    return {
      file,
      message: `this is not a text file (it holds binary data${text.startsWith("PK") ? ", like an Excel workbook or a zip file" : ""}), so it has no lines to point at`,
      fix: "Save it from your editor as plain text (UTF-8), or delete it",
    };
  return undefined;
}

/** Whether the YAML parser ran out of stack: nesting far deeper than any content file needs. */
const tooDeep = (message: string): boolean => /call stack|stack overflow/i.test(message);

/** Plain mapping keys js-yaml and yaml read alike: words (not null, a boolean or a number). */
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const NOT_TEXT_KEYS = new Set(["null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE"]);
/** yaml refuses an implicit key whose `:` is more than 1024 characters from its start. */
const LONGEST_KEY = 1000;

/**
 * Whether parser events describe YAML on which js-yaml and yaml agree: one document, no
 * directives, tags, anchors or aliases, and every mapping key a word or a short quoted string.
 * (They differ on `!!float 1`, `%YAML 1.1`, a `null` key and very long keys; tests/unit/yaml-fast-path.test.ts.)
 */
function plainEvents(events: readonly Event[], text: string): boolean {
  const open: { mapping: boolean; items: number }[] = [];
  let documents = 0;
  for (const event of events) {
    if (event.type === EVENT_ID.POP) {
      open.pop();
      continue;
    }
    if (event.type === EVENT_ID.DOCUMENT) {
      if (++documents > 1 || event.directives.length > 0) return false;
      open.push({ mapping: false, items: 0 });
      continue;
    }
    if (event.type === EVENT_ID.ALIAS || event.tagStart !== -1 || event.anchorStart !== -1) return false;
    const parent = open.at(-1);
    if (parent?.mapping && parent.items++ % 2 === 0) {
      if (event.type !== EVENT_ID.SCALAR || event.valueEnd - event.valueStart > LONGEST_KEY) return false;
      const key = text.slice(event.valueStart, event.valueEnd);
      if (event.style === SCALAR_STYLE.PLAIN ? !PLAIN_KEY.test(key) || NOT_TEXT_KEYS.has(key) : event.style > 3)
        return false;
    } else if (parent) parent.items++;
    if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE)
      open.push({ mapping: event.type === EVENT_ID.MAPPING, items: 0 });
  }
  return documents === 1;
}

/**
 * YAML read by js-yaml, about nine times faster than yaml's document model, when the text is plain
 * enough that both read it alike and js-yaml finds nothing wrong (a key written twice, say). Otherwise
 * undefined, and yaml reads it, to report any problem at its line as before.
 */
function quickYaml(text: string): { data: unknown } | undefined {
  try {
    const events = parseEvents(text, {});
    if (!plainEvents(events, text)) return undefined;
    return { data: constructFromEvents(events, { source: text, maxAliases: 0 })[0] ?? null };
  } catch {
    return undefined;
  }
}

function parseYaml(file: string, text: string, lineOffset: number): ParseResult {
  const quick = quickYaml(text);
  if (quick) return { ok: true, source: { file, data: quick.data, locate: lazyLocator(text, lineOffset) } };
  const counter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    doc = { errors: [{ message: e.message, pos: [0, 0] }] } as unknown as Document;
  }
  if (doc.errors.some((e) => tooDeep(e.message)))
    return {
      ok: false,
      problems: [
        {
          file,
          message:
            "the data is nested too deeply to read (lists or fields inside each other far deeper than any content file needs), so no single line is at fault",
          fix: "Look for brackets that never close, or a list pasted inside itself",
        },
      ],
    };
  if (doc.errors.length) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({
        file,
        line: counter.linePos(e.pos[0]).line + lineOffset,
        message: `this is not valid ${file.endsWith(".json") ? "JSON" : "YAML"}: ${e.message.split("\n")[0]}`,
        fix: "Check indentation, quotes and colons on this line or the one before",
      })),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 0 });
  } catch {
    const alias = /^\s*[^#\n]*[:-]\s*\*[A-Za-z]/m.exec(text);
    return {
      ok: false,
      problems: [
        {
          file,
          line: alias ? text.slice(0, alias.index).split("\n").length + lineOffset : undefined,
          message: "YAML anchors and aliases (&name, *name) are not allowed",
          fix: "Write the value out in full where it is used",
        },
      ],
    };
  }
  return { ok: true, source: { file, data, locate: locator(doc, counter, lineOffset) } };
}

/** Parses a YAML file. */
export function parseYamlFile(file: string, text: string): ParseResult {
  const bad = unreadable(file, text);
  if (bad) return { ok: false, problems: [bad] };
  return parseYaml(file, text, 0);
}

/** Parses a JSON file strictly (JSON.parse); a field's line is found only when asked (see lazyLocator). */
export function parseJsonFile(file: string, text: string): ParseResult {
  const bad = unreadable(file, text);
  if (bad) return { ok: false, problems: [bad] };
  const scan = scanJson(text);
  if (scan.bad && /^-?(?:NaN|Infinity)$/.test(scan.bad.token))
    return {
      ok: false,
      problems: [
        {
          file,
          line: lineAt(text, scan.bad.offset),
          message: `${scan.bad.token} is not a number JSON can hold`,
          fix: 'Write the figure itself, or null with a "missing" reason saying why there is no figure',
        },
      ],
    };
  if (scan.depth > MAX_DEPTH)
    return {
      ok: false,
      problems: [
        {
          file,
          line: lineAt(text, scan.deepestAt),
          message: `the data is nested ${scan.depth} levels deep here; content files never need more than ${MAX_DEPTH}`,
          fix: "Look for brackets that never close, or a list pasted inside itself",
        },
      ],
    };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const pos = /position (\d+)/.exec(message);
    const line = pos
      ? lineAt(text, Number(pos[1]))
      : (/line (\d+)/.exec(message)?.[1] ?? (scan.bad ? lineAt(text, scan.bad.offset) : undefined));
    return {
      ok: false,
      problems: [
        {
          file,
          line: line === undefined ? undefined : Number(line),
          message: `this is not valid JSON: ${message.replace(/^JSON\.parse: /, "")}`,
          fix: "Look for a missing comma, a trailing comma or an unquoted name near this line",
        },
      ],
    };
  }
  if (scan.duplicate)
    return {
      ok: false,
      problems: [
        {
          file,
          line: lineAt(text, scan.duplicate.offset),
          message: `this is not valid JSON for the portal: "${scan.duplicate.key}" is written twice in the same object, and only the last would be read`,
          fix: "Keep one of the two",
        },
      ],
    };
  return { ok: true, source: { file, data, locate: lazyLocator(text) } };
}

/**
 * Finds a field's line through yaml's document model of the text (JSON is YAML), made the first time
 * a problem needs a line: a valid file is parsed once, by JSON.parse or js-yaml.
 */
function lazyLocator(text: string, lineOffset = 0): SourceFile["locate"] {
  let locate: SourceFile["locate"] | undefined;
  return (path) => {
    if (!locate) {
      const counter = new LineCounter();
      const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
      locate = doc.errors.length ? () => undefined : locator(doc, counter, lineOffset);
    }
    return locate(path);
  };
}

/** Parses a Markdown file with YAML front matter between `---` lines. */
export function parseMarkdownFile(file: string, text: string): ParseResult {
  const bad = unreadable(file, text);
  if (bad) return { ok: false, problems: [bad] };
  const split = splitFrontMatter(text);
  if (!split) {
    return {
      ok: false,
      problems: [
        {
          file,
          line: 1,
          message: "front matter is missing: the file must start with a line of three hyphens (---), the fields, and another ---",
          fix: "Copy the opening lines from an existing file of the same kind",
        },
      ],
    };
  }
  const parsed = parseYaml(file, split.frontMatter, 1);
  if (!parsed.ok) return parsed;
  return { ok: true, source: { ...parsed.source, body: split.body, bodyLine: split.bodyLine } };
}

/** A Markdown file's YAML front matter (between `---` lines) and its body, with the line the body starts on. */
export function splitFrontMatter(text: string): { frontMatter: string; body: string; bodyLine: number } | undefined {
  const unmarked = text.replace(/^\uFEFF/, "");
  const normalised = unmarked.includes("\r") ? unmarked.replace(/\r\n?/g, "\n") : unmarked;
  const match = /^---\n([\s\S]*?)\n?---[ \t]*(?:\n|$)/.exec(normalised);
  if (!match) return undefined;
  return { frontMatter: match[1]!, body: normalised.slice(match[0].length), bodyLine: match[0].split("\n").length };
}

/** Where a field is, for a problem: its file, line and field name. */
export type At = (file: string, path: Path) => Omit<Problem, "message">;

/** Locates fields in the parsed files `sources`, for problems about them. */
export function fieldLocator(sources: ReadonlyMap<string, SourceFile>): At {
  return (file, path) => ({ file, line: sources.get(file)?.locate(path), field: formatPath(path) });
}
