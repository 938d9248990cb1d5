/**
 * Reads a command line the way an officer types it. Unlike `util.parseArgs`, a
 * negative figure such as `-3` is a value, not an unknown option, and every
 * mistake comes back as a plain sentence rather than an exception.
 */

type OptionKind = "string" | "boolean";

export type OptionSpec = Readonly<Record<string, OptionKind>>;

export type ParsedArgs =
  | {
      readonly ok: true;
      readonly positionals: readonly string[];
      readonly strings: Readonly<Record<string, string>>;
      readonly flags: ReadonlySet<string>;
      readonly help: boolean;
    }
  | { readonly ok: false; readonly message: string };

/** Parses `argv` against `spec`; `--help` and `-h` are always understood. */
export function parseArgs(argv: readonly string[], spec: OptionSpec): ParsedArgs {
  const positionals: string[] = [];
  const strings: Record<string, string> = {};
  const flags = new Set<string>();
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (token === "--help" || token === "-h") {
      help = true;
      continue;
    }
    if (/^-[^-\d.]/.test(token) || (token.startsWith("--") && token.length > 2)) {
      const [name, inlineValue] = token.replace(/^--?/, "").split(/=(.*)/s) as [string, string | undefined];
      const kind = spec[name];
      if (!kind) {
        const known = Object.keys(spec).map((k) => `--${k}`);
        return {
          ok: false,
          message: `unknown option ${token.split("=")[0]}. ${known.length ? `The options are ${known.join(", ")}` : "This command takes no options"}`,
        };
      }
      if (kind === "boolean") {
        if (inlineValue !== undefined) return { ok: false, message: `--${name} takes no value: write just --${name}` };
        flags.add(name);
        continue;
      }
      const value = inlineValue ?? argv[i + 1];
      if (value === undefined || (inlineValue === undefined && /^--./.test(value))) {
        return { ok: false, message: `--${name} needs a value after it, e.g. --${name} "…"` };
      }
      if (inlineValue === undefined) i++;
      strings[name] = value;
      continue;
    }
    positionals.push(token);
  }
  return { ok: true, positionals, strings, flags, help };
}
