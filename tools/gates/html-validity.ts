import { readFileSync } from "node:fs";
import { join } from "node:path";
import { HtmlValidate, StaticConfigLoader, type ConfigData } from "html-validate";
import type { GateProblem } from "../../src/lib/published-problem.ts";
import { urlForFile } from "./site-files.ts";

/**
 * Reads `.htmlvalidate.json`. JSON has no comments, so each rule it tunes away from
 * `html-validate:recommended` + `html-validate:a11y` is explained here:
 *
 * - `require-sri` is limited to cross-origin resources: every script and stylesheet is
 *   served from the site's own origin (the privacy gate proves it), where integrity
 *   hashes protect nothing, and Astro does not emit them.
 * - `valid-id` is `relaxed`, which is what HTML itself requires (not empty, no spaces): ids
 *   are slugs of officers' terms and cited in agendas (`/glossary/#20-week-timescale`); the
 *   strict form, starting with a letter, serves CSS selectors, which never address them.
 */
export function loadValidatorConfig(file: string): ConfigData {
  return JSON.parse(readFileSync(file, "utf8")) as ConfigData;
}

/** Validates each page with html-validate; every message becomes one problem, with line and column. */
export async function validateHtml(options: {
  dir: string;
  /** `.html` files relative to `dir`. */
  pages: Iterable<string>;
  config: ConfigData;
}): Promise<GateProblem[]> {
  const validator = new HtmlValidate(new StaticConfigLoader(options.config));
  const problems: GateProblem[] = [];
  for (const file of options.pages) {
    const report = await validator.validateString(readFileSync(join(options.dir, file), "utf8"), file);
    for (const result of report.results) {
      for (const m of result.messages) {
        problems.push({
          gate: "html",
          page: urlForFile(file),
          where: `${file}:${m.line}:${m.column}`,
          message: `${m.ruleId}: ${m.message}${m.selector ? ` at ${m.selector}` : ""}`,
        });
      }
    }
  }
  return problems;
}
