/**
 * A report version's text as the page shows it. A Markdown version is its rendered HTML; an MDX
 * version is rendered with its components, each showing the record as it stood at the version's
 * date: a figure as published then (and saying so), an indicator's charts with only the figures
 * published by then, an action's status as reported by then.
 */
import type { Kpi, Observation } from "../../schemas/index.ts";
import type { Portal, VersionEntry } from "../content/model.ts";
import { MDX_COMPONENTS, type MdxComponent } from "../content/mdx.ts";
import { mdxOutlineOf, mdxPlaceholder, outlineOf, renderMdx } from "../content/markdown.ts";
import { asPublishedWords, figureOn, kpiAsPublished, lastDayOf } from "../kpi-as-published.ts";
import { kpiPanels, type KpiPanel } from "../kpi-charts.ts";
import { formatterFor } from "../kpi-status.ts";
import { findAction, kpiBySlug, kpiUpdated } from "../queries.ts";
import { formatDate, formatWhen } from "../format.ts";
import { comparePeriods, period } from "../../schemas/period.ts";
import { routes } from "../routes.ts";
import { ACTION_STATUS, NO_STATUS } from "../words.ts";
import { esc } from "../charts/svg.ts";
import { cached } from "../maps.ts";

export type ProsePart =
  | { readonly kind: "html"; readonly html: string }
  | {
      readonly kind: "chart";
      /** The indicator as published at the version's date, its title saying so. */
      readonly kpi: Kpi;
      readonly panels: readonly KpiPanel[];
      /** The latest figure or correction in it, in words. */
      readonly updated: string | undefined;
    };

/** A status in words, as `Tag.astro` writes it; the colour only repeats what the words say. */
export function tagHtml(tag: { label: string; tone: string }): string {
  return `<strong class="tag tag--${esc(tag.tone)}">${esc(tag.label)}</strong>`;
}

/** A figure as the chart's data table writes it: "25.0% (697)", or why there is none. */
function figureText(kpi: Kpi, o: Observation): string {
  if (o.value === null) return o.suppressed ? "Suppressed (small numbers)" : `No figure: ${o.missing}`;
  return `${formatterFor(kpi)(o.value)}${o.count !== undefined ? ` (${o.count.toLocaleString("en-GB")})` : ""}`;
}

/** What a component says, as text (`html: false`) or HTML. */
interface Said {
  readonly text: string;
  readonly html: string;
}

function kpiFigure(portal: Portal, version: VersionEntry, c: MdxComponent): Said {
  const kpi = kpiBySlug(portal, c.props["kpi"]!).data;
  const found = figureOn(kpi, {
    series: c.props["series"],
    period: c.props["period"]!,
    day: lastDayOf(version.data.published),
  });
  // The content check refuses a figure that was not published by the version's date.
  if (!found.ok) throw new Error(`${version.file}:${c.line}: no figure for ${c.props["kpi"]} ${c.props["period"]}`);
  const { figure, correctedLater } = found;
  const flags = [figure.provisional && "provisional", figure.projected && "projected"].filter(Boolean);
  const later = correctedLater
    ? `; corrected on ${formatDate(correctedLater.on)} to ${correctedLater.value === null ? "no figure" : formatterFor(kpi)(correctedLater.value)}`
    : "";
  const value = figureText(kpi, figure);
  const note = `(${[...flags, asPublishedWords(version.data.published)].join(", ")}${later})`;
  return {
    text: `${value} ${note}`,
    html: `<span class="kpi-figure">${esc(value)} <span class="kpi-figure__note">${esc(note)}</span></span>`,
  };
}

function decisionLink(portal: Portal, c: MdxComponent): Said {
  const id = c.props["decision"]!;
  const decision = portal.decisions.find((d) => d.id === id);
  if (!decision) throw new Error(`no decision ${id}`);
  return { text: decision.ref, html: `<a href="${esc(routes.decision(id))}">${esc(decision.ref)}</a>` };
}

/**
 * An action's status as at a version: as the version records it, else as the latest other published
 * version recorded it by the version's date, with that report's date.
 */
function actionStatus(portal: Portal, version: VersionEntry, c: MdxComponent): Said {
  const key = c.props["action"]!;
  const action = findAction(portal, key);
  if (!action) throw new Error(`no action ${key}`);
  const day = lastDayOf(version.data.published);
  const own = version.data.actions.find((a) => a.action === key);
  const earlier = own
    ? undefined
    : portal.reports
        .flatMap((r) => r.versions)
        .filter((v) => v.data.status === "published" && v !== version && period(v.data.published).end <= day)
        .flatMap((v) => v.data.actions.filter((a) => a.action === key).map((a) => ({ v, status: a.status })))
        .sort((a, b) => comparePeriods(period(a.v.data.published), period(b.v.data.published)))
        .at(-1);
  const status = own?.status ?? earlier?.status;
  const tag = status ? ACTION_STATUS[status] : NO_STATUS;
  const note = earlier
    ? ` (as reported ${period(earlier.v.data.published).kind === "date" ? "on" : "in"} ${formatWhen(earlier.v.data.published)})`
    : "";
  const label = `Action ${action.ref}`;
  return {
    text: `${label}: ${tag.label}${note}`,
    html: `<a href="${esc(routes.action(action))}">${esc(label)}</a>: ${tagHtml(tag)}${esc(note)}`,
  };
}

/** An indicator as published at the version's date, titled so. */
function chartKpi(portal: Portal, version: VersionEntry, slug: string): Kpi {
  const kpi = kpiAsPublished(kpiBySlug(portal, slug).data, lastDayOf(version.data.published));
  return { ...kpi, title: `${kpi.title}, ${asPublishedWords(version.data.published)}` };
}

function said(portal: Portal, version: VersionEntry, c: MdxComponent): Said {
  switch (c.name) {
    case "KpiFigure":
      return kpiFigure(portal, version, c);
    case "DecisionLink":
      return decisionLink(portal, c);
    case "ActionStatus":
      return actionStatus(portal, version, c);
    case "KpiChart": {
      const title = chartKpi(portal, version, c.props["kpi"]!).title;
      return { text: `Chart: ${title}`, html: esc(title) };
    }
  }
}

/** The parts of a version's text, for the page to lay out: HTML, and a chart wherever the report places one. */
export function reportProse(portal: Portal, version: VersionEntry): ProsePart[] {
  if (version.prose.format === "md") return [{ kind: "html", html: version.prose.html }];
  const { markdown, components } = version.prose.mdx;
  return renderMdx(markdown, { component: (i) => said(portal, version, components[i]!).html }).map((part) => {
    if (part.kind === "html") return part;
    const slug = components[part.index]!.props["kpi"]!;
    const kpi = chartKpi(portal, version, slug);
    const updated = kpiUpdated(kpi);
    return {
      kind: "chart",
      kpi,
      panels: kpiPanels(`as-published-${slug}`, kpi),
      updated: updated && formatWhen(updated),
    };
  });
}

/** Markdown-escapes text: every ASCII punctuation character is written with a backslash. */
const escapeMarkdown = (s: string): string => s.replace(/[!-/:-@[-`{-~]/g, "\\$&");

/**
 * A version's text as Markdown, for comparing versions: an MDX version's components become the
 * words they show, so a reader sees what changed in what they read, not in the source.
 */
export function diffableText(portal: Portal, version: VersionEntry): string {
  if (version.prose.format === "md") return version.body;
  const { markdown, components } = version.prose.mdx;
  return components.reduce(
    (text, c, i) =>
      text.replace(mdxPlaceholder(i, MDX_COMPONENTS[c.name].block), () =>
        escapeMarkdown(said(portal, version, c).text),
      ),
    markdown,
  );
}

/**
 * The h2 headings of a version's text, with their ids, for its contents list. Worked out once per version:
 * the current version has two pages (the report's address and its own), and a long text is slow to parse.
 */
export function proseOutline(version: VersionEntry): readonly { id: string; text: string }[] {
  return cached(outlines, version, () =>
    version.prose.format === "md" ? outlineOf(version.body) : mdxOutlineOf(version.prose.mdx.markdown),
  );
}
const outlines = new WeakMap<VersionEntry, readonly { id: string; text: string }[]>();
