/**
 * A single pass over JSON text that finds what `JSON.parse` cannot say with a line number:
 * the first thing that is not JSON (`NaN`, `Infinity`, a comment …) and how deeply the data
 * nests, without recursion, so a pathological file gets a message instead of a stack overflow.
 */
export interface JsonScan {
  /** Offset and text of the first token that is not JSON, if any. */
  readonly bad?: { readonly offset: number; readonly token: string } | undefined;
  /** The deepest nesting of arrays and objects, and the offset where it is first reached. */
  readonly depth: number;
  readonly deepestAt: number;
}

const LITERAL = /true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WORD = /[^\s,:[\]{}"]+/y;

export function scanJson(text: string): JsonScan {
  let depth = 0;
  let max = 0;
  let deepestAt = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === " " || c === "\n" || c === "\r" || c === "\t" || c === "," || c === ":") {
      i++;
    } else if (c === "[" || c === "{") {
      depth++;
      if (depth > max) [max, deepestAt] = [depth, i];
      i++;
    } else if (c === "]" || c === "}") {
      depth--;
      i++;
    } else if (c === '"') {
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
      i++;
    } else {
      LITERAL.lastIndex = i;
      const m = LITERAL.exec(text);
      WORD.lastIndex = i;
      const word = WORD.exec(text)?.[0] ?? c;
      if (m && m[0].length === word.length) i += m[0].length;
      else return { bad: { offset: i, token: word.slice(0, 20) }, depth: max, deepestAt };
    }
  }
  return { depth: max, deepestAt };
}

/** The 1-based line of an offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
