/** Characters a content file may hold: its bytes must be UTF-8, and its prose no control characters. */
import { findRefusedCharacter } from "../../schemas/index.ts";
import type { Problem } from "./problems.ts";

const strict = new TextDecoder("utf-8", { fatal: true });

/**
 * Where the first byte that does not begin a whole UTF-8 character is (RFC 3629: no
 * overlong forms, no surrogates, nothing above U+10FFFF), or -1.
 */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const [length, min, max] =
      b >= 0xc2 && b <= 0xdf
        ? [2, 0x80, 0xbf]
        : b === 0xe0
          ? [3, 0xa0, 0xbf]
          : b === 0xed
            ? [3, 0x80, 0x9f]
            : b >= 0xe1 && b <= 0xef
              ? [3, 0x80, 0xbf]
              : b === 0xf0
                ? [4, 0x90, 0xbf]
                : b === 0xf4
                  ? [4, 0x80, 0x8f]
                  : b >= 0xf1 && b <= 0xf3
                    ? [4, 0x80, 0xbf]
                    : [0, 0, 0];
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? min : 0x80) || c > (k === 1 ? max : 0xbf)) return i;
    }
    i += length;
  }
  return -1;
}

/**
 * Decodes a content file, refusing bytes that are not UTF-8 rather than replacing them
 * (a replacement would publish "�" and, in an officer command, rewrite bytes nobody changed).
 */
export function decodeUtf8(
  bytes: Uint8Array,
  file: string,
): { ok: true; text: string } | { ok: false; problem: Problem } {
  try {
    return { ok: true, text: strict.decode(bytes) };
  } catch {
    const found = firstInvalidUtf8Byte(bytes);
    const offset = found === -1 ? bytes.length : found;
    const line = bytes.subarray(0, offset).filter((b) => b === 0x0a).length + 1;
    const byte = bytes[offset];
    return {
      ok: false,
      problem: {
        file,
        line,
        message: `this file is not saved as UTF-8: ${byte === undefined ? "it ends in the middle of a character" : `the byte 0x${byte.toString(16).toUpperCase().padStart(2, "0")} at byte offset ${offset} is not part of a UTF-8 character`}, so characters such as £, é or curly quotes would be garbled`,
        fix: "Save the file with the encoding UTF-8 (in most editors: Save As, or the encoding shown in the status bar), then check the characters on this line",
      },
    };
  }
}

/** Control characters in a Markdown body, each located by line and column; tab and line feed are allowed. */
export function bodyCharacterProblems(options: { file: string; body: string; firstLine: number }): Problem[] {
  const problems: Problem[] = [];
  if (!findRefusedCharacter(options.body, true)) return problems;
  options.body.split("\n").forEach((line, i) => {
    const found = findRefusedCharacter(line, true);
    if (found)
      problems.push({
        file: options.file,
        line: options.firstLine + i,
        message: `the text contains ${found.what} at column ${found.column}`,
        fix: found.fix,
      });
  });
  return problems;
}
