import { describe, expect, it } from "vitest";
import { decodeUtf8, firstInvalidUtf8Byte } from "../../src/lib/content/characters.ts";
import { findRefusedCharacter } from "../../src/schemas/index.ts";

const bytes = (...b: number[]) => Uint8Array.from(b);

describe("firstInvalidUtf8Byte", () => {
  it("accepts ASCII and two-, three- and four-byte characters", () => {
    expect(firstInvalidUtf8Byte(new TextEncoder().encode("£ é – 👨‍👩‍👧"))).toBe(-1);
  });
  it("points at a Latin-1 byte where a character should start", () => {
    expect(firstInvalidUtf8Byte(bytes(0x43, 0x61, 0x66, 0xe9, 0x0a))).toBe(3);
  });
  it("refuses overlong forms, surrogates and code points above U+10FFFF", () => {
    expect(firstInvalidUtf8Byte(bytes(0x41, 0xc0, 0xaf))).toBe(1);
    expect(firstInvalidUtf8Byte(bytes(0xe0, 0x80, 0xaf))).toBe(0);
    expect(firstInvalidUtf8Byte(bytes(0xed, 0xa0, 0x80))).toBe(0);
    expect(firstInvalidUtf8Byte(bytes(0xf4, 0x90, 0x80, 0x80))).toBe(0);
  });
  it("points at a character cut off by the end of the file", () => {
    expect(firstInvalidUtf8Byte(bytes(0x41, 0xe2, 0x82))).toBe(1);
  });
});

describe("decodeUtf8", () => {
  it("says where the file ends in the middle of a character", () => {
    const result = decodeUtf8(bytes(0x41, 0x0a, 0xe2, 0x82), "content/site.yml");
    expect(result.ok ? undefined : [result.problem.line, result.problem.message]).toEqual([
      2,
      "this file is not saved as UTF-8: the byte 0xE2 at byte offset 2 is not part of a UTF-8 character, so characters such as £, é or curly quotes would be garbled",
    ]);
  });
});

describe("findRefusedCharacter", () => {
  it("counts columns in characters, so an emoji before the problem counts once", () => {
    expect(findRefusedCharacter("😀\u0007", false)).toMatchObject({ line: 1, column: 2 });
  });
  it("allows the left-to-right and right-to-left marks", () => {
    expect(findRefusedCharacter("abc\u200E\u200F", false)).toBeUndefined();
  });
  it("refuses a lone surrogate and a noncharacter", () => {
    expect(findRefusedCharacter("a\uD800b", true)?.what).toBe("a broken character (U+D800)");
    expect(findRefusedCharacter("a\uFFFE", true)?.what).toBe("a broken character (U+FFFE)");
  });

  it("refuses exactly the control, bidirectional-control and broken characters, and line breaks and tabs on one line, in every plane", () => {
    const refused = (code: number, multiline: boolean) =>
      code <= 0x1f
        ? !(multiline && (code === 0x0a || code === 0x09))
        : (code >= 0x7f && code <= 0x9f) ||
          code === 0x2028 ||
          code === 0x2029 ||
          (code >= 0x202a && code <= 0x202e) ||
          (code >= 0x2066 && code <= 0x2069) ||
          (code >= 0xd800 && code <= 0xdfff) ||
          code === 0xfffe ||
          code === 0xffff;
    const wrong: string[] = [];
    for (let code = 0; code <= 0x10ffff; code++)
      for (const multiline of [false, true])
        if (Boolean(findRefusedCharacter(`a${String.fromCodePoint(code)}b`, multiline)) !== refused(code, multiline))
          wrong.push(`U+${code.toString(16)}${multiline ? " (multiline)" : ""}`);
    expect(wrong).toEqual([]);
  });
});
