/**
 * What a first search costs a reader: open /search/ in Debian's Chromium, run one
 * query through the real search page, and add up the bytes that crossed the wire.
 * The site is served the way a static host would: text gzipped (level 6), Pagefind's
 * index files (already compressed by Pagefind) sent as they are.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";

export const CHROMIUM = "/usr/bin/chromium";

const TEXT = /\.(html|css|js|mjs|json|xml|svg|csv|txt|ics)$/;
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".wasm": "application/wasm",
};

export interface SearchTransfer {
  readonly query: string;
  readonly results: string;
  /** Every byte from opening /search/ to the results on screen (bodies as sent, plus headers). */
  readonly totalBytes: number;
  /** Of which Pagefind's files (script, WebAssembly, index chunks, filters, fragments). */
  readonly pagefindBytes: number;
  readonly requests: number;
  /** The heaviest requests, for the report. */
  readonly largest: readonly { url: string; bytes: number }[];
  /** Bytes and requests by kind: the page itself, Pagefind's script, its WebAssembly, index chunks, filters and result fragments. */
  readonly byKind: Readonly<Record<string, { bytes: number; requests: number }>>;
}

export function kindOf(url: string): string {
  if (!url.startsWith("/pagefind/")) return "page";
  if (/\.pf_fragment$/.test(url)) return "fragments";
  if (/\.pf_index$/.test(url)) return "index";
  if (/\.pf_filter$/.test(url)) return "filters";
  if (/\.pf_meta$|pagefind-entry\.json$/.test(url)) return "meta";
  if (/\.pagefind$/.test(url)) return "wasm";
  return "script";
}

function serve(dist: string): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    let file = normalize(join(dist, decodeURIComponent(url.pathname)));
    if (!file.startsWith(dist)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    let body = readFileSync(file);
    const headers: Record<string, string> = { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" };
    if (TEXT.test(file) && /gzip/.test(String(req.headers["accept-encoding"] ?? ""))) {
      body = gzipSync(body, { level: 6 });
      headers["Content-Encoding"] = "gzip";
    }
    headers["Content-Length"] = String(body.length);
    res.writeHead(200, headers).end(body);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** Undefined when Chromium or playwright-core is not installed. */
export async function firstSearch(dist: string, query: string): Promise<SearchTransfer | undefined> {
  if (!existsSync(CHROMIUM)) return undefined;
  let chromium: typeof import("playwright-core").chromium;
  try {
    ({ chromium } = await import("playwright-core"));
  } catch {
    return undefined;
  }
  const server = await serve(dist);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  try {
    const page = await browser.newPage();
    const done: Promise<{ url: string; bytes: number }>[] = [];
    page.on("requestfinished", (request) => {
      done.push(
        request
          .sizes()
          .then((s) => ({ url: request.url().replace(base, ""), bytes: s.responseBodySize + s.responseHeadersSize })),
      );
    });
    await page.goto(`${base}/search/`, { waitUntil: "load" });
    await page.locator("#q").fill(query);
    await page.locator("#search-form button[type=submit]").click();
    await page.waitForFunction(
      () => /result/.test(document.getElementById("search-status")?.textContent ?? ""),
      undefined,
      { timeout: 60_000 },
    );
    await page.waitForLoadState("networkidle");
    const results = (await page.locator("#search-status").textContent()) ?? "";
    const sizes = await Promise.all(done);
    return {
      query,
      results: results.trim(),
      totalBytes: sizes.reduce((n, s) => n + s.bytes, 0),
      pagefindBytes: sizes.filter((s) => s.url.startsWith("/pagefind/")).reduce((n, s) => n + s.bytes, 0),
      requests: sizes.length,
      largest: [...sizes].sort((a, b) => b.bytes - a.bytes).slice(0, 5),
      byKind: sizes.reduce<Record<string, { bytes: number; requests: number }>>((acc, x) => {
        const k = (acc[kindOf(x.url)] ??= { bytes: 0, requests: 0 });
        k.bytes += x.bytes;
        k.requests++;
        return acc;
      }, {}),
    };
  } finally {
    await browser.close();
    server.close();
  }
}
