import { describe, expect, it } from "vitest";
import {
  chunkLastWord,
  decodeCbor,
  encodeCbor,
  readPagefindFile,
  widenChunkBounds,
  writePagefindFile,
  type Cbor,
} from "../../src/lib/search-chunk-bounds.ts";

describe("Pagefind's CBOR", () => {
  it("reads back what it writes: integers of every width, negative ones, text in any script, nested lists", () => {
    const value: Cbor = [
      "1.6.0",
      [0, 23, 24, 255, 256, 65_535, 65_536, 2 ** 32, -1, -25, -300],
      ["annual…", "café", "👍"],
      [],
    ];
    expect(decodeCbor(encodeCbor(value))).toEqual(value);
    expect(readPagefindFile(writePagefindFile(value))).toEqual(value);
  });

  it("writes the shortest form, as Pagefind does", () => {
    expect([...encodeCbor([23, 24, "a"])]).toEqual([0x83, 0x17, 0x18, 0x18, 0x61, 0x61]);
  });

  it("refuses what Pagefind's metadata never holds, so a changed format fails loudly", () => {
    expect(() => decodeCbor(Uint8Array.from([0xf5]))).toThrow(/unsupported/); // true
    expect(() => decodeCbor(Uint8Array.from([0x9f, 0xff]))).toThrow(/unsupported/); // indefinite list
    expect(() => decodeCbor(Uint8Array.from([0x01, 0x02]))).toThrow(/trailing/);
    expect(() => readPagefindFile(writePagefindFile([]).subarray(0, 5))).toThrow();
  });
});

describe("widenChunkBounds", () => {
  const words: Record<string, string> = { h1: "and", h2: "annual", h3: "appeal" };
  const meta: Cbor = [
    "1.6.0",
    [["en_p1", 10]],
    [
      ["0", "and", "h1"],
      ["ani", "ann", "h2"],
      ["ano", "appeal", "h3"],
    ],
    [],
  ];

  it("ends a chunk at its last word, so a search for 'annual' loads that chunk alone", () => {
    const { meta: out, widened } = widenChunkBounds(meta, (h) => words[h]!);
    expect(widened).toBe(1);
    expect(out).toEqual([
      "1.6.0",
      [["en_p1", 10]],
      [
        ["0", "and", "h1"],
        ["ani", "annual", "h2"],
        ["ano", "appeal", "h3"],
      ],
      [],
    ]);
  });

  it("reads a chunk's last word", () => {
    expect(
      chunkLastWord([
        [
          ["ani", [[1, [-25, 3]]], []],
          ["annual", [[2, [5]]], []],
        ],
      ]),
    ).toBe("annual");
  });

  it("refuses metadata of another shape", () => {
    expect(() => widenChunkBounds(["1.6.0", []], () => "x")).toThrow(/chunk list/);
    expect(() => widenChunkBounds(["1.6.0", [], [["a", "b"]]], () => "x")).toThrow(/from, to, hash/);
  });
});
