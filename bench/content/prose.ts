/**
 * Council-report prose for synthetic content: sentences assembled from the
 * vocabulary of SEND progress reports, so search indexes, page weights and
 * Markdown rendering see text shaped like the real papers. No raw HTML and no
 * top-level headings, because the content check refuses both.
 */
import type { Rng } from "./random.ts";

const SUBJECTS = [
  "The SEND Continuous Improvement Board",
  "The 0-25 SEND team",
  "The Designated Clinical Officer",
  "The speech and language therapy service",
  "The Parent Carer Forum",
  "The educational psychology service",
  "The Local Offer team",
  "Health partners",
  "The neurodevelopmental pathway steering group",
  "The inclusion consultants",
  "Head teachers and SENCOs",
  "The Children's Social Care quality assurance team",
  "The Joint Commissioning Group",
  "The Preparing for Adulthood group",
  "The local authority",
  "The integrated care board",
  "The short breaks service",
  "The EHCP quality assurance panel",
] as const;

const PREDICATES = [
  "has reviewed every open annual review and agreed a plan to clear the backlog",
  "reported that waiting times for a first appointment have fallen for the third month running",
  "agreed a revised trajectory for the completion of Education, Health and Care needs assessments",
  "has recruited two additional case officers, who started in post this quarter",
  "co-produced a new version of the Local Offer website with parents and carers",
  "audited a sample of plans and found that most met the quality standard",
  "has begun a pilot of the graduated approach in twelve primary schools",
  "noted that demand for assessments continues to rise faster than the national rate",
  "completed the training programme for SENCOs on outcomes-focused plans",
  "has published its first annual report on the experience of families",
  "identified delays in health advice as the main cause of late plans",
  "is working with schools to reduce the number of fixed-term exclusions",
  "agreed that the parent carer survey will be repeated every year",
  "reported that the autism diagnosis pathway is still the biggest risk to the plan",
  "has moved the tracker for annual reviews onto the new case management system",
  "secured funding from the integrated care board for an additional therapist",
  "set up a multi-agency panel that meets weekly to agree placements",
  "found that communication with families has improved but remains inconsistent",
  "asked for a deep dive into the outcomes of young people aged 16 to 25",
  "has agreed a joint protocol for transitions into adult services",
] as const;

const OPENERS = [
  "Since the last report, ",
  "In the last quarter, ",
  "However, ",
  "In addition, ",
  "As a result, ",
  "Following the revisit, ",
  "Over the summer term, ",
  "At its last meeting, ",
  "",
  "",
  "",
] as const;

const CLOSERS = [
  "Progress will be reported to the next meeting of the Board.",
  "The impact of this work will not be known until the data is validated in October.",
  "Parents and carers told us that this has made a real difference to them.",
  "This remains an area of risk and is being closely monitored.",
  "The action is on track to be completed by the end of the financial year.",
  "Further work is needed to make sure this is consistent across all schools.",
  "The figures for the latest month are provisional and may change.",
  "Officers will bring a fuller update once the new system has bedded in.",
] as const;

const HEADINGS = [
  "Background",
  "Progress since the last report",
  "What families told us",
  "Risks and issues",
  "Performance against the key indicators",
  "Workforce and capacity",
  "Quality of Education, Health and Care Plans",
  "Health services",
  "Preparing for adulthood",
  "Financial implications",
  "Legal implications",
  "Equality implications",
  "Consultation",
  "Next steps",
] as const;

const TABLE_ROWS = [
  "New EHCPs issued within 20 weeks",
  "Annual reviews completed on time",
  "Waiting time for speech and language therapy",
  "Children waiting for an autism assessment",
  "Pupils with an EHCP in mainstream schools",
  "Fixed-term exclusions of pupils with SEN support",
  "Young people with an EHCP not in education, employment or training",
  "Parents who say they were listened to",
] as const;

export function sentence(rng: Rng): string {
  const opener = rng.pick(OPENERS);
  const subject = rng.pick(SUBJECTS);
  const lead = opener ? `${opener}${subject.charAt(0).toLowerCase()}${subject.slice(1)}` : subject;
  const figure = rng.chance(0.4) ? `, and ${rng.int(3, 97)}% of the ${rng.int(40, 900)} cases are now within timescale` : "";
  return `${lead} ${rng.pick(PREDICATES)}${figure}.`;
}

export function paragraph(rng: Rng, sentences = rng.int(2, 6)): string {
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) out.push(sentence(rng));
  if (rng.chance(0.5)) out.push(rng.pick(CLOSERS));
  return out.join(" ");
}

/** A short plain sentence or two, e.g. for commentary or a decision's text. */
export function shortText(rng: Rng, sentences = rng.int(1, 3)): string {
  return paragraph(rng, sentences);
}

function list(rng: Rng): string {
  const n = rng.int(3, 6);
  const items: string[] = [];
  for (let i = 0; i < n; i++) items.push(`- ${rng.pick(PREDICATES).replace(/^./, (c) => c.toUpperCase())}.`);
  return items.join("\n");
}

function table(rng: Rng): string {
  const rows = rng.sample(TABLE_ROWS, rng.int(3, 6));
  return [
    "| Indicator | Baseline | Target | Latest |",
    "| --- | ---: | ---: | ---: |",
    ...rows.map((r) => `| ${r} | ${rng.int(5, 60)}% | ${rng.int(40, 95)}% | ${rng.int(10, 99)}% |`),
  ].join("\n");
}

/**
 * A report body of about `words` words: sections with `##` headings, paragraphs,
 * the occasional list, table and emphasis, as council reports are laid out.
 */
export function reportBody(rng: Rng, words: number): string {
  const blocks: string[] = ["## Summary", paragraph(rng, 3)];
  let count = blocks.join(" ").split(/\s+/).length;
  while (count < words) {
    const section = [`## ${rng.pick(HEADINGS)}`];
    const paragraphs = rng.int(2, 6);
    for (let i = 0; i < paragraphs; i++) {
      const roll = rng.next();
      if (roll < 0.12) section.push(list(rng));
      else if (roll < 0.18) section.push(table(rng));
      else if (roll < 0.24) section.push(`### ${rng.pick(TABLE_ROWS)}`, paragraph(rng));
      else section.push(rng.chance(0.15) ? `**${sentence(rng)}** ${paragraph(rng)}` : paragraph(rng));
    }
    blocks.push(...section);
    count += section.join(" ").split(/\s+/).length;
  }
  return `${blocks.join("\n\n")}\n`;
}

/**
 * The next version of a report body: most paragraphs kept, a few rewritten and
 * one or two added, so version comparisons have realistic, small differences.
 */
export function reviseBody(rng: Rng, body: string): string {
  const blocks = body.trim().split(/\n\n/);
  const out = blocks.map((b) => (!b.startsWith("#") && !b.startsWith("|") && !b.startsWith("-") && rng.chance(0.08) ? paragraph(rng) : b));
  const extra = rng.int(1, 2);
  for (let i = 0; i < extra; i++) out.splice(rng.int(2, out.length), 0, paragraph(rng));
  return `${out.join("\n\n")}\n`;
}

export function minutes(rng: Rng, items: readonly string[]): string {
  const blocks: string[] = [];
  for (const item of items) blocks.push(`## ${item}`, paragraph(rng, rng.int(2, 5)));
  return `${blocks.join("\n\n")}\n`;
}

const ASKS = ["note", "consider", "endorse", "comment on", "be assured by", "challenge"] as const;
const ASKED = [
  "the progress made against the improvement plan since the last meeting",
  "the performance information at Appendix A together with this report",
  "the revised trajectory for new Education, Health and Care Plans",
  "the remedial action being taken on the completion of annual reviews",
  "the feedback from parents and carers and the baseline it sets",
  "the risks to the plan and how they are being managed",
  "the draft joint commissioning strategy and its action plan",
] as const;

/** One thing a report asks its meeting to do. */
export function recommendation(rng: Rng): string {
  return `${rng.pick(ASKS)} ${rng.pick(ASKED)}${rng.chance(0.3) ? `, and ${rng.pick(ASKED)}` : ""}.`;
}

/** A report's length in words: most are a few pages, a few are very long. */
export function reportWords(rng: Rng): number {
  const roll = rng.next();
  if (roll < 0.02) return rng.int(8000, 12000);
  if (roll < 0.2) return rng.int(2500, 5000);
  return rng.int(500, 2500);
}
