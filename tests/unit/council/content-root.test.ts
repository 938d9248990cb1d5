import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ContentRootError, contentRoot } from "../../../src/lib/content-root.ts";
import { projectFiles, readLock } from "../../../tools/gates/project.ts";

const base = mkdtempSync(join(tmpdir(), "content-root-"));
mkdirSync(join(base, "ours"));
writeFileSync(join(base, "a-file"), "");
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe("contentRoot", () => {
  it("is the folder the command runs in when PORTAL_DIR is not set", () => {
    expect(contentRoot({}, base)).toBe(base);
  });

  it("takes a relative PORTAL_DIR from the folder the command was typed in, not the repository", () => {
    expect(contentRoot({ PORTAL_DIR: "ours", INIT_CWD: base }, "/somewhere/else")).toBe(join(base, "ours"));
  });

  it("says so when PORTAL_DIR is set but empty", () => {
    expect(() => contentRoot({ PORTAL_DIR: " " }, base)).toThrow(
      new ContentRootError(
        "PORTAL_DIR is set but empty. Set it to the folder holding your content/ and data/ folders (e.g. PORTAL_DIR=../our-portal npm run check), or unset it to use this repository's sample content.",
      ),
    );
  });

  it("says so when PORTAL_DIR names a folder that does not exist, and how to start one", () => {
    expect(() => contentRoot({ PORTAL_DIR: "missing", INIT_CWD: base }, base)).toThrow(
      `PORTAL_DIR=missing does not exist (looked for ${join(base, "missing")}). Check the path, or start a new content folder with npm run new -- portal missing.`,
    );
  });

  it("says so when PORTAL_DIR names a file", () => {
    expect(() => contentRoot({ PORTAL_DIR: join(base, "a-file") }, base)).toThrow(/is a file, not a folder/);
  });
});

describe("where a content root's gates look", () => {
  it("reads urls.lock beside the content, not beside the code", () => {
    const root = join(base, "ours");
    writeFileSync(join(root, "urls.lock"), "/\n/about/\n");
    const previous = process.env["PORTAL_DIR"];
    process.env["PORTAL_DIR"] = root;
    try {
      const files = projectFiles("/the/code");
      expect(files).toEqual({ root: "/the/code", contentRoot: root });
      expect(readLock(files)).toEqual({ urls: ["/", "/about/"], problems: [], exists: true });
    } finally {
      if (previous === undefined) delete process.env["PORTAL_DIR"];
      else process.env["PORTAL_DIR"] = previous;
    }
  });
});
