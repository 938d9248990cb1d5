import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkPageWeight, heaviestPages } from "../../../tools/gates/page-weight.ts";
import { formatGateProblems } from "../../../src/lib/published-problem.ts";

const dir = mkdtempSync(join(tmpdir(), "page-weight-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Text that gzip cannot shrink much: a page of distinct pseudo-random words. */
function noisyPage(kb: number): string {
  let seed = 7;
  const words: string[] = [];
  let length = 0;
  while (length < kb * 1024) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const word = seed.toString(36);
    words.push(word);
    length += word.length + 1;
  }
  return `<!doctype html><p>${words.join(" ")}</p>`;
}

mkdirSync(join(dir, "changes"), { recursive: true });
writeFileSync(join(dir, "index.html"), `<!doctype html><p>${"A short page. ".repeat(20)}</p>`);
// Repetitive text far over 150 KB raw that compresses well under it: not too heavy.
writeFileSync(join(dir, "log.html"), `<!doctype html><ol>${"<li>Minute 19: noted.</li>".repeat(20_000)}</ol>`);
writeFileSync(join(dir, "changes/index.html"), noisyPage(260));

describe("the page weight gate", () => {
  it("names a page over 150 KB gzipped, with its weight, and passes one that compresses under it", () => {
    expect(formatGateProblems(checkPageWeight(dir, ["index.html", "log.html", "changes/index.html"]))).toEqual([
      expect.stringMatching(
        /^\/changes\/ — the page is 1\d\d\.\d KB gzipped \(260\.\d KB raw\), over the 150\.0 KB a phone on a slow connection should fetch; split it into pages \(changes\/index\.html\)$/,
      ),
    ]);
  });
  it("lists the heaviest pages by gzipped size", () => {
    const heaviest = heaviestPages(dir, ["index.html", "log.html", "changes/index.html"], { top: 3 });
    expect(heaviest.map((p) => p.file)).toEqual(["changes/index.html", "log.html", "index.html"]);
    expect(heaviest[1]!.raw).toBeGreaterThan(150 * 1024);
    expect(heaviest[1]!.gzip).toBeLessThan(150 * 1024);
  });
});
