/**
 * YAML is read by js-yaml where it is plain enough that js-yaml and yaml read it alike, and by yaml
 * otherwise (src/lib/content/source.ts). Whichever reads it, an officer's file must give the same
 * data, the same refusal and the same line numbers as yaml alone did.
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { parseMarkdownFile, parseYamlFile } from "../../src/lib/content/source.ts";

/** What yaml alone makes of the text: its data, or that it refuses it. */
function byYaml(text: string): { ok: true; data: unknown } | { ok: false } {
  try {
    const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
    return doc.errors.length ? { ok: false } : { ok: true, data: doc.toJS({ maxAliasCount: 0 }) };
  } catch {
    return { ok: false };
  }
}

const CASES = [
  // numbers, booleans and nulls of the YAML 1.2 core schema, and look-alikes that stay text
  "a: 0o17\nb: 0x1F\nc: 012\nd: +12\ne: -0\nf: 1e3\ng: .5\nh: 5.\ni: .inf\nj: -.Inf\nk: .NaN",
  "a: 0b101\nb: 1_000\nc: yes\nd: on\ne: 2023-01-01\nf: 0xfg\ng: 9007199254740993",
  "a: ~\nb: Null\nc: TRUE\nd: false\ne:\nf: ''",
  // tags, directives, anchors and aliases
  "a: !!float 1",
  "a: !!str 12\nb: !!int '12'",
  "a: !!binary aGVsbG8=",
  "a: !!set {x}",
  "a: !custom x",
  "%YAML 1.1\n---\na: yes",
  "%TAG !e! tag:example.com,2000:\n---\na: !e!x 1",
  "a: &x 1\nb: *x",
  "a: &x 1",
  "a: *x",
  "<<: {a: 1}",
  // keys
  "a: 1\na: 2",
  "1: a\n'1': b",
  "~: x",
  "null: 1\ntrue: 2",
  "? [a, b]\n: c",
  "{a: 1}: b",
  "'it''s': 1\n\"x y\": 2",
  `${"k".repeat(1100)}: v`,
  `'${"k".repeat(1100)}': v`,
  "a: {b: 1, b: 2}",
  // strings and structure
  "a: 'it''s'\nb: \"\\/\\x41\\u00e9\\N\\_\"\nc: |\n  x\n  y\nd: >-\n  x\n  y\n",
  "a: x\n y\nb: 'x\n  y'",
  "a: 1 # c\nb: x#c\nc: 'x'#c",
  "a:\tb",
  "\ta: 1",
  "a: b: c",
  "a: [1, 2",
  "a: @x",
  "a: `x",
  "a: b\n---\nc: d",
  "---\na: 1\n...\n",
  "a:\n  b: 1\n c: 2",
  "a: b\n  c: d",
  "- a\n- b",
  "a:\n- b\n- c: [d, {e: f}]",
  "# only a comment",
];

describe("YAML content files", () => {
  const named = CASES.map((text) => [text.length > 60 ? `${text.slice(0, 60)}…` : text, text]);
  it.each(named)("read alike by either parser: %j", (_name, text) => {
    const expected = byYaml(text);
    const result = parseYamlFile("content/x.yaml", text);
    expect(result.ok).toBe(expected.ok);
    if (result.ok && expected.ok) expect(result.source.data).toStrictEqual(expected.data);
  });

  it("refuses aliases with the portal's own message", () => {
    const result = parseYamlFile("content/x.yaml", "a: &x 1\nb: *x\n");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.message).toBe("YAML anchors and aliases (&name, *name) are not allowed");
  });

  it("points at a field's line in a file read quickly, front matter included", () => {
    const yaml = parseYamlFile("content/x.yaml", "title: A\nareas:\n  - id: one\n    title: B\n");
    expect(yaml.ok && yaml.source.locate(["areas", 0, "title"])).toBe(4);
    const md = parseMarkdownFile("content/x.md", "---\ntitle: A\nsummary: B\n---\n\nBody\n");
    expect(md.ok && md.source.locate(["summary"])).toBe(3);
  });
});
