import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadValidatorConfig, validateHtml } from "../../../tools/gates/html-validity.ts";
import { formatGateProblems } from "../../../src/lib/published-problem.ts";
import { fixture } from "../../helpers/gate-fixture.ts";

const config = loadValidatorConfig(fileURLToPath(new URL("../../../.htmlvalidate.json", import.meta.url)));
const htmlProblems = async (name: string): Promise<string[]> =>
  formatGateProblems(await validateHtml({ dir: fixture(name), pages: ["index.html"], config }));

describe("the valid HTML gate", () => {
  it("passes a valid page", async () => {
    expect(await htmlProblems("good")).toEqual([]);
  });

  it("names the page, line and rule of every error in invalid HTML", async () => {
    expect(await htmlProblems("invalid-html")).toEqual([
      "/ — close-order: Stray end tag '</p>' (index.html:20:62)",
      "/ — close-order: Stray end tag '</span>' (index.html:21:28)",
      '/ — no-dup-id: Duplicate ID "intro" at #main > p:nth-child(4) (index.html:21:14)',
      "/ — no-implicit-close: Element <p> is implicitly closed by adjacent <div> at #main > p:nth-child(2) (index.html:20:8)",
    ]);
  });

  it("reports an image without alt text", async () => {
    expect(await htmlProblems("image-without-alt")).toEqual([
      '/ — wcag/h37: <img> is missing required "alt" attribute at #main > img (index.html:21:8)',
    ]);
  });
});
