/**
 * What a family is told about an indicator, all in one place: the status by the published rule,
 * the period it is about, whether that figure is still current, and what the papers themselves said.
 * Pure functions; the build's "today" is passed in.
 */
import type { Judgement, Kpi, Verdict } from "../schemas/index.ts";
import {
  type Direction,
  directionOfTravel,
  type Figure,
  judgeFigure,
  judgeKpi,
  KPI_STATUS,
  type KpiJudgement,
  headlineSeries,
} from "./kpi-status.ts";
import { labelPeriod, period, type Period } from "../schemas/period.ts";
import { formatDate } from "./format.ts";
import { CLOSED_WORDS, type PlanClosed } from "./plans.ts";

/** Months allowed after a period ends for its figure to be published (a quarter). */
export const PUBLICATION_LAG_MONTHS = 3;

/** Whether the latest figure is the current one. */
export type Currency =
  | { readonly code: "current"; readonly expectedBy: string }
  | { readonly code: "overdue"; readonly expectedBy: string }
  | { readonly code: "ended"; readonly closed: PlanClosed; readonly newer?: string | undefined }
  | { readonly code: "no-data"; readonly closed?: PlanClosed | undefined };

/** What the verdict needs to know of the indicator's plan and history. */
export interface CurrencyOptions {
  readonly today: string;
  /** Set when the indicator's plan is complete or replaced. */
  readonly planClosed?: PlanClosed | undefined;
  /** The title under which the same measure is reported now, when a newer indicator continues it. */
  readonly newer?: string | undefined;
}

const ymd = (iso: string) => iso.split("-").map(Number) as [number, number, number];
const pad = (n: number) => String(n).padStart(2, "0");
/** The ISO date `months` calendar months after `iso`, on the same day or the month's last day if shorter. */
function addMonths(iso: string, months: number, toMonthEnd: boolean): string {
  const [y, m, d] = ymd(iso);
  const index = y * 12 + (m - 1) + months;
  const [year, month] = [Math.floor(index / 12), (index % 12) + 1];
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(toMonthEnd ? last : Math.min(d, last))}`;
}

/**
 * The day by which the next figure should be out: the end of the period after the latest one
 * (a snapshot is expected again within a year), plus the publication lag. A figure taken part-way
 * through its period (`partial`, e.g. a year to date) is followed by the whole period's figure.
 */
export function nextFigureExpected(latest: Period, options: { partial?: boolean } = {}): string {
  if (latest.kind === "date") return addMonths(latest.end, 12 + PUBLICATION_LAG_MONTHS, false);
  if (options.partial) return addMonths(latest.end, PUBLICATION_LAG_MONTHS, true);
  const [sy, sm] = ymd(latest.start);
  const [ey, em] = ymd(latest.end);
  const months = ey * 12 + em - (sy * 12 + sm) + 1;
  return addMonths(latest.end, months + PUBLICATION_LAG_MONTHS, true);
}

/**
 * Whether a figure is current: not if its plan has ended, nor once the next figure is overdue.
 * `today` is the build's day (PORTAL_TODAY).
 */
export function currencyOf(latest: Figure | undefined, options: CurrencyOptions): Currency {
  if (!latest) return { code: "no-data", closed: options.planClosed };
  if (options.planClosed) return { code: "ended", closed: options.planClosed, newer: options.newer };
  const expectedBy = nextFigureExpected(period(latest.period), { partial: latest.asAt !== undefined });
  return options.today > expectedBy ? { code: "overdue", expectedBy } : { code: "current", expectedBy };
}

/**
 * "for February 2020", "for 2023/24 academic year, as at 19 October 2023", and "(year to date,
 * provisional)" after it where the series counts from the start of the year or the figure may change.
 */
function asAtWords(latest: Figure, basis: SeriesBasis): string {
  const when = labelPeriod(period(latest.period));
  const qualities = [
    ...(basis === "year-to-date" ? ["year to date"] : basis === "cumulative" ? ["running total"] : []),
    ...(latest.provisional ? ["provisional"] : []),
  ];
  const at = latest.asAt ? `for ${when}, as at ${formatDate(latest.asAt)}` : `for ${when}`;
  return qualities.length ? `${at} (${qualities.join(", ")})` : at;
}

type SeriesBasis = "period" | "year-to-date" | "cumulative";

/** The sentence that says how current a figure is, e.g. "Last reported for February 2020; no newer figure has been published." */
export function currencySentence(
  latest: Figure | undefined,
  currency: Currency,
  basis: SeriesBasis = "period",
): string {
  if (!latest || currency.code === "no-data")
    return currency.code === "no-data" && currency.closed
      ? `No figure for it is in the papers published here, and its plan ${CLOSED_WORDS[currency.closed]}.`
      : "No figure has been published yet.";
  const at = asAtWords(latest, basis);
  switch (currency.code) {
    case "current":
      return `Latest figure ${at}. The next would be due by ${formatDate(currency.expectedBy)} (our estimate from how often it is reported; the papers set no date).`;
    case "overdue":
      return `Last reported ${at}; no newer figure has been published (by our estimate one was due by ${formatDate(currency.expectedBy)}).`;
    case "ended":
      return currency.newer
        ? `Last reported ${at} under this plan, which ${CLOSED_WORDS[currency.closed]}. The same measure is reported now as “${currency.newer}”.`
        : `Last reported ${at}; the plan it measured ${CLOSED_WORDS[currency.closed]}, and no newer figure is in the papers published here.`;
  }
}

/** The paper's verdicts in words. */
const VERDICT_WORDS: Record<Verdict, string> = {
  met: "target met",
  "on-track": "on track",
  "at-risk": "at risk (slightly off track)",
  "off-track": "not on track",
  "not-met": "target not met",
  "no-verdict": "no verdict",
};

/** The paper's verdicts that say the same as each computed status. */
const AGREEING: Record<KpiJudgement["code"], readonly Verdict[]> = {
  met: ["met", "on-track"],
  close: ["at-risk", "off-track", "not-met"],
  missed: ["at-risk", "off-track", "not-met"],
  "no-target": [],
  untargeted: [],
  "no-data": [],
  context: [],
  "no-direction": [],
};

export interface PaperComparison {
  readonly judgement: Judgement;
  /** The status by the published rule for the same figure the paper judged. */
  readonly computed: KpiJudgement;
  /** Undefined when the paper gave no verdict to compare. */
  readonly agrees: boolean | undefined;
  /** The comparison in words, for readers. */
  readonly sentence: string;
  /** The paper's verdict alone, e.g. "The report said: not on track (about the December 2019 trajectory)." */
  readonly said: string;
}

/**
 * Sets the paper's own verdict beside the published rule's, for the same figure: the one for the
 * judgement's `period` where given, otherwise the latest that had ended when the report was published.
 */
export function comparePaper(kpi: Kpi, judgement: Judgement, options: { published: string }): PaperComparison {
  const figure = judgement.period
    ? headlineSeries(kpi).values.find(
        (v): v is Figure => v.period === judgement.period && v.value !== null && !v.projected,
      )
    : undefined;
  const computed = figure ? judgeFigure(kpi, figure) : judgeKpi(kpi, { asOf: period(options.published).end });
  const said = `The report said: ${VERDICT_WORDS[judgement.verdict]}${judgement.about ? ` (about ${judgement.about})` : ""}.`;
  if (judgement.verdict === "no-verdict")
    return {
      judgement,
      computed,
      agrees: undefined,
      sentence: judgement.about
        ? `The report said this of ${judgement.about}, giving no verdict against a target:`
        : "The report gave no verdict.",
      said,
    };
  const rule = KPI_STATUS[computed.code].label.toLowerCase();
  const figureWords = computed.latest ? ` for ${labelPeriod(period(computed.latest.period))}` : "";
  const agrees = AGREEING[computed.code].includes(judgement.verdict);
  const sentence = agrees
    ? `${said} The published rule agrees: ${rule}${figureWords}.`
    : `${said} By the published rule: ${rule}${figureWords}, because ${lowerFirst(computed.rule)}`;
  return { judgement, computed, agrees, sentence, said };
}

const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);

/** Everything shown about where an indicator stands. */
export interface KpiVerdict {
  readonly judgement: KpiJudgement;
  readonly currency: Currency;
  /** e.g. "Last reported for November 2019; no newer figure has been published." */
  readonly currencySentence: string;
  readonly direction: { direction: Direction; from?: Figure; to?: Figure };
}

export function kpiVerdict(kpi: Kpi, options: CurrencyOptions): KpiVerdict {
  const judgement = judgeKpi(kpi);
  const currency = currencyOf(judgement.latest, options);
  return {
    judgement,
    currency,
    currencySentence: currencySentence(judgement.latest, currency, headlineSeries(kpi).basis),
    direction: directionOfTravel(kpi),
  };
}
