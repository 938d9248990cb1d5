import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { trimPolicyHashes } from "../../src/lib/page-csp.ts";

const hash = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
const RUN = "document.body.dataset.js = '1';";
const OTHER = "console.log('another page');";
const CSS = "p{color:red}";
const page = (body: string) =>
  `<!doctype html><html lang="en-GB"><head><meta http-equiv="content-security-policy" content="default-src 'self';object-src 'none'; script-src 'self' 'wasm-unsafe-eval' ${hash(RUN)} ${hash(OTHER)}; style-src 'self' ${hash(CSS)} ${hash("")};"><title>t</title></head><body>${body}</body></html>`;
const policyOf = (html: string) => /content-security-policy" content="([^"]*)"/.exec(html)?.[1];

describe("trimPolicyHashes", () => {
  it("keeps only the hashes of the page's own inline scripts and styles", () => {
    expect(policyOf(trimPolicyHashes(page(`<script type="module">${RUN}</script><style>${CSS}</style>`)))).toBe(
      `default-src 'self';object-src 'none'; script-src 'self' 'wasm-unsafe-eval' ${hash(RUN)}; style-src 'self' ${hash(CSS)};`,
    );
  });

  it("leaves a page with no inline script or style only its own origin", () => {
    expect(policyOf(trimPolicyHashes(page("<p>Text</p>")))).toBe(
      "default-src 'self';object-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self';",
    );
  });

  it("needs no hash for a JSON-LD data block or an external script", () => {
    const html = `<script type="application/ld+json">${RUN}</script><script type="module" src="/_astro/x.js"></script>`;
    expect(policyOf(trimPolicyHashes(page(html)))).toBe(
      "default-src 'self';object-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self';",
    );
  });

  it("is not fooled by script text shown on the page as words", () => {
    expect(policyOf(trimPolicyHashes(page(`<p>&lt;script&gt;${RUN}&lt;/script&gt;</p>`)))).toBe(
      "default-src 'self';object-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self';",
    );
  });

  it("leaves a page without a policy unchanged", () => {
    expect(trimPolicyHashes("<p>No policy</p>")).toBe("<p>No policy</p>");
  });
});
