/**
 * What the content collections keep between builds (src/lib/content/collections.ts): a file whose
 * text is unchanged is not read again, while a changed file, and every cross-file check, gives the
 * same located problems as a load from scratch.
 */
import { createHash } from "node:crypto";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPortal, type FileCache, type KeptFile } from "../../src/lib/content/load.ts";
import { formatProblem, sortProblems } from "../../src/lib/content/problems.ts";
import { replaceIn, withFixture } from "../helpers/content-root.ts";

const KPI = "data/kpis/waits.json";
const COMMITTEE = "content/committees/example-board.yml";

/** A cache like the content store: what a load with no problems read, by file and digest. */
function memoryCache(): FileCache & { keep(root: string): ReturnType<typeof loadPortal> } {
  const kept = new Map<string, { digest: string; kept: KeptFile }>();
  const cache: FileCache = {
    digest: (text) => createHash("sha256").update(text).digest("hex"),
    get: (file, digest) => (kept.get(file)?.digest === digest ? kept.get(file)?.kept : undefined),
  };
  return {
    ...cache,
    keep(root) {
      const result = loadPortal(root, { cache });
      if (result.ok) for (const [file, f] of result.files) kept.set(file, f);
      return result;
    },
  };
}

const formatted = (result: ReturnType<typeof loadPortal>): string[] =>
  result.ok ? [] : sortProblems(result.problems).map(formatProblem);

describe("a load that keeps unchanged files", () => {
  it("reads every file the first time, and none of the unchanged ones the next, with the same portal", () => {
    withFixture(
      () => {},
      (root) => {
        const cache = memoryCache();
        const first = cache.keep(root);
        const second = cache.keep(root);
        if (!first.ok || !second.ok) throw new Error("the fixture should load");
        expect([...first.files.values()].filter((f) => f.reused)).toEqual([]);
        expect([...second.files.values()].filter((f) => !f.reused)).toEqual([]);
        expect(second.portal).toEqual(first.portal);
      },
    );
  });

  it("reads a changed file again and reports its problem, located, as a load from scratch does", () => {
    withFixture(
      () => {},
      (root) => {
        const cache = memoryCache();
        cache.keep(root);
        replaceIn(root, KPI, '"unit": "weeks"', '"unit": "wks"');
        const again = cache.keep(root);
        expect(formatted(again)).toEqual(formatted(loadPortal(root)));
        expect(formatted(again).join("\n")).toContain(`${KPI}:`);
      },
    );
  });

  it("still locates a cross-file problem in a file it did not read again", () => {
    withFixture(
      () => {},
      (root) => {
        const cache = memoryCache();
        cache.keep(root);
        rmSync(join(root, COMMITTEE)); // the meeting, unchanged, now names a committee that is gone
        const again = cache.keep(root);
        const fresh = formatted(loadPortal(root));
        expect(fresh.some((p) => /^content\/meetings\/board-2019-12-10\.md:\d+ — committee/.test(p))).toBe(true);
        expect(formatted(again)).toEqual(fresh);
      },
    );
  });
});

describe("text Astro's content store would treat as an image to import", () => {
  it("is refused, located", () => {
    withFixture(
      (root) => replaceIn(root, COMMITTEE, /^name: .*$/m, 'name: "__ASTRO_IMAGE_../../../etc/passwd"'),
      (root) => {
        expect(formatted(loadPortal(root))).toEqual([
          `${COMMITTEE}:1 — name: text may not start with __ASTRO_IMAGE_: the site builder would read it as an image file to include. Reword it so it starts otherwise`,
        ]);
      },
    );
  });
});
