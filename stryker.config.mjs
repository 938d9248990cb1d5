// Mutation testing of the modules whose mistakes publish a wrong verdict or a wrong figure.
// Run with `npm run test:mutation` (a few minutes on 2 cores); figures and surviving mutants: docs/testing.md.
export default {
  testRunner: "vitest",
  // Threads start faster than forks; these tests share no process state.
  vitest: { configFile: "vitest.mutation.config.ts", related: false, pool: "threads" },
  plugins: ["@stryker-mutator/vitest-runner"],
  mutate: [
    "src/lib/kpi-status.ts",
    "src/lib/kpi-verdict.ts",
    "src/lib/kpi-history.ts",
    "src/lib/content/plausibility.ts",
    "src/schemas/period.ts",
    "src/lib/changes.ts",
    "src/lib/open-data.ts",
  ],
  checkers: [],
  concurrency: 2,
  coverageAnalysis: "perTest",
  reporters: ["clear-text", "progress", "html"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  tempDirName: ".stryker-tmp",
  incremental: false,
  timeoutMS: 3_000,
  thresholds: { high: 90, low: 80, break: null },
};
