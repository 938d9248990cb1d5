/**
 * The browser policies every page carries, in one place so that pages Astro renders
 * and pages the build writes itself (redirects) cannot drift apart.
 */

/**
 * The Content-Security-Policy directives besides script-src and style-src, which Astro
 * completes with the hashes of each page's own inline scripts and styles.
 * `frame-ancestors` cannot go in a `<meta>`: `public/_headers` carries it for hosts that read that file.
 */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "connect-src 'self'",
] as const;

/** 'wasm-unsafe-eval' lets Pagefind's WebAssembly search run; nothing may load from another origin. */
export const CSP_SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"] as const;

/** The whole policy of a page with no inline script or style, as Astro writes it in a `<meta>`. */
export const CSP_WITHOUT_INLINE = `${CSP_DIRECTIVES.join(";")}; script-src ${CSP_SCRIPT_SOURCES.join(" ")}; style-src 'self';`;

/**
 * `no-referrer`: a council or NHS site a family follows a link to is not told which page
 * (which child's needs, which complaint) they were reading. The portal has no analytics or
 * logins that need the header, so nothing is lost by never sending it.
 */
export const REFERRER_POLICY = "no-referrer";
