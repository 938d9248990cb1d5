import type * as z from "zod";

/** Something wrong in a content file, located for the person who edits it. */
export interface Problem {
  /** Path relative to the content root, e.g. `content/reports/q1-2020/v2.md`. */
  readonly file: string;
  /** 1-based line, where it can be known. */
  readonly line?: number | undefined;
  /** The field, e.g. `actions[2].status`; absent for whole-file problems. */
  readonly field?: string | undefined;
  /** What was expected and what was found. */
  readonly message: string;
  /** How to fix it, when the message alone does not say. */
  readonly fix?: string | undefined;
}

export type Path = readonly PropertyKey[];

/** `["actions", 2, "status"]` → `actions[2].status`. */
export function formatPath(path: Path): string {
  return path
    .map((k, i) => (typeof k === "number" ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`))
    .join("");
}

/** One problem as a line: `content/x.md:7 — status: expected …; got "ontrack". Fix: …` */
export function formatProblem(p: Problem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  const what = p.field ? `${p.field}: ${p.message}` : p.message;
  return `${where} — ${what}${p.fix ? `. ${p.fix}` : ""}`;
}

/** Every problem, sorted by file and line, with a count at the end. */
export function formatProblems(problems: readonly Problem[]): string {
  const lines = sortProblems(problems).map(formatProblem);
  const n = problems.length;
  return `${lines.join("\n")}\n\n${n} problem${n === 1 ? "" : "s"} found. Nothing was published.`;
}

export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.field ?? "").localeCompare(b.field ?? ""),
  );
}

/** How a found value reads in a message: strings quoted, long values cut. */
function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === "object") return "an object";
  const s = typeof value === "string" ? JSON.stringify(value) : String(value);
  return s.length > 60 ? `${s.slice(0, 57)}…"` : s;
}

const TYPE_NAMES: Record<string, string> = {
  string: "text",
  number: "a number",
  boolean: "true or false",
  array: "a list",
  object: "a set of fields",
  null: "null",
};

function valueAt(data: unknown, path: Path): unknown {
  let v: unknown = data;
  for (const k of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

/**
 * Turns zod's issues into problems a council officer can act on.
 * `locate` maps a field path to its line in the file.
 */
export function problemsFromZod(options: {
  file: string;
  issues: readonly z.core.$ZodIssue[];
  data: unknown;
  locate: (path: Path) => number | undefined;
  /** Added to every path, e.g. the index of a glossary term. */
  prefix?: Path;
}): Problem[] {
  const { file, data, locate, prefix = [] } = options;
  return options.issues.map((issue) => {
    const path = [...prefix, ...issue.path];
    const found = valueAt(data, path);
    const at = { file, line: locate(path), field: path.length ? formatPath(path) : undefined };
    switch (issue.code) {
      case "invalid_type":
        if (issue.expected === "string" && typeof found === "number")
          return { ...at, message: `expected text; got the number ${found}`, fix: `Put it in quotes: "${found}"` };
        return found === undefined
          ? { ...at, message: `required, but missing`, fix: `Add ${TYPE_NAMES[issue.expected] ?? issue.expected}` }
          : { ...at, message: `expected ${TYPE_NAMES[issue.expected] ?? issue.expected}; got ${describeValue(found)}` };
      case "invalid_value":
        if (found === undefined)
          return { ...at, message: "required, but missing", fix: `Add it: one of ${issue.values.map(String).join(", ")}` };
        return {
          ...at,
          message: `expected ${issue.values.length === 1 ? describeValue(issue.values[0]) : `one of ${issue.values.map(String).join(", ")}`}; got ${describeValue(found)}`,
        };
      case "invalid_union":
        if ("discriminator" in issue && issue.discriminator)
          return {
            ...at,
            message: `expected one of ${(issue as { options?: unknown[] }).options?.map(String).join(", ") ?? "the documented kinds"}; got ${describeValue(found)}`,
          };
        return { ...at, message: `does not match any allowed shape; got ${describeValue(found)}` };
      case "unrecognized_keys": {
        const keys = issue.keys;
        return {
          ...at,
          line: locate([...path, keys[0]!]),
          field: formatPath([...path, keys[0]!]),
          message: `unknown field${keys.length > 1 ? `s ${keys.map((k) => `"${k}"`).join(", ")}` : ` "${keys[0]}"`}`,
          fix: "Remove it, or check its spelling against the fields listed in schema/ (generated from src/schemas/)",
        };
      }
      case "too_small":
        return {
          ...at,
          message: issue.origin === "array" ? issue.message : `${issue.message}; got ${describeValue(found)}`,
        };
      case "custom":
        return { ...at, message: issue.message };
      default:
        return { ...at, message: `${issue.message}; got ${describeValue(found)}` };
    }
  });
}
