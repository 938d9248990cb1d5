/**
 * The files of a new council's content root (`npm run new -- portal <folder>`): every kind of
 * content once, each a clearly marked example that passes `npm run check`, plus a README for its
 * officers and a CI workflow that publishes only when every check passes. `urls.lock` is added by
 * the command after a first build, so the folder passes every gate as written.
 */
import type { FileWrite } from "./write.ts";

export interface StarterOptions {
  /** Who publishes, e.g. "Northmoor Council". */
  readonly council: string;
  /** A contact email address for the publisher. */
  readonly email: string;
  /** Today, YYYY-MM-DD: the example report and meeting are dated today. */
  readonly today: string;
  /** The folder of this repository's `schema/`, relative to the new content root (for editor autocomplete). */
  readonly schemaDir: string;
}

/** The common SEND acronyms, explained for a parent meeting them for the first time. */
export const COMMON_SEND_TERMS: readonly { id: string; term: string; expansion: string; definition: string }[] = [
  {
    id: "camhs",
    term: "CAMHS",
    expansion: "Child and Adolescent Mental Health Services",
    definition:
      "NHS services that assess and treat children and young people with emotional or mental health difficulties.",
  },
  {
    id: "ehc-needs-assessment",
    term: "EHC needs assessment",
    expansion: "Education, Health and Care needs assessment",
    definition:
      "A detailed look, led by the council, at a child's special educational needs and the help they need. It can lead to an EHCP.",
  },
  {
    id: "ehcp",
    term: "EHCP",
    expansion: "Education, Health and Care Plan",
    definition:
      "A legal document for a child or young person up to 25 that describes their needs and the help they must get.",
  },
  {
    id: "icb",
    term: "ICB",
    expansion: "Integrated Care Board",
    definition:
      "The NHS body that plans and pays for health services in an area, including health help for children with SEND.",
  },
  {
    id: "la",
    term: "LA",
    expansion: "Local authority",
    definition: "The council. It has legal duties towards children and young people with SEND.",
  },
  {
    id: "ofsted",
    term: "Ofsted",
    expansion: "Office for Standards in Education, Children's Services and Skills",
    definition:
      "The body that inspects schools and councils' services for children, including SEND services with the CQC.",
  },
  {
    id: "cqc",
    term: "CQC",
    expansion: "Care Quality Commission",
    definition: "The body that inspects health and social care services, including SEND services with Ofsted.",
  },
  {
    id: "salt",
    term: "SALT",
    expansion: "Speech and language therapy",
    definition: "Help for children who find talking, understanding others, or eating and swallowing hard.",
  },
  {
    id: "sen-support",
    term: "SEN support",
    expansion: "Special educational needs support",
    definition:
      "Extra help a school or nursery gives a child with special educational needs who does not have an EHCP.",
  },
  {
    id: "senco",
    term: "SENCO",
    expansion: "Special educational needs co-ordinator",
    definition: "The teacher in a school or nursery who organises help for children with special educational needs.",
  },
  {
    id: "send",
    term: "SEND",
    expansion: "Special educational needs and disabilities",
    definition:
      "When a child or young person needs extra help with learning, or has a disability that affects their learning.",
  },
  {
    id: "wsoa",
    term: "WSoA",
    expansion: "Written Statement of Action",
    definition:
      "The plan a council and the NHS must write when inspectors find significant weaknesses in an area's SEND services.",
  },
];

const yamlString = (s: string): string => JSON.stringify(s);

/** Every file of the starter content root, paths relative to it. */
export function starterFiles(o: StarterOptions): FileWrite[] {
  const schema = (name: string, depth: number): string => `${"../".repeat(depth)}${o.schemaDir}/${name}.schema.json`;
  const yamlSchema = (name: string, depth: number): string =>
    `# yaml-language-server: $schema=${schema(name, depth)}\n`;
  const domain = o.email.split("@")[1] ?? "example.org";
  return [
    {
      file: "content/site.yml",
      text: `${yamlSchema("site", 1)}# Site settings. Replace every value with your own.
title: ${yamlString(`SEND improvement in ${o.council}`)}
organisation: ${yamlString(o.council)}
partners: []
description: ${yamlString(`What ${o.council} and its partners promised to improve special educational needs and disabilities (SEND) services, how each promise is going, and what the committees overseeing it decided.`)}
# The public address, once you have one (no trailing slash), e.g. https://send.${domain}
# Until then no canonical links or sitemap are published. SITE_URL at build time overrides it.
# baseUrl: https://send.${domain}
contact:
  name: ${yamlString(`${o.council} SEND team`)}
  email: ${o.email}
featuredPlan: send-improvement-plan
# Topics families look for, in the order the home page lists them. Tag indicators and actions with
# them ("topics: [ehc-plans]"); each leads to its measures on the indicators page. Keep the id once
# published: it is part of the address /kpis/#topic-{id}.
topics:
  - id: ehc-plans
    label: EHC plans
    description: Education, health and care (EHC) plans, from the request to the plan, and how quickly they are finished.
  - id: waiting-for-therapy
    label: Waiting for therapy
    description: How long children wait for speech and language therapy and other therapies.
`,
    },
    {
      file: "content/committees/send-improvement-board.yml",
      text: `${yamlSchema("committee", 2)}# A committee that oversees the plan. Add one file per committee; the file name is its address.
name: SEND Improvement Board
purpose: >-
  Example: the board of council and NHS leaders that checks how the SEND improvement plan is going.
  Replace this with what the committee does, in plain words.
`,
    },
    {
      file: "content/plans/send-improvement-plan.md",
      text: `---
${yamlSchema("plan", 2)}title: SEND improvement plan
summary: Example plan. Replace it with two plain sentences on what your plan is and why it exists.
owner: ${yamlString(o.council)}
status: active
areas:
  - id: area-1
    ref: Priority 1
    title: Children get the help they need sooner
    actions:
      - id: 1-1
        ref: "1.1"
        title: Finish more EHC needs assessments within 20 weeks
        lead: Head of SEND
        due: ${o.today.slice(0, 4)}-12
        # The indicators that measure this action: file names in data/kpis/ without .json.
        kpis: [ehcp-within-20-weeks]
        # What it is about: topic ids from content/site.yml.
        topics: [ehc-plans]
---

## About this plan

Example text. Say here, in plain words, why the plan exists and who agreed it.
`,
    },
    {
      file: "data/kpis/ehcp-within-20-weeks.json",
      text: `${JSON.stringify(
        {
          $schema: schema("kpi", 2),
          ref: "KPI 1",
          title: "EHCPs issued within 20 weeks",
          meaning:
            "Example indicator: of the Education, Health and Care Plans issued, the share issued within the legal time limit of 20 weeks. Replace it with your own.",
          unit: "percent",
          better: "higher",
          source: "Example: the council's SEND case management system",
          topics: ["ehc-plans"],
          plan: "send-improvement-plan",
          targets: [
            {
              period: `${o.today.slice(0, 4)}-12`,
              label: "By the end of the year",
              target: { kind: "value", value: 60 },
              wording: "60% of EHCPs issued within 20 weeks",
            },
          ],
          comparators: [],
          series: [
            {
              id: "all",
              label: "All children and young people",
              frequency: "monthly",
              values: [],
            },
          ],
        },
        null,
        2,
      )}\n`,
    },
    {
      file: "content/meetings/send-improvement-board-first.md",
      text: `---
${yamlSchema("meeting", 2)}committee: send-improvement-board
date: ${o.today}
status: held
agenda:
  - number: "1"
    title: Progress report
    papers:
      - title: Progress report
        report: progress-report
---
`,
    },
    {
      file: "content/reports/progress-report/v1.md",
      text: `---
${yamlSchema("report", 3)}title: Progress report
summary: Example report. Replace it with a sentence or two on what the report says.
published: ${o.today}
status: published
meeting: send-improvement-board-first
plan: send-improvement-plan
actions:
  - action: send-improvement-plan/1-1
    status: not-started
    commentary: Example commentary on how the action is going.
kpis:
  - kpi: ehcp-within-20-weeks
---

## Summary

Example report text. Write the report here in Markdown; headings start at two hashes.
`,
    },
    {
      file: "content/glossary.yml",
      text: `${yamlSchema("glossary", 1)}# Every acronym and term the portal uses, explained for families. Each is at /glossary/#{id}.
${COMMON_SEND_TERMS.map(
  (t) =>
    `- id: ${t.id}\n  term: ${yamlString(t.term)}\n  expansion: ${yamlString(t.expansion)}\n  definition: ${yamlString(t.definition)}`,
).join("\n")}
`,
    },
    {
      file: "content/redirects.yml",
      text: `# Answers for addresses that were published and no longer exist: a councillor's old link must keep working.
# The URL gate fails when an address in urls.lock is missing and not answered here. For example:
# - from: /kpis/old-name/
#   to: /kpis/new-name/
# - from: /reports/withdrawn-report/
#   gone: Published by mistake before the committee met; withdrawn on 3 March 2025.
[]
`,
    },
    { file: ".gitignore", text: "dist/\n" },
    { file: "README.md", text: readme(o) },
    { file: ".github/workflows/publish.yml", text: WORKFLOW },
  ];
}

function readme(o: StarterOptions): string {
  return `# ${o.council}: SEND improvement portal content

This folder is the content of ${o.council}'s SEND improvement portal. The code that turns it into a
website lives in a separate repository (the portal code); nothing here needs changing there.
Every file here is an example to replace with your own.

| path | what |
| --- | --- |
| \`content/site.yml\` | site settings: title, publisher, contact, public address (\`baseUrl\`) |
| \`content/plans/{plan}.md\` | a plan, its areas and actions |
| \`content/reports/{report}/v{n}.md\` | the versions of a progress report |
| \`content/meetings/{meeting}.md\` | a meeting: agenda, papers and decisions |
| \`content/committees/{committee}.yml\` | a committee |
| \`content/glossary.yml\` | every acronym and term |
| \`content/redirects.yml\` | answers for addresses that no longer exist |
| \`data/kpis/{kpi}.json\` | an indicator: targets, comparators and figures |
| \`urls.lock\` | every address the portal has published; it only grows |

File names become web addresses that never change once published.

## Working on it

From the portal code's folder, with \`PORTAL_DIR\` pointing here:

\`\`\`sh
PORTAL_DIR=/path/to/this/folder npm run check      # every problem, with file, line and how to fix it
PORTAL_DIR=/path/to/this/folder npm run dev        # a preview that reloads as you save
PORTAL_DIR=/path/to/this/folder npm run build      # the site, in dist/ in this folder
PORTAL_DIR=/path/to/this/folder npm run urls:lock  # after a build: lock newly published addresses; commit urls.lock
PORTAL_DIR=/path/to/this/folder npm run verify     # check, build and every gate, as CI runs them
\`\`\`

Adding figures and files: \`npm run kpi -- add …\`, \`npm run kpi -- import file.csv\`,
\`npm run new -- report …\` (see the portal code's \`docs/publishing.md\`, which answers the
questions a new council meets: frequencies and periods, targets, notes, linking KPIs to actions).

## Publishing

\`.github/workflows/publish.yml\` checks out the portal code beside this folder, runs
\`npm run verify\` and publishes \`dist/\` to GitHub Pages only when every check and gate passes.
Set the repository variable \`PORTAL_CODE_REPOSITORY\` (owner/name of the portal code) and, once
you have it, \`SITE_URL\` (the public address). See the portal code's \`docs/deploy.md\`.
`;
}

const WORKFLOW = `# Checks this content with the portal code and publishes the site only when every check passes:
# npm run verify runs the content check, the build and every trust gate (URLs, links, HTML,
# privacy, accessibility in a real browser, determinism). A failing step stops the job before upload.
#
# Setup: Settings › Pages › Source: GitHub Actions; Settings › Variables › Actions:
# PORTAL_CODE_REPOSITORY = owner/name of the portal code, and SITE_URL = the public address.
name: Publish

on:
  push:
    branches: [main]
  pull_request:
  workflow_dispatch:

permissions:
  contents: read

concurrency:
  group: publish-\${{ github.ref }}
  cancel-in-progress: \${{ github.event_name == 'pull_request' }}

jobs:
  verify:
    name: Check, build and run every gate
    runs-on: ubuntu-latest
    container: node:24-bookworm
    timeout-minutes: 30
    steps:
      - name: Check out this content
        uses: actions/checkout@v4
        with:
          path: content-root

      - name: Check out the portal code
        uses: actions/checkout@v4
        with:
          repository: \${{ vars.PORTAL_CODE_REPOSITORY }}
          path: portal

      - name: Install the portal code and Debian's Chromium (for the accessibility and privacy gates)
        run: |
          cd portal && npm install --no-audit --no-fund
          apt-get update -qq && apt-get install -y -qq chromium

      - name: Check, build and run every gate
        env:
          PORTAL_DIR: \${{ github.workspace }}/content-root
          SITE_URL: \${{ vars.SITE_URL }}
        run: |
          git config --global --add safe.directory "$PORTAL_DIR"
          cd portal && npm run verify

      - name: Upload the built site
        if: github.event_name != 'pull_request' && github.ref == 'refs/heads/main'
        uses: actions/upload-pages-artifact@v3
        with:
          path: content-root/dist/

  deploy:
    name: Publish to GitHub Pages
    needs: verify
    if: github.event_name != 'pull_request' && github.ref == 'refs/heads/main'
    runs-on: ubuntu-latest
    permissions:
      pages: write
      id-token: write
    environment:
      name: github-pages
      url: \${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
`;
