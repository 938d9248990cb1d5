import { LineCounter, isMap, isSeq, parseDocument, type Document } from "yaml";
import type { Path, Problem } from "./problems.ts";
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

function parseYaml(file: string, text: string, lineOffset: number): ParseResult & { doc?: Document } {
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

/** Parses a JSON file strictly (JSON.parse), locating fields through a YAML parse of the same text. */
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
  try {
    JSON.parse(text);
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
  return parseYaml(file, text, 0);
}

/** Parses a Markdown file with YAML front matter between `---` lines. */
const FRONT_MATTER = /^---\n([\s\S]*?)\n?---[ \t]*(?:\n|$)/;

const normalise = (text: string): string => text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");

/** The Markdown body of a file already known to be valid, without parsing its front matter. */
export function markdownBody(text: string): string {
  const normalised = normalise(text);
  return normalised.slice(FRONT_MATTER.exec(normalised)?.[0].length ?? 0);
}

export function parseMarkdownFile(file: string, text: string): ParseResult {
  const bad = unreadable(file, text);
  if (bad) return { ok: false, problems: [bad] };
  const normalised = normalise(text);
  const match = FRONT_MATTER.exec(normalised);
  if (!match) {
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
  const parsed = parseYaml(file, match[1]!, 1);
  if (!parsed.ok) return parsed;
  const bodyLine = match[0].split("\n").length;
  return {
    ok: true,
    source: { ...parsed.source, body: normalised.slice(match[0].length), bodyLine },
  };
}
