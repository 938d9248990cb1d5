/**
 * The browser policies every page carries, in one place so that pages Astro renders
 * (`src/layouts/Page.astro`) and pages the build writes itself (redirects) cannot drift apart.
 */

/**
 * The Content-Security-Policy of every page: nothing from another origin, and no inline
 * script or style at all. The site's own scripts are files (`astro.config.mjs` never inlines
 * them), so no page needs a hash or a nonce, and markup injected into a page could not run.
 * 'wasm-unsafe-eval' lets Pagefind's WebAssembly search run. `frame-ancestors` cannot go in a
 * `<meta>`: `public/_headers` carries it for hosts that read that file.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "connect-src 'self'",
].join("; ");

/**
 * `no-referrer`: a council or NHS site a family follows a link to is not told which page
 * (which child's needs, which complaint) they were reading. The portal has no analytics or
 * logins that need the header, so nothing is lost by never sending it.
 */
export const REFERRER_POLICY = "no-referrer";
