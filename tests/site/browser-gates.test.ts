import { beforeAll, describe, expect, it } from "vitest";
import { auditInBrowser } from "../../tools/gates/browser-audit.ts";
import { formatGateProblem, type GateProblem } from "../../src/lib/published-problem.ts";
import { builtSite } from "./built-site.ts";

/** Every page of dist/, once, in one Chromium; each test below reads its share of the findings. */
let problems: GateProblem[] = [];
beforeAll(async () => {
  const audit = await auditInBrowser({ dir: builtSite() });
  problems = audit.problems;
  console.log(`Browser gate: ${audit.pages} pages in ${(audit.ms / 1000).toFixed(1)} s`);
}, 900_000);

const KINDS: Record<string, (p: GateProblem) => boolean> = {
  axe: (p) => p.message.startsWith("axe "),
  skip: (p) => /first Tab|skip link/.test(p.message),
  focus: (p) => p.message.includes("keyboard focus"),
  reflow: (p) => p.message.includes("320 CSS px"),
  lang: (p) => p.message.startsWith("<html lang>"),
  charts: (p) => p.message.startsWith("chart "),
  privacy: (p) => p.gate === "privacy",
};
const found = (kind: string): string[] => problems.filter(KINDS[kind]!).map(formatGateProblem).sort();

describe("every page, in Chromium", () => {
  it("has no axe-core violation of WCAG 2.0, 2.1 or 2.2 A or AA", () => expect(found("axe")).toEqual([]));
  it("focuses the skip link on the first Tab press", () => expect(found("skip")).toEqual([]));
  it("shows where keyboard focus is on every focusable element", () => expect(found("focus")).toEqual([]));
  it("does not scroll sideways at 320 CSS px", () => expect(found("reflow")).toEqual([]));
  it('is marked lang="en-GB"', () => expect(found("lang")).toEqual([]));
  it("gives every chart an accessible name and a table with the same numbers", () =>
    expect(found("charts")).toEqual([]));
  it("makes no request to another website, sets no cookie, stores nothing and breaks no CSP rule", () =>
    expect(found("privacy")).toEqual([]));
  it("loads without script errors or failed requests", () => {
    const rest = problems.filter((p) => !Object.values(KINDS).some((is) => is(p)));
    expect(rest.map(formatGateProblem).sort()).toEqual([]);
  });
});
