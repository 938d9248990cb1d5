/**
 * A single pass over JSON text that finds what `JSON.parse` cannot say with a line number:
 * the first thing that is not JSON (`NaN`, `Infinity`, a comment …) and how deeply the data
 * nests, without recursion, so a pathological file gets a message instead of a stack overflow;
 * and a name written twice in one object, which `JSON.parse` silently resolves by keeping the last.
 * (A YAML parse of the whole text found that too, at twice the cost of loading a KPI file:
 * docs/performance.md, finding 1.)
 */
export interface JsonScan {
  /** Offset and text of the first token that is not JSON, if any. */
  readonly bad?: { readonly offset: number; readonly token: string } | undefined;
  /** The deepest nesting of arrays and objects, and the offset where it is first reached. */
  readonly depth: number;
  readonly deepestAt: number;
  /** The first name written a second time in the same object: the offset of its second writing. */
  readonly duplicate?: { readonly offset: number; readonly key: string } | undefined;
}

/** An open array or object; for an object, its names so far and whether a name comes next. */
interface Frame {
  readonly keys?: Set<string>;
  expectKey: boolean;
}

/** The value of a JSON string token (quotes included); escapes decoded only where there are any. */
function keyOf(token: string): string {
  if (!token.includes("\\")) return token.slice(1, -1);
  try {
    return JSON.parse(token) as string;
  } catch {
    return token.slice(1, -1);
  }
}

const LITERAL = /true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WORD = /[^\s,:[\]{}"]+/y;

export function scanJson(text: string): JsonScan {
  let depth = 0;
  let max = 0;
  let deepestAt = 0;
  let i = 0;
  const frames: Frame[] = [];
  let duplicate: JsonScan["duplicate"];
  while (i < text.length) {
    const c = text[i]!;
    if (c === " " || c === "\n" || c === "\r" || c === "\t" || c === ":") {
      i++;
    } else if (c === ",") {
      const top = frames.at(-1);
      if (top?.keys) top.expectKey = true;
      i++;
    } else if (c === "[" || c === "{") {
      frames.push(c === "{" ? { keys: new Set(), expectKey: true } : { expectKey: false });
      depth++;
      if (depth > max) [max, deepestAt] = [depth, i];
      i++;
    } else if (c === "]" || c === "}") {
      frames.pop();
      depth--;
      i++;
    } else if (c === '"') {
      const start = i;
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
      i++;
      const top = frames.at(-1);
      if (top?.keys && top.expectKey) {
        top.expectKey = false;
        const key = keyOf(text.slice(start, i));
        if (top.keys.has(key)) duplicate ??= { offset: start, key };
        else top.keys.add(key);
      }
    } else {
      LITERAL.lastIndex = i;
      const m = LITERAL.exec(text);
      WORD.lastIndex = i;
      const word = WORD.exec(text)?.[0] ?? c;
      if (m && m[0].length === word.length) i += m[0].length;
      else return { bad: { offset: i, token: word.slice(0, 20) }, depth: max, deepestAt, duplicate };
    }
  }
  return { depth: max, deepestAt, duplicate };
}

/** The 1-based line of an offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
