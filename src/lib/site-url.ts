/**
 * The portal's public address: `SITE_URL` at build time, else `baseUrl` in the content root's
 * `content/site.yml`, else unknown. When it is unknown nothing absolute is invented: pages have
 * no canonical link, feeds and calendars use relative links, and no sitemap is written.
 */
const SITE_URL_ENV = "SITE_URL";

export type PublicAddress =
  | { readonly ok: true; readonly url: string | undefined; readonly from: "SITE_URL" | "content/site.yml" | "none" }
  | { readonly ok: false; readonly message: string };

/** Hosts that only ever mean "this computer": never a public address. */
const LOCAL = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0)$/i;

/** Why `text` cannot be the public address, or undefined when it can. */
function addressProblem(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `expected a web address such as https://send.example.gov.uk, got ${JSON.stringify(text)}`;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    return `expected an address starting https://, got ${JSON.stringify(text)}`;
  if (LOCAL.test(url.hostname))
    return `${text} is this computer, not a public address; leave it out until the portal has its public address`;
  if (url.search || url.hash) return `expected an address without ? or #, got ${JSON.stringify(text)}`;
  return undefined;
}

/** The public address, without a trailing slash, and where it came from. */
export function publicAddress(options: {
  readonly env?: NodeJS.ProcessEnv;
  readonly baseUrl?: string | undefined;
}): PublicAddress {
  const fromEnv = (options.env ?? process.env)[SITE_URL_ENV];
  if (fromEnv !== undefined && fromEnv.trim() !== "") {
    const problem = addressProblem(fromEnv.trim());
    if (problem) return { ok: false, message: `${SITE_URL_ENV}: ${problem}` };
    return { ok: true, url: fromEnv.trim().replace(/\/+$/, ""), from: "SITE_URL" };
  }
  if (options.baseUrl === undefined) return { ok: true, url: undefined, from: "none" };
  const problem = addressProblem(options.baseUrl);
  if (problem) return { ok: false, message: `content/site.yml baseUrl: ${problem}` };
  return { ok: true, url: options.baseUrl.replace(/\/+$/, ""), from: "content/site.yml" };
}

/** `path` as an absolute address when the public address is known, else as it is (site-relative). */
export function siteHref(path: string, site: URL | string | undefined): string {
  return site ? new URL(path, site).href : path;
}

/**
 * A domain the publisher owns, for identifiers that must never change: Atom `tag:` ids and
 * calendar UIDs. It comes from the contact settings (the web page's host, else the email's
 * domain), not the public address, so ids stay the same when the portal gets or changes its
 * address, and never name `localhost`.
 */
export function ownedDomain(site: {
  readonly contact: { readonly url?: string | undefined; readonly email?: string | undefined };
}): string {
  if (site.contact.url) return new URL(site.contact.url).hostname;
  const domain = site.contact.email?.split("@")[1];
  if (domain) return domain.toLowerCase();
  throw new Error("content/site.yml: contact needs a url or an email (npm run check says so)");
}
