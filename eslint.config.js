// Lint: the recommended rules of ESLint, typescript-eslint and eslint-plugin-astro, with no warnings allowed.
import js from "@eslint/js";
import astro from "eslint-plugin-astro";
import importX from "eslint-plugin-import-x";
import tseslint from "typescript-eslint";

/** A path of the URL contract (../shared/PRODUCT.md), as an esquery regular expression. */
const CONTRACT_PATH =
  "/^\\/(?:plans\\/|kpis\\/|reports\\/|meetings\\/|meetings\\.ics|decisions\\/|glossary\\/|search\\/|data\\/|changes\\/|about\\/|accessibility\\/|feed\\.xml|feeds\\/|calendars\\/|schema\\/)/";

export default [
  {
    ignores: [
      "dist/",
      ".astro/",
      "node_modules/",
      ".stryker-tmp/",
      "reports/",
      "tests/fixtures/",
      "bench/.work/",
      "bench/out/",
      "bench/**/dist/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: "readonly",
        process: "readonly",
        URL: "readonly",
        document: "readonly",
        window: "readonly",
        location: "readonly",
        history: "readonly",
        navigator: "readonly",
        setTimeout: "readonly",
        performance: "readonly",
        addEventListener: "readonly",
      },
    },
    plugins: { "import-x": importX },
    rules: {
      // Imports at the top, one statement per module (in .astro frontmatter too).
      "import-x/first": "error",
      "import-x/no-duplicates": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  {
    // The URL contract lives in src/lib/routes.ts alone: a page that builds "/kpis/…" itself can drift from it.
    files: ["src/**/*.{ts,astro}"],
    ignores: ["src/lib/routes.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: `TemplateLiteral[quasis.0.value.raw=${CONTRACT_PATH}]`,
          message: "Build this address with a function of src/lib/routes.ts.",
        },
        {
          selector: `Literal[value=${CONTRACT_PATH}]`,
          message: "Use the function of src/lib/routes.ts for this address.",
        },
      ],
    },
  },
];
