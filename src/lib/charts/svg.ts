/** Small string helpers shared by the chart modules; every chart is a string of SVG. */

/** Rounds to one decimal place, the precision of every coordinate the charts write (and never `-0`). */
export function r1(n: number): number {
  const v = Math.round(n * 10) / 10;
  return v === 0 ? 0 : v;
}

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** Escapes text for use inside an element or a double-quoted attribute. */
export function esc(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ENTITIES[c]!);
}

export type Attrs = Record<string, string | number | undefined>;

/** `el("path", { d: "M0,0H9", stroke: "#000" })` → `<path d="M0,0H9" stroke="#000"/>`. Numbers are rounded; undefined attributes are left out. */
export function el(name: string, attrs: Attrs, children?: string): string {
  let out = `<${name}`;
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    out += ` ${key}="${typeof value === "number" ? r1(value) : esc(value)}"`;
  }
  return children === undefined ? `${out}/>` : `${out}>${children}</${name}>`;
}
