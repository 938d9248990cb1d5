/**
 * Edits JSON text in place, so a changed KPI file differs from the committed one
 * only where a value was added or corrected: the rest of the file, its key order,
 * indentation, line endings and one-line-per-value layout stay byte for byte.
 */

interface Span {
  /** Offset of the node's first character. */
  readonly start: number;
  /** Offset just after its last character. */
  readonly end: number;
}

interface JsonObject extends Span {
  readonly kind: "object";
  readonly entries: readonly { readonly key: string; readonly value: JsonNode }[];
}

export interface JsonArray extends Span {
  readonly kind: "array";
  readonly items: readonly JsonNode[];
}

interface JsonScalar extends Span {
  readonly kind: "scalar";
}

export type JsonNode = JsonObject | JsonArray | JsonScalar;

/** How a file is laid out, so new text can match it. */
export interface JsonStyle {
  /** One level of indentation, e.g. two spaces. */
  readonly indent: string;
  readonly newline: "\n" | "\r\n";
}

/**
 * Parses JSON text into nodes that know where they are. The text must already be
 * valid JSON (check it with `JSON.parse` first); this only records positions.
 */
export function parseJsonText(text: string): JsonNode {
  let i = 0;
  const ws = () => {
    while (i < text.length && " \t\r\n".includes(text[i]!)) i++;
  };
  const string = (): string => {
    const start = i;
    i++;
    while (text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (): JsonNode => {
    ws();
    const start = i;
    const c = text[i];
    if (c === "{") {
      i++;
      const entries: { key: string; value: JsonNode }[] = [];
      ws();
      while (text[i] !== "}") {
        ws();
        const key = string();
        ws();
        i++; // :
        entries.push({ key, value: value() });
        ws();
        if (text[i] === ",") i++;
        ws();
      }
      i++;
      return { kind: "object", start, end: i, entries };
    }
    if (c === "[") {
      i++;
      const items: JsonNode[] = [];
      ws();
      while (text[i] !== "]") {
        items.push(value());
        ws();
        if (text[i] === ",") i++;
        ws();
      }
      i++;
      return { kind: "array", start, end: i, items };
    }
    if (c === '"') {
      string();
      return { kind: "scalar", start, end: i };
    }
    while (i < text.length && !",]} \t\r\n".includes(text[i]!)) i++;
    return { kind: "scalar", start, end: i };
  };
  return value();
}

/** The node at a path of keys and indexes, e.g. `["series", 0, "values"]`. */
export function nodeAt(root: JsonNode, path: readonly (string | number)[]): JsonNode | undefined {
  let node: JsonNode | undefined = root;
  for (const step of path) {
    if (node?.kind === "object" && typeof step === "string") node = node.entries.find((e) => e.key === step)?.value;
    else if (node?.kind === "array" && typeof step === "number") node = node.items[step];
    else return undefined;
  }
  return node;
}

/** The file's indentation unit (its smallest indent, two spaces if it has none) and line ending. */
export function jsonStyle(text: string): JsonStyle {
  const indents = [...text.matchAll(/\n([ \t]+)\S/g)].map((m) => m[1]!);
  const indent = indents.length ? indents.reduce((a, b) => (b.length < a.length ? b : a)) : "  ";
  return { indent, newline: text.includes("\r\n") ? "\r\n" : "\n" };
}

/** The whitespace that starts the line `offset` is on. */
function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

/** Renders a value on one line, `{ "a": 1 }` or `{"a": 1}` as the neighbouring items do. */
function inline(value: unknown, padded: boolean): string {
  if (Array.isArray(value)) return `[${value.map((v) => inline(v, padded)).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const body = Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}: ${inline(v, padded)}`)
      .join(", ");
    return padded ? `{ ${body} }` : `{${body}}`;
  }
  return JSON.stringify(value);
}

/** Renders a value over several lines, its later lines indented by `base`. */
function block(value: unknown, base: string, style: JsonStyle): string {
  return JSON.stringify(value, null, style.indent)
    .split("\n")
    .join(style.newline + base);
}

/** Renders `value` the way `like` (an existing sibling node) is written. */
function renderLike(text: string, like: JsonNode, value: unknown, style: JsonStyle): string {
  const own = text.slice(like.start, like.end);
  return own.includes("\n") ? block(value, lineIndent(text, like.start), style) : inline(value, /^[{[] /.test(own));
}

/** Replaces one node with a new value written in the node's own layout. */
export function replaceNode(text: string, node: JsonNode, value: unknown, style: JsonStyle): string {
  return text.slice(0, node.start) + renderLike(text, node, value, style) + text.slice(node.end);
}

/** Inserts a value into an array at `index`, laid out like the items already there. */
export function insertItem(text: string, array: JsonArray, index: number, value: unknown, style: JsonStyle): string {
  const { items } = array;
  if (items.length === 0) {
    const outer = lineIndent(text, array.start);
    const inner = outer + style.indent;
    const rendered = `[${style.newline}${inner}${block(value, inner, style)}${style.newline}${outer}]`;
    return text.slice(0, array.start) + rendered + text.slice(array.end);
  }
  const like = items[Math.max(0, index - 1)]!;
  const rendered = renderLike(text, like, value, style);
  const separator =
    items.length >= 2
      ? text.slice(items[0]!.end, items[1]!.start)
      : text.slice(array.start + 1, items[0]!.start).includes("\n")
        ? `,${style.newline}${lineIndent(text, items[0]!.start)}`
        : ", ";
  if (index === 0) return text.slice(0, items[0]!.start) + rendered + separator + text.slice(items[0]!.start);
  const after = items[Math.min(index, items.length) - 1]!;
  return text.slice(0, after.end) + separator + rendered + text.slice(after.end);
}
