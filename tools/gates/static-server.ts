import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".csv": "text/csv; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".ics": "text/calendar; charset=utf-8",
  ".wasm": "application/wasm",
  ".webmanifest": "application/manifest+json",
};

export interface HeaderRule {
  readonly pattern: RegExp;
  readonly headers: readonly (readonly [string, string])[];
}

/**
 * Reads a Netlify/Cloudflare `_headers` file: an unindented path pattern (`*` any text,
 * `:name` one segment) followed by indented `Name: value` lines.
 */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: { pattern: RegExp; headers: [string, string][] }[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "" || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      const source = line
        .trim()
        .replace(/[.+?^${}()|[\]\\]/g, "\\$&")
        .replace(/\*/g, ".*")
        .replace(/:\w+/g, "[^/]+");
      rules.push({ pattern: new RegExp(`^${source}$`), headers: [] });
    } else {
      const m = /^\s+([^:\s]+)\s*:\s*(.*)$/.exec(line);
      const rule = rules[rules.length - 1];
      if (m?.[1] && rule) rule.headers.push([m[1], m[2] ?? ""]);
    }
  }
  return rules;
}

/**
 * Serves a built site on 127.0.0.1 the way a static host does: `/x/` is `x/index.html`,
 * `/x` with a folder behind it is redirected to `/x/`, misses get `404.html` with status
 * 404, and the site's own `_headers` file is applied so its security headers are tested.
 */
export async function serveDir(dir: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const root = normalize(dir + sep);
  const headerRules = existsSync(join(root, "_headers"))
    ? parseHeadersFile(readFileSync(join(root, "_headers"), "utf8"))
    : [];
  const isFile = (p: string): boolean => existsSync(p) && statSync(p).isFile();

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    for (const rule of headerRules)
      if (rule.pattern.test(url.pathname)) for (const [k, v] of rule.headers) res.setHeader(k, v);
    let file = normalize(join(root, path.endsWith("/") ? `${path}index.html` : path));
    let status = 200;
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (!isFile(file) && !path.endsWith("/") && isFile(join(file, "index.html"))) {
      res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    if (!isFile(file)) {
      status = 404;
      file = join(root, "404.html");
      if (!isFile(file)) {
        res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found");
        return;
      }
    }
    const body = readFileSync(file);
    res.writeHead(status, {
      "content-type": TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
      "content-length": body.length,
    });
    res.end(req.method === "HEAD" ? undefined : body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
