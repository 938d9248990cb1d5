/**
 * Pagefind (1.6) names each index chunk in its metadata by a first and a last word, shortened
 * against the neighbouring chunk's: a chunk ending with "annual", followed by one starting with
 * "another", is stored as ending at "ann". A search loads a word's chunk directly only if the word
 * lies between those bounds, and "annual" > "ann"; otherwise it falls back to loading every chunk
 * whose shortened bounds share the word's first letters, which here includes the chunk of the word
 * "a" (177 KB at the largest synthetic preset). A word with more positions than a chunk holds always
 * ends its chunk, so the commonest words were the ones sent down the costly path.
 *
 * `widenChunkBounds` lengthens each chunk's last bound to its real last word. The bound still sorts
 * below the next chunk's first (that one differs from it at the shortened length), so no word moves
 * chunk; every indexed word is now found in its own chunk. The metadata is CBOR (RFC 8949) of
 * integers, strings and arrays (and its index chunks negative integers too), gzipped behind a "pagefind_dcd" signature; `decodeCbor` and
 * `encodeCbor` cover exactly that and refuse anything else, so a changed format fails loudly.
 */
import { gunzipSync, gzipSync } from "node:zlib";

export type Cbor = number | string | readonly Cbor[];

const SIGNATURE = "pagefind_dcd";

/** Decodes one CBOR item of integers, text strings and definite-length arrays. */
export function decodeCbor(bytes: Uint8Array): Cbor {
  let at = 0;
  const text = new TextDecoder("utf-8", { fatal: true });
  const item = (): Cbor => {
    if (at >= bytes.length) throw new Error("CBOR: unexpected end");
    const head = bytes[at++]!;
    const major = head >> 5;
    const info = head & 31;
    let n: number;
    if (info < 24) n = info;
    else if (info <= 27) {
      const size = 1 << (info - 24);
      if (at + size > bytes.length) throw new Error("CBOR: unexpected end");
      n = 0;
      for (let i = 0; i < size; i++) n = n * 256 + bytes[at++]!;
      if (!Number.isSafeInteger(n)) throw new Error("CBOR: integer too large");
    } else throw new Error(`CBOR: unsupported length encoding ${info}`);
    switch (major) {
      case 0:
        return n;
      case 1:
        return -1 - n;
      case 3: {
        if (at + n > bytes.length) throw new Error("CBOR: unexpected end");
        const s = text.decode(bytes.subarray(at, at + n));
        at += n;
        return s;
      }
      case 4: {
        const out: Cbor[] = [];
        for (let i = 0; i < n; i++) out.push(item());
        return out;
      }
      default:
        throw new Error(`CBOR: unsupported major type ${major}`);
    }
  };
  const value = item();
  if (at !== bytes.length) throw new Error("CBOR: trailing bytes");
  return value;
}

/** Encodes as `decodeCbor` decodes, in the shortest form (as Pagefind's encoder writes). */
export function encodeCbor(value: Cbor): Uint8Array {
  const out: number[] = [];
  const head = (major: number, n: number) => {
    if (n < 24) out.push((major << 5) | n);
    else {
      const size = n < 2 ** 8 ? 1 : n < 2 ** 16 ? 2 : n < 2 ** 32 ? 4 : 8;
      out.push((major << 5) | (24 + Math.log2(size)));
      for (let i = size - 1; i >= 0; i--) out.push(Math.floor(n / 2 ** (8 * i)) % 256);
    }
  };
  const item = (v: Cbor) => {
    if (typeof v === "number") {
      if (!Number.isSafeInteger(v)) throw new Error(`CBOR: cannot encode ${v}`);
      if (v < 0) head(1, -1 - v);
      else head(0, v);
    } else if (typeof v === "string") {
      const b = new TextEncoder().encode(v);
      head(3, b.length);
      out.push(...b);
    } else {
      head(4, v.length);
      v.forEach(item);
    }
  };
  item(value);
  return Uint8Array.from(out);
}

/** A Pagefind file's CBOR: gunzipped, after its signature. */
export function readPagefindFile(gz: Uint8Array): Cbor {
  const raw = gunzipSync(gz);
  if (raw.subarray(0, SIGNATURE.length).toString("latin1") !== SIGNATURE)
    throw new Error("not a Pagefind file (no signature)");
  return decodeCbor(raw.subarray(SIGNATURE.length));
}

export function writePagefindFile(value: Cbor): Uint8Array {
  return gzipSync(Buffer.concat([Buffer.from(SIGNATURE, "latin1"), encodeCbor(value)]));
}

const isList = (v: Cbor | undefined): v is readonly Cbor[] => Array.isArray(v);

/**
 * The metadata with each chunk's last bound set to its last word, where that sorts higher
 * (`lastWord` reads a chunk by its hash). Metadata: [version, pages, chunks, …], a chunk
 * [from, to, hash]; a chunk file: [[word, pages, variants], …].
 */
export function widenChunkBounds(meta: Cbor, lastWord: (hash: string) => string): { meta: Cbor; widened: number } {
  const chunks = isList(meta) ? meta[2] : undefined;
  if (!isList(meta) || !isList(chunks)) throw new Error("Pagefind metadata: no chunk list where expected");
  let widened = 0;
  const out = chunks.map((c) => {
    if (!isList(c) || typeof c[0] !== "string" || typeof c[1] !== "string" || typeof c[2] !== "string")
      throw new Error("Pagefind metadata: a chunk is not [from, to, hash]");
    const last = lastWord(c[2]);
    if (last <= c[1]) return c;
    widened++;
    return [c[0], last, c[2], ...c.slice(3)];
  });
  return { meta: [...meta.slice(0, 2), out, ...meta.slice(3)], widened };
}

/** The last word of a decoded chunk file. */
export function chunkLastWord(chunk: Cbor): string {
  const words = isList(chunk) ? chunk[0] : undefined;
  const last = isList(words) ? words.at(-1) : undefined;
  if (!isList(last) || typeof last[0] !== "string") throw new Error("Pagefind index chunk: no words where expected");
  return last[0];
}
