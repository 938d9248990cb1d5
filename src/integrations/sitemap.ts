import type { AstroIntegration } from "astro";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * Writes sitemap.xml (every HTML page, sorted) and robots.txt pointing at it. A sitemap must list
 * absolute addresses, so without a public address (baseUrl or SITE_URL) only robots.txt is written
 * and the build log says why.
 */
export function sitemap(): AstroIntegration {
  let site: URL | undefined;
  return {
    name: "portal-sitemap",
    hooks: {
      "astro:config:done": ({ config }) => {
        site = config.site ? new URL(config.site) : undefined;
      },
      "astro:build:done": ({ dir, pages, logger }) => {
        if (!site) {
          writeFileSync(fileURLToPath(new URL("robots.txt", dir)), "User-agent: *\nAllow: /\n");
          logger.info(
            "No sitemap.xml: the public address is not known. Set baseUrl in content/site.yml, or SITE_URL when building, to publish one.",
          );
          return;
        }
        const urls = pages
          .map((p) => `/${p.pathname}`.replace(/\/+$/, "/").replace(/^\/\/$/, "/"))
          .filter((p) => p !== "/404/")
          .filter((p) => !/\.[a-z]+\/?$/.test(p))
          .sort();
        const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.map((u) => `  <url><loc>${new URL(u, site).href}</loc></url>`).join("\n")}\n</urlset>\n`;
        writeFileSync(fileURLToPath(new URL("sitemap.xml", dir)), xml);
        writeFileSync(
          fileURLToPath(new URL("robots.txt", dir)),
          `User-agent: *\nAllow: /\nSitemap: ${new URL("/sitemap.xml", site).href}\n`,
        );
      },
    },
  };
}
