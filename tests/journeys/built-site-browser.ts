/** Journeys open pages of the built site (`dist/`), served locally, in Debian's Chromium at phone width. */
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchChromium } from "../../tools/gates/browser-audit.ts";
import { serveDir } from "../../tools/gates/static-server.ts";

export interface OpenOptions {
  javaScriptEnabled?: boolean;
  width?: number;
  height?: number;
}

/** Serves `dist/` and starts Chromium for the calling test file; returns how to open a page in a fresh context. */
export function builtSiteBrowser(defaults: OpenOptions = {}): (path: string, options?: OpenOptions) => Promise<Page> {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveDir>>;
  beforeAll(async () => {
    server = await serveDir(join(import.meta.dirname, "../../dist"));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return async (path, options = {}) => {
    const o = { ...defaults, ...options };
    const context = await browser.newContext({
      javaScriptEnabled: o.javaScriptEnabled ?? true,
      viewport: { width: o.width ?? 390, height: o.height ?? 800 },
    });
    const page = await context.newPage();
    await page.goto(`${server.origin}${path}`);
    return page;
  };
}
