/**
 * Measures the fixes docs/performance.md proposes without touching `src/`: copies this
 * checkout to a scratch folder (node_modules linked, not copied), applies each fix there
 * as a small wrapping edit, and prints how to benchmark the copy:
 *
 *   node bench/experiments/proposed-fixes.ts --out /tmp/portal-fixed [--only format,changes]
 *   npm run bench -- --project /tmp/portal-fixed --name fixed
 *
 * Each fix renames the slow function and wraps it, so it keeps working while the code
 * around it changes; a fix whose anchor text has gone (applied already, or rewritten) is
 * skipped and says so.
 */
import { cpSync, existsSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";

interface Fix {
  readonly id: string;
  readonly what: string;
  readonly edits: readonly { file: string; find: string; replace: string; append?: string }[];
}

export const FIXES: readonly Fix[] = [
  {
    id: "json-once",
    what: "KPI JSON files are parsed twice, the second time by the YAML parser only to find line numbers; do that only when a problem needs one",
    edits: [
      {
        file: "src/lib/content/source.ts",
        find: "  }\n  return parseYaml(file, text, 0);\n}",
        replace: "  }\n  return lazilyLocated(file, text);\n}",
        append: `
/** JSON.parse gives the data; the YAML parse that maps a field to its line runs the first time a problem needs one. */
function lazilyLocated(file: string, text: string): ParseResult {
  let located: ParseResult | undefined;
  const data: unknown = JSON.parse(text);
  const locate = (path: Path) => {
    located ??= parseYaml(file, text, 0);
    return located.ok ? located.source.locate(path) : undefined;
  };
  return { ok: true, source: { file, data, locate } };
}
`,
      },
    ],
  },
];

const SKIP = new Set(["node_modules", ".git", "dist", ".astro", ".vitest", ".bench-dist"]);

export function makeFixedCopy(options: { from: string; out: string; only?: readonly string[] }): string[] {
  const { from, out } = options;
  const inside = relative(from, out);
  if (!inside.startsWith("..") && !inside.startsWith("bench/.work"))
    throw new Error(`${out} is inside ${from}: use a folder outside it, or under bench/.work/`);
  rmSync(out, { recursive: true, force: true });
  cpSync(from, out, {
    recursive: true,
    filter: (src) => {
      const rel = relative(from, src);
      return !SKIP.has(rel.split("/")[0]!) && !rel.startsWith("bench/.work");
    },
  });
  symlinkSync(join(from, "node_modules"), join(out, "node_modules"));
  const applied: string[] = [];
  for (const fix of FIXES) {
    if (options.only && !options.only.includes(fix.id)) continue;
    const texts = new Map<string, string>();
    const missing = fix.edits.find((edit) => {
      const file = join(out, edit.file);
      const text = texts.get(edit.file) ?? (existsSync(file) ? readFileSync(file, "utf8") : "");
      texts.set(edit.file, text);
      return !text.includes(edit.find);
    });
    if (missing) {
      applied.push(
        `${fix.id}: NOT APPLIED: "${missing.find.trim()}" is not in ${missing.file} (fixed already, or rewritten)`,
      );
      continue;
    }
    for (const edit of fix.edits) {
      const text = texts.get(edit.file)!;
      texts.set(edit.file, text.replace(edit.find, edit.replace) + (edit.append ?? ""));
    }
    for (const [file, text] of texts) writeFileSync(join(out, file), text);
    applied.push(`${fix.id}: ${fix.what}`);
  }
  return applied;
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { out: { type: "string" }, only: { type: "string" } } });
  if (!values.out) throw new Error("give --out DIR, a scratch folder outside this checkout's src/");
  const repo = resolve(import.meta.dirname, "../..");
  const out = resolve(values.out);
  const applied = makeFixedCopy({ from: repo, out, ...(values.only ? { only: values.only.split(",") } : {}) });
  console.log(`Copied ${repo} to ${out}:\n${applied.map((a) => `  - ${a}`).join("\n")}`);
  console.log(`Benchmark it: npm run bench -- --project ${out} --name fixed`);
}
