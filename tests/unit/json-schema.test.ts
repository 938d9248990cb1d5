import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SCHEMA_FILES, jsonSchemaText } from "../../src/lib/json-schema.ts";

describe("the committed JSON Schemas", () => {
  it.each(SCHEMA_FILES.map((f) => [f.name, f] as const))(
    "%s matches the zod schema (run npm run schema if not)",
    (name, file) => {
      expect(readFileSync(join(import.meta.dirname, "../../schema", name), "utf8")).toBe(jsonSchemaText(file));
    },
  );
  it("documents each KPI field for editors", () => {
    const kpi = JSON.parse(jsonSchemaText(SCHEMA_FILES.find((f) => f.name === "kpi.schema.json")!));
    expect(kpi.additionalProperties).toBe(false);
    expect(Object.keys(kpi.properties)).toContain("series");
  });
});
