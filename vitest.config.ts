/// <reference types="vitest/config" />
import { getViteConfig } from "astro/config";

// getViteConfig lets tests import .astro components (Astro's Container API).
export default getViteConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          // One module graph per worker instead of one per file: Astro's Vite plugins made imports
          // three quarters of a 31 s run. Unit tests keep no state between files (no vi.mock of shared modules).
          isolate: false,
          include: ["tests/unit/**/*.test.ts", "tests/components/**/*.test.ts"],
          // Some unit tests run an officer command as a child process, which takes seconds on a busy machine.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: "site",
          include: [
            "tests/build/**/*.test.ts",
            "tests/browser/**/*.test.ts",
            "tests/journeys/**/*.test.ts",
            "tests/site/**/*.test.ts",
          ],
          // Browser and whole-site checks share one built dist/ and one Chromium.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
