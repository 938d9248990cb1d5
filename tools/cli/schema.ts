/** `npm run schema`: writes schema/*.schema.json from the zod schemas, for editors' autocomplete. */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SCHEMA_FILES, jsonSchemaText } from "../../src/lib/json-schema.ts";

const dir = join(process.cwd(), "schema");
mkdirSync(dir, { recursive: true });
for (const file of SCHEMA_FILES) writeFileSync(join(dir, file.name), jsonSchemaText(file));
console.log(`Wrote ${SCHEMA_FILES.length} schemas to ${dir}`);
