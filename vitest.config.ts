import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
        },
      },
      {
        test: {
          name: "site",
          include: ["tests/build/**/*.test.ts", "tests/journeys/**/*.test.ts", "tests/site/**/*.test.ts"],
          // Browser and whole-site checks share one built dist/ and one Chromium.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
