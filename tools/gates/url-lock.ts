import type { SiteScan } from "./html-scan.ts";
import type { GateProblem } from "../../src/lib/published-problem.ts";
import type { RedirectEntry } from "../../src/lib/content/redirects.ts";
import { byCodePoint, resolvePath, urlForFile } from "./site-files.ts";

export const LOCK_FILE = "urls.lock";
const LOCK_COMMAND = "npm run urls:lock";

/**
 * Pages whose every `id` is a published anchor, because councillors cite the items on them
 * (`/kpis/kpi-1-1/#targets`, `/glossary/#ehcp`, an area of a plan, an action's status as a given report version
 * recorded it: `/reports/send-progress-report-2020/v1/#action-send-improvement-plan-1-2`).
 */
const ANCHOR_PAGES: readonly RegExp[] = [
  /^\/plans\/[^/]+\/$/,
  /^\/kpis\/[^/]+\/$/,
  /^\/plans\/[^/]+\/actions\/[^/]+\/$/,
  /^\/decisions\/[^/]+\/$/,
  /^\/meetings\/[^/]+\/$/,
  /^\/reports\/[^/]+\/v\d+\/$/,
  /^\/glossary\/$/,
];

/**
 * Pages where only some ids are published anchors: the windows listed on `/changes/`
 * (`/changes/#since-osc-childrens-2023-09-26`), published when every window was on that one page;
 * each is now an entry linking to the window's own page.
 */
const ANCHOR_IDS: readonly { readonly page: RegExp; readonly id: RegExp }[] = [
  { page: /^\/changes\/$/, id: /^since-/ },
];

/**
 * Files that are not addresses anyone cites: build assets and search index chunks carry
 * content hashes in their names, and host files are read by the host, not served.
 */
const UNLOCKED: readonly RegExp[] = [
  /^\/_astro\//,
  /^\/pagefind\//,
  /^\/_redirects$/,
  /^\/_headers$/,
  // For crawlers, not readers; written only when the public address is known.
  /^\/sitemap\.xml$/,
  /^\/robots\.txt$/,
];

const isUnlocked = (url: string): boolean => UNLOCKED.some((re) => re.test(url));

/** Every address the built site publishes, sorted: its files, and the anchors on {@link ANCHOR_PAGES} and {@link ANCHOR_IDS}. */
export function publishedUrls(site: SiteScan): string[] {
  const urls = new Set<string>();
  for (const file of site.files) {
    const url = urlForFile(file);
    if (isUnlocked(url)) continue;
    urls.add(url);
    const page = site.pages.get(file);
    if (!page) continue;
    const every = ANCHOR_PAGES.some((re) => re.test(url));
    const some = ANCHOR_IDS.filter((a) => a.page.test(url));
    for (const id of page.ids) if (every || some.some((a) => a.id.test(id))) urls.add(`${url}#${encodeURI(id)}`);
  }
  return [...urls].sort(byCodePoint);
}

/** Reads `urls.lock`: one address per line, sorted, no repeats. */
export function parseLock(text: string, file = LOCK_FILE): { urls: string[]; problems: GateProblem[] } {
  const urls: string[] = [];
  const problems: GateProblem[] = [];
  const fail = (line: number, message: string): void => {
    problems.push({ gate: "urls", page: file, where: `${file}:${line}`, message });
  };
  text.split("\n").forEach((raw, i) => {
    const url = raw.trim();
    if (url === "") return;
    if (!url.startsWith("/")) return fail(i + 1, `expected an address starting with "/", got ${JSON.stringify(url)}`);
    const previous = urls[urls.length - 1];
    if (previous === url) return fail(i + 1, `${url} is listed twice; run ${LOCK_COMMAND} to tidy the file`);
    if (previous !== undefined && previous > url)
      fail(i + 1, `${url} is out of order; run ${LOCK_COMMAND} to sort the file`);
    urls.push(url);
  });
  return { urls, problems };
}

export function formatLock(urls: Iterable<string>): string {
  return [...new Set(urls)].sort(byCodePoint).join("\n") + "\n";
}

/** The lock after publishing: nothing is ever removed, new addresses are added. */
export function mergeLock(locked: Iterable<string>, published: Iterable<string>): string[] {
  return [...new Set([...locked, ...published])].sort(byCodePoint);
}

/** Lines an edit took out of the lock, which must only ever grow. */
export function checkLockOnlyGrows(options: { before: readonly string[]; after: readonly string[] }): GateProblem[] {
  const after = new Set(options.after);
  return options.before
    .filter((url) => !after.has(url))
    .map((url) => ({
      gate: "urls" as const,
      page: url,
      where: LOCK_FILE,
      message: `was removed from ${LOCK_FILE}, which only ever grows; put the line back and answer the address in content/redirects.yml instead`,
    }));
}

const pagePart = (url: string): string => url.split("#")[0] ?? url;

/**
 * Every locked address must still be published, or be answered by `redirects.yml`; every
 * redirect must lead to a live address; every published address must be locked.
 */
export function checkUrlPermanence(options: {
  site: SiteScan;
  locked: readonly string[];
  redirects: readonly RedirectEntry[];
}): GateProblem[] {
  const { site, locked, redirects } = options;
  const problems: GateProblem[] = [];
  const published = publishedUrls(site);
  const live = new Set(published);
  const answered = new Map(redirects.map((r) => [r.from, r]));

  const lost = locked.filter(
    (url) => !live.has(url) && !answered.has(url) && !answered.has(pagePart(url)) && !isUnlocked(url),
  );
  const lostPages = new Set(lost.filter((url) => !url.includes("#")));
  for (const url of lost) {
    if (url.includes("#") && lostPages.has(pagePart(url))) continue;
    const anchors = url.includes("#") ? 0 : lost.filter((u) => u.startsWith(`${url}#`)).length;
    problems.push({
      gate: "urls",
      page: url,
      where: LOCK_FILE,
      message:
        `was published (it is in ${LOCK_FILE}${anchors ? `, with ${anchors} anchor${anchors > 1 ? "s" : ""}` : ""}) but is missing from the site; restore it, or answer it in ` +
        `content/redirects.yml with "- from: ${url}" and either "to: <new address>" or "gone: <why it was removed>"`,
    });
  }

  for (const r of redirects) {
    if (!("to" in r)) continue;
    const where = `content/redirects.yml:${r.line}`;
    const [path = "", fragment] = r.to.split("#");
    const chained = answered.get(r.to) ?? answered.get(path);
    if (chained) {
      problems.push({
        gate: "urls",
        page: r.from,
        where,
        message: `redirects to ${r.to}, which itself redirects (line ${chained.line}); point it straight at the final address`,
      });
      continue;
    }
    const hit = resolvePath(site.files, path);
    if (!hit.found) {
      problems.push({
        gate: "urls",
        page: r.from,
        where,
        message: `redirects to ${r.to}, which is not live: ${hit.reason}`,
      });
    } else if (fragment && !site.pages.get(hit.file)?.targets.has(decodeURIComponent(fragment))) {
      problems.push({
        gate: "urls",
        page: r.from,
        where,
        message: `redirects to ${r.to}, but ${path} has no element with id="${decodeURIComponent(fragment)}"`,
      });
    }
  }

  const lockedSet = new Set(locked);
  const unlocked = published.filter((url) => !lockedSet.has(url));
  if (unlocked.length) {
    const sample = unlocked.slice(0, 5).join(", ");
    problems.push({
      gate: "urls",
      page: LOCK_FILE,
      message: `${unlocked.length} published address${unlocked.length === 1 ? " is" : "es are"} not locked yet (${sample}${unlocked.length > 5 ? ", …" : ""}); run ${LOCK_COMMAND} and commit ${LOCK_FILE}`,
    });
  }
  return problems;
}
