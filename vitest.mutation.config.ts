import { defineConfig } from "vitest/config";

// The unit tests StrykerJS runs against each mutant of the modules named in stryker.config.mjs:
// plain Vite (no Astro plugins) and only the files that exercise those modules, so a run fits a 2-core machine.
export default defineConfig({
  test: {
    include: [
      "tests/unit/period.test.ts",
      "tests/unit/changes.test.ts",
      "tests/unit/version-diff.test.ts",
      "tests/unit/kpi-status.test.ts",
      "tests/unit/kpi-boundaries.test.ts",
      "tests/unit/kpi-verdict.test.ts",
      "tests/unit/kpi-wording.test.ts",
      "tests/unit/impossible-figures.test.ts",
      "tests/unit/open-data.test.ts",
    ],
    env: { TZ: "UTC" },
  },
});
