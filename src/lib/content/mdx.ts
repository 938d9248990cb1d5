/**
 * Report versions written as MDX (`v{n}.mdx`): Markdown that may place the portal's own
 * components, with quoted props only. The file is read once with a real MDX parser (satteri, the
 * parser of Astro's MDX integration: markdown-rs with its MDX constructs) and its syntax tree is
 * walked; nothing in it is ever compiled or run. Anything else MDX allows — import, export,
 * `{expressions}`, other components, HTML elements, expression or spread props — is a located
 * problem. What is left is Markdown, rendered by the same markdown-it as every other body, with
 * each component standing in its place (see `markdown.ts`).
 */
import { createRequire } from "node:module";
import type { Kpi } from "../../schemas/index.ts";
import { figureOn, lastDayOf } from "../kpi-as-published.ts";
import { nearest } from "../nearest.ts";
import { parsePeriod, PERIOD_FORMATS, period } from "../../schemas/period.ts";
import { formatWhen } from "../format.ts";
import type { Problem } from "./problems.ts";
import { mdxPlaceholder, placedComponents } from "./markdown.ts";

/** The components a report may place, their props, and whether each stands on its own (a block) or in a sentence. */
export const MDX_COMPONENTS = {
  /** The indicator's charts and data table, as published at the version's date. Top level only. */
  KpiChart: { required: ["kpi"], optional: [], block: true },
  /** One figure of an indicator as published at the version's date; `series` defaults to the first. */
  KpiFigure: { required: ["kpi", "period"], optional: ["series"], block: false },
  /** A link to a decision's page. */
  DecisionLink: { required: ["decision"], optional: [], block: false },
  /** An action's status as at the version. */
  ActionStatus: { required: ["action"], optional: [], block: false },
} as const satisfies Record<string, { required: readonly string[]; optional: readonly string[]; block: boolean }>;

type MdxComponentName = keyof typeof MDX_COMPONENTS;

/** One component the report places, with its props as written. */
export interface MdxComponent {
  readonly name: MdxComponentName;
  readonly props: Readonly<Record<string, string>>;
  /** Line in the file. */
  readonly line: number;
}

/** An MDX body made ready to render: Markdown with each component's place marked, and the components in order. */
export interface ParsedMdx {
  readonly markdown: string;
  readonly components: readonly MdxComponent[];
}

const NAMES = Object.keys(MDX_COMPONENTS) as MdxComponentName[];
const isComponentName = (name: string): name is MdxComponentName => Object.hasOwn(MDX_COMPONENTS, name);
const LIST = NAMES.map((n) => `<${n}>`).join(", ");

/** The slice of the syntax tree this walk reads (satteri's mdast with MDX nodes). */
interface MdxNode {
  readonly type: string;
  readonly position?: { readonly start: { line: number; offset?: number }; readonly end: { line: number; offset?: number } };
  readonly children?: readonly MdxNode[];
  readonly name?: string | null;
  readonly value?: unknown;
  readonly attributes?: readonly {
    readonly type: string;
    readonly name?: string;
    readonly value?: string | null | { readonly type: string; readonly value: string };
  }[];
}

/** Where a component may not go, by the type of an ancestor, and why. */
const NOT_INSIDE: Readonly<Record<string, string>> = {
  heading: "a heading",
  link: "a link",
  linkReference: "a link",
  image: "an image",
  imageReference: "an image",
};

/** "16:1: Unexpected character …": the line and the reason of a syntax error from the parser. */
function syntaxError(error: unknown): { line: number; reason: string } {
  const message = error instanceof Error ? error.message : String(error);
  const m = /^(\d+):\d+(?:-\d+:\d+)?: ([\s\S]*)$/.exec(message);
  // The parser's own hints (rule names, "to create a comment in MDX, use {/* text */}") point at constructs a report may not use.
  const reason = m?.[2]?.replace(/\s*\([a-z-]+:[a-z-]+\)$/, "").replace(/\s*\(note: [^)]*\)$/, "");
  return m && reason ? { line: Number(m[1]), reason } : { line: 1, reason: message };
}

/**
 * The MDX parser, loaded the first time an .mdx file is read: a portal without one (and every
 * officer command over it) does not pay the 0.1–0.4 s its native module takes to load.
 */
let parser: typeof import("satteri") | undefined;
const mdxParser = () => (parser ??= createRequire(import.meta.url)("satteri") as typeof import("satteri"));

const quoted = (s: string) => JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}…` : s);

/**
 * Reads an MDX body: every construct other than the portal's components with quoted props is a
 * problem, located by line. Returns the body made ready to render when there is none.
 */
export function parseMdxBody(options: { file: string; body: string; firstLine: number }): {
  problems: Problem[];
  parsed?: ParsedMdx;
} {
  const { file, body, firstLine } = options;
  const at = (line: number) => ({ file, line: firstLine + line - 1 });
  let tree: MdxNode;
  try {
    tree = mdxParser().mdxToMdast(body, { features: { gfm: { footnotes: false }, frontmatter: false } }) as unknown as MdxNode;
  } catch (error) {
    const { line, reason } = syntaxError(error);
    return {
      problems: [
        {
          ...at(line),
          message: `this is not valid MDX: ${reason}`,
          fix: "In an .mdx report, < and { start a component or code: write \\< and \\{ for the characters themselves",
        },
      ],
    };
  }
  const problems: Problem[] = [];
  const components: MdxComponent[] = [];
  /** Each component's source range and placeholder, in document order. */
  const spans: { start: number; end: number; text: string }[] = [];

  const walk = (node: MdxNode, ancestors: readonly MdxNode[]) => {
    const line = node.position?.start.line ?? 1;
    switch (node.type) {
      case "mdxjsEsm": {
        const kind = String(node.value).trimStart().startsWith("export") ? "an export" : "an import";
        problems.push({
          ...at(line),
          message: `${kind} is not allowed in a report: a report is text, with only the portal's own components (${LIST}), which need no import`,
          fix: "Delete the line",
        });
        return;
      }
      case "mdxFlowExpression":
      case "mdxTextExpression":
        problems.push({
          ...at(line),
          message: `a JavaScript expression {${String(node.value).slice(0, 40)}} is not allowed in a report`,
          fix: "Write the text itself; for a brace as a character, write \\{ and \\}",
        });
        return;
      case "mdxJsxFlowElement":
      case "mdxJsxTextElement":
        element(node, ancestors, line);
        break;
    }
    for (const child of node.children ?? []) walk(child, [...ancestors, node]);
  };

  const element = (node: MdxNode, ancestors: readonly MdxNode[], line: number) => {
    const name = node.name ?? "";
    if (!isComponentName(name)) {
      const html = name === "" || /^[a-z]/.test(name);
      const guess = html ? undefined : nearest(name, NAMES);
      problems.push(
        html
          ? {
              ...at(line),
              message: `raw HTML is not allowed in a report; found <${name}>`,
              fix: "Use Markdown instead (e.g. **bold**, - lists, | tables |); for a literal < write \\<",
            }
          : {
              ...at(line),
              message: `<${name}> is not one of the portal's components: a report may use ${LIST}`,
              fix: guess ? `Did you mean <${guess}>?` : "Use one of those, or write the text itself",
            },
      );
      return;
    }
    const spec = MDX_COMPONENTS[name];
    const props: Record<string, string> = {};
    for (const attribute of node.attributes ?? []) {
      if (attribute.type === "mdxJsxExpressionAttribute") {
        problems.push({
          ...at(line),
          message: `<${name}> has a spread attribute {${String(attribute.value).slice(0, 40)}}: props must be written out, each as name="text"`,
          fix: `Write each prop with a quoted value, e.g. ${spec.required[0]}="…"`,
        });
        continue;
      }
      const prop = attribute.name ?? "";
      const known: readonly string[] = [...spec.required, ...spec.optional];
      if (!known.includes(prop)) {
        const guess = nearest(prop, known);
        problems.push({
          ...at(line),
          message: `<${name}> has no prop ${quoted(prop)}; its props are ${known.join(", ")}`,
          fix: guess ? `Did you mean ${guess}?` : "Remove it",
        });
        continue;
      }
      if (typeof attribute.value !== "string") {
        problems.push({
          ...at(line),
          message:
            attribute.value === null || attribute.value === undefined
              ? `the prop ${prop} of <${name}> has no value: props are literal text`
              : `the prop ${prop} of <${name}> is an expression {${attribute.value.value.slice(0, 40)}}: props are literal text, in quotes`,
          fix: `Write ${prop}="…" with the value in double quotes`,
        });
        continue;
      }
      if (Object.hasOwn(props, prop)) {
        problems.push({ ...at(line), message: `the prop ${prop} of <${name}> is given twice`, fix: "Keep one" });
        continue;
      }
      props[prop] = attribute.value;
    }
    for (const prop of spec.required)
      if (!Object.hasOwn(props, prop) && !(node.attributes ?? []).some((a) => a.name === prop))
        problems.push({ ...at(line), message: `<${name}> needs the prop ${prop}`, fix: `Add ${prop}="…"` });
    if ((node.children ?? []).length > 0)
      problems.push({
        ...at(line),
        message: `<${name}> takes nothing between its tags`,
        fix: `Write it as one self-closing tag: <${name} … />`,
      });
    const inside = ancestors.map((a) => NOT_INSIDE[a.type]).find((x) => x !== undefined);
    if (inside)
      problems.push({ ...at(line), message: `<${name}> cannot be inside ${inside}`, fix: "Move it into the sentence or table around it" });
    if (spec.block && (node.type !== "mdxJsxFlowElement" || ancestors.length > 1))
      problems.push({
        ...at(line),
        message: `<${name}> stands on its own, at the top level of the report, not in a sentence, list, quote or table`,
        fix: "Put it on a line of its own, with a blank line before and after, not indented",
      });
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    const index = components.length;
    components.push({ name, props, line: firstLine + line - 1 });
    const lineBreaks = body.slice(start, end).split("\n").length - 1;
    spans.push({ start, end, text: mdxPlaceholder(index, spec.block) + "\n".repeat(lineBreaks) });
  };

  walk(tree, []);
  if (problems.length) return { problems };
  let markdown = "";
  let from = 0;
  for (const span of spans) {
    markdown += body.slice(from, span.start) + span.text;
    from = span.end;
  }
  markdown += body.slice(from);
  const placed = placedComponents(markdown);
  components.forEach((c, i) => {
    if (placed.filter((p) => p === i).length !== 1)
      problems.push({
        file,
        line: c.line,
        message: `<${c.name}> could not be placed in the text around it`,
        fix: "Put it in a paragraph or table cell of ordinary text, or on a line of its own",
      });
  });
  return problems.length ? { problems } : { problems, parsed: { markdown, components } };
}

/** What the components of a version may refer to. A `known` set also holds the files that failed their own check. */
export interface MdxReferences {
  /** Each indicator's whole data, by slug. */
  readonly kpis: Pick<ReadonlyMap<string, Kpi>, "get">;
  readonly knownKpis: ReadonlySet<string>;
  /** Each decision's meeting date; undefined when a meeting file failed its check, so none can be said to be missing. */
  readonly decisions: ReadonlyMap<string, string> | undefined;
  /** Every action key (`plan/action`); undefined when a plan file failed its check. */
  readonly actions: ReadonlySet<string> | undefined;
}

/**
 * Problems with what a version's components refer to: an indicator, series, period, decision or action
 * that does not exist, a figure not yet published at the version's date, a decision taken after it.
 */
export function checkMdxReferences(options: {
  file: string;
  published: string;
  components: readonly MdxComponent[];
  refs: MdxReferences;
}): Problem[] {
  const { file, published, components, refs } = options;
  const day = lastDayOf(published);
  const problems: Problem[] = [];
  const charted = new Map<string, number>();
  for (const c of components) {
    const at = { file, line: c.line };
    const kpiSlug = c.props["kpi"];
    if (kpiSlug !== undefined) {
      const kpi = refs.kpis.get(kpiSlug);
      if (!refs.knownKpis.has(kpiSlug)) {
        const guess = nearest(kpiSlug, refs.knownKpis);
        problems.push({
          ...at,
          message: `<${c.name}> names the indicator ${quoted(kpiSlug)}, but there is no data/kpis/${kpiSlug}.json`,
          fix: guess ? `Did you mean ${guess}?` : "Use the indicator's file name without .json",
        });
      } else if (kpi && c.name === "KpiFigure") problems.push(...figureProblems(c, kpi, { at, day, published }));
      if (c.name === "KpiChart") {
        const first = charted.get(kpiSlug);
        if (first !== undefined)
          problems.push({ ...at, message: `the chart of ${kpiSlug} is already placed on line ${first}`, fix: "Keep one of them" });
        else charted.set(kpiSlug, c.line);
      }
    }
    const decision = c.props["decision"];
    if (decision !== undefined && refs.decisions) {
      const date = refs.decisions.get(decision);
      if (date === undefined) {
        const guess = nearest(decision, refs.decisions.keys());
        problems.push({
          ...at,
          message: `<DecisionLink> names the decision ${quoted(decision)}, but no meeting records a decision with that id`,
          fix: guess ? `Did you mean ${guess}?` : "Use the id of a decision in content/meetings/",
        });
      } else if (period(date).start > day)
        problems.push({
          ...at,
          message: `<DecisionLink> names ${decision}, taken on ${formatWhen(date)}, after this version was published (${formatWhen(published)})`,
          fix: "Link it from a later version of the report",
        });
    }
    const action = c.props["action"];
    if (action !== undefined && refs.actions && !refs.actions.has(action)) {
      const guess = nearest(action, refs.actions);
      problems.push({
        ...at,
        message: `<ActionStatus> names the action ${quoted(action)}, but no plan has it`,
        fix: guess ? `Did you mean ${guess}?` : "Write it as plan-slug/action-id, e.g. send-improvement-plan/1-1",
      });
    }
  }
  return problems;
}

function figureProblems(
  c: MdxComponent,
  kpi: Kpi,
  options: { at: { file: string; line: number }; day: string; published: string },
): Problem[] {
  const { at, day, published } = options;
  const written = c.props["period"] ?? "";
  if (!parsePeriod(written))
    return [{ ...at, message: `<KpiFigure> has period ${quoted(written)}, which is not a period`, fix: `Write a period: ${PERIOD_FORMATS}` }];
  const found = figureOn(kpi, { series: c.props["series"], period: written, day });
  if (found.ok) return [];
  const kpiSlug = c.props["kpi"]!;
  if (found.why === "no-series")
    return [
      {
        ...at,
        message: `${kpiSlug} has no series ${quoted(c.props["series"] ?? "")}; its series are ${kpi.series.map((s) => s.id).join(", ")}`,
        fix: "Use one of those ids",
      },
    ];
  const s = found.series!;
  if (found.why === "no-period")
    return [
      {
        ...at,
        message: `${kpiSlug} has no figure for ${written} in its series ${s.id}; its periods are ${s.values.map((v) => v.period).join(", ")}`,
        fix: "Use one of those periods, or add the figure to the indicator's file first",
      },
    ];
  return [
    {
      ...at,
      message: `the figure of ${kpiSlug} for ${written} was not yet published by ${formatWhen(published)}, this version's date (its period had not ended and it has no earlier asAt day)`,
      fix: "A report shows figures as published at its date: use an earlier period",
    },
  ];
}
