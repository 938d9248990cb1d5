/**
 * A second council's portal from the same code, end to end: the fictional Northmoor content root
 * (tests/fixtures/northmoor) goes through every command with PORTAL_DIR, including a preview that
 * reloads and shows located problems, and passes every gate with its own urls.lock; a starter
 * from `npm run new -- portal` checks, builds and passes the gates as written.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const REPO = join(import.meta.dirname, "../..");
const NORTHMOOR = join(REPO, "tests/fixtures/northmoor");
const LONG = 600_000;

/** The environment an officer's shell has: none of the test runner's variables (Astro's dev server skips its page handler under VITEST). */
function officerEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" };
  for (const key of Object.keys(env))
    if (key.startsWith("VITEST") || key === "NODE_ENV" || key === "TEST") delete env[key];
  delete env["PORTAL_DIR"];
  // An officer's commands run on the real day; the suite's pinned day belongs to the sample's timeline.
  delete env["PORTAL_TODAY"];
  return env;
}

/** Runs `npm run <script>` as an officer would, with PORTAL_DIR set (or not, when undefined). */
function npm(script: string, args: readonly string[], portalDir: string | undefined) {
  const env = officerEnv();
  if (portalDir !== undefined) env["PORTAL_DIR"] = portalDir;
  const result = spawnSync("npm", ["run", "--silent", script, ...(args.length ? ["--", ...args] : [])], {
    cwd: REPO,
    env,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    // A command that should fail at once (npm run dev with a bad PORTAL_DIR) must not hang the suite.
    timeout: LONG,
  });
  return { code: result.status, out: `${result.stdout}\n${result.stderr}` };
}

/** A copy of a content root in a temporary folder, committed to a git repository of its own as a council's would be. */
function copyRoot(from: string): string {
  const root = mkdtempSync(join(tmpdir(), "council-"));
  cpSync(from, root, { recursive: true, filter: (src) => !src.startsWith(join(from, "dist")) });
  git(root, "init", "-q");
  git(root, "add", "-A");
  git(root, "-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-qm", "Content");
  return root;
}
const git = (cwd: string, ...args: string[]) => spawnSync("git", args, { cwd, encoding: "utf8" });

const repoLock = readFileSync(join(REPO, "urls.lock"), "utf8");
const cleanups: string[] = [];
afterAll(() => {
  for (const dir of cleanups) rmSync(dir, { recursive: true, force: true });
  // Building and locking another content root never touches this repository's lock.
  expect(readFileSync(join(REPO, "urls.lock"), "utf8")).toBe(repoLock);
});

describe("Northmoor, a second council with only a content folder", () => {
  let root: string;
  let verify: { code: number | null; out: string };
  beforeAll(() => {
    root = copyRoot(NORTHMOOR);
    cleanups.push(root);
    verify = npm("verify", [], root);
  }, LONG);

  it("passes npm run verify: the check, the build and every gate, with its own lock", () => {
    expect(verify.out).toContain("Every check passed");
    for (const gate of ["urls", "links", "html", "privacy", "browser", "determinism"])
      expect(verify.out).toContain(`✓ ${gate}: 0 problems`);
    expect(verify.code).toBe(0);
  });

  it("builds into dist/ beside its own content", () => {
    expect(existsSync(join(root, "dist/kpis/persistent-absence-ehcp/index.html"))).toBe(true);
  });

  it("publishes its own public address in canonical links and the sitemap", () => {
    const html = readFileSync(join(root, "dist/kpis/persistent-absence-ehcp/index.html"), "utf8");
    expect(html).toContain(
      '<link rel="canonical" href="https://send.northmoor.example/kpis/persistent-absence-ehcp/">',
    );
    expect(readFileSync(join(root, "dist/sitemap.xml"), "utf8")).toContain(
      "<loc>https://send.northmoor.example/kpis/ehcps-within-20-weeks/</loc>",
    );
  });

  it("locks its addresses in its own urls.lock, which is already complete", () => {
    const result = npm("urls:lock", [], root);
    expect(result.out).toContain(`${join(root, "urls.lock")}: 0 address(es) added`);
    expect(result.code).toBe(0);
    expect(readFileSync(join(root, "urls.lock"), "utf8")).toBe(readFileSync(join(NORTHMOOR, "urls.lock"), "utf8"));
  });

  it(
    "fails its own URL gate, naming the address, when a published page is removed",
    () => {
      rmSync(join(root, "content/reports/annual-send-report"), { recursive: true });
      writeFileSync(
        join(root, "content/meetings/cyp-scrutiny-2025-01-15.md"),
        readFileSync(join(root, "content/meetings/cyp-scrutiny-2025-01-15.md"), "utf8").replace(
          "\n    papers:\n      - title: Annual SEND report 2024\n        report: annual-send-report",
          "",
        ),
      );
      const build = npm("build", [], root);
      expect(build.code).toBe(0);
      const gates = npm("gates", ["urls"], root);
      expect(gates.out).toContain("/reports/annual-send-report/ — was published (it is in urls.lock");
      expect(gates.code).toBe(1);
      git(root, "checkout", "-q", "--", ".");
    },
    LONG,
  );

  it(
    "stops a build of bad content with the located problem and no stack trace",
    () => {
      const file = join(root, "data/kpis/persistent-absence-ehcp.json");
      const good = readFileSync(file, "utf8");
      writeFileSync(file, good.replace('"unit": "percent"', '"unit": "percentage"'));
      try {
        const build = npm("build", [], root);
        expect(build.out).toContain("data/kpis/persistent-absence-ehcp.json:6 — unit: expected one of percent");
        expect(build.out).not.toContain("Stack trace");
        expect(build.out).not.toMatch(/^\s+at /m);
        expect(build.code).not.toBe(0);
      } finally {
        writeFileSync(file, good);
      }
    },
    LONG,
  );

  it(
    "adds a figure with npm run kpi and starts a report with npm run new, in its own folder",
    () => {
      const kpi = npm("kpi", ["add", "ehcps-within-20-weeks", "2025", "58"], root);
      expect(kpi.code).toBe(0);
      expect(readFileSync(join(root, "data/kpis/ehcps-within-20-weeks.json"), "utf8")).toContain('"period": "2025"');
      const report = npm("new", ["report", "spring-update", "--plan", "send-strategy-2024-2027"], root);
      expect(report.code).toBe(0);
      expect(existsSync(join(root, "content/reports/spring-update/v1.md"))).toBe(true);
      expect(npm("check", [], root).code).toBe(0);
    },
    LONG,
  );
});

describe("the preview of another content root", () => {
  let root: string;
  let port: number;
  let server: ChildProcess | undefined;
  let log = "";
  beforeAll(async () => {
    root = copyRoot(NORTHMOOR);
    cleanups.push(root);
    port = await freePort();
    server = spawn(
      process.execPath,
      [join(REPO, "node_modules/astro/bin/astro.mjs"), "dev", "--port", String(port), "--host", "127.0.0.1"],
      {
        cwd: REPO,
        env: { ...officerEnv(), PORTAL_DIR: root },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    server.stdout?.on("data", (d) => (log += d));
    server.stderr?.on("data", (d) => (log += d));
    await pageShowing("/kpis/persistent-absence-ehcp/", "Children with an EHCP who are persistently absent");
  }, LONG);
  afterAll(() => {
    server?.kill();
  });

  const page = async (path: string): Promise<string> => {
    try {
      return await (await fetch(`http://127.0.0.1:${port}${path}`)).text();
    } catch {
      return "";
    }
  };
  /** Polls until the page contains the text, or fails after 150 s with the server's log. */
  const pageShowing = async (path: string, text: string): Promise<string> => {
    const until = Date.now() + 150_000;
    let html = "";
    while (Date.now() < until) {
      html = await page(path);
      if (html.includes(text)) return html;
      await new Promise((r) => setTimeout(r, 300));
    }
    throw new Error(
      `${path} never showed ${JSON.stringify(text)}. Server log:\n${log}\nLast page:\n${html.slice(0, 2000)}`,
    );
  };

  it(
    "reloads when a file under the content root changes",
    async () => {
      const file = join(root, "data/kpis/persistent-absence-ehcp.json");
      writeFileSync(file, readFileSync(file, "utf8").replace("who are persistently absent", "who often miss school"));
      await pageShowing("/kpis/persistent-absence-ehcp/", "Children with an EHCP who often miss school");
    },
    LONG,
  );

  it(
    "shows the located problem when a file there is broken, and the page again once it is fixed",
    async () => {
      const file = join(root, "data/kpis/persistent-absence-ehcp.json");
      const good = readFileSync(file, "utf8");
      writeFileSync(file, good.replace('"unit": "percent"', '"unit": "percentage"'));
      const html = await pageShowing(
        "/kpis/persistent-absence-ehcp/",
        "data/kpis/persistent-absence-ehcp.json:6 — unit:",
      );
      expect(html).toContain("The content has problems");
      writeFileSync(file, good);
      await pageShowing("/kpis/persistent-absence-ehcp/", "Children with an EHCP who often miss school");
    },
    LONG,
  );
});

describe("a new council's starter from npm run new -- portal", () => {
  let parent: string;
  let root: string;
  let created: { code: number | null; out: string };
  beforeAll(() => {
    parent = mkdtempSync(join(tmpdir(), "starter-"));
    cleanups.push(parent);
    root = join(parent, "our-portal");
    created = npm(
      "new",
      ["portal", root, "--council", "Northmoor Council", "--email", "send@northmoor.example"],
      undefined,
    );
    git(root, "init", "-q");
    git(root, "add", "-A");
    git(root, "-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-qm", "Starter");
  }, LONG);

  it("writes a complete content root with its own urls.lock", () => {
    expect(created.out).toContain("Wrote urls.lock with");
    expect(created.code).toBe(0);
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) =>
        statSync(join(dir, f)).isDirectory() && f !== ".git"
          ? files(join(dir, f)).map((g) => `${f}/${g}`)
          : f === ".git"
            ? []
            : [f],
      );
    expect(files(root).sort()).toEqual([
      ".github/workflows/publish.yml",
      ".gitignore",
      "README.md",
      "content/committees/send-improvement-board.yml",
      "content/glossary.yml",
      "content/meetings/send-improvement-board-first.md",
      "content/plans/send-improvement-plan.md",
      "content/redirects.yml",
      "content/reports/progress-report/v1.md",
      "content/site.yml",
      "data/kpis/ehcp-within-20-weeks.json",
      "urls.lock",
    ]);
  });

  it(
    "checks, builds and passes the gates as written",
    () => {
      expect(npm("check", [], root).code).toBe(0);
      expect(npm("build", [], root).code).toBe(0);
      const gates = npm("gates", ["urls", "links", "html", "privacy"], root);
      expect(gates.out).not.toContain("✗");
      expect(gates.code).toBe(0);
    },
    LONG,
  );

  it("publishes no absolute address it does not know", () => {
    const html = readFileSync(join(root, "dist/index.html"), "utf8");
    expect(html).not.toContain('rel="canonical"');
    expect(existsSync(join(root, "dist/sitemap.xml"))).toBe(false);
    expect(readFileSync(join(root, "dist/feed.xml"), "utf8")).toContain(
      "<id>tag:northmoor.example,2019:feed:/feed.xml</id>",
    );
  });

  it("refuses a folder that already has files in it", () => {
    const again = npm("new", ["portal", root, "--council", "X", "--email", "a@b.org"], undefined);
    expect(again.out).toContain(`Error: ${root} already has files in it`);
    expect(again.code).toBe(1);
  });
});

describe("a missing or empty PORTAL_DIR", () => {
  const commands: [string, string[]][] = [
    ["check", []],
    ["build", []],
    ["dev", []],
    ["urls:lock", []],
    ["gates", ["links"]],
    ["verify", []],
    ["kpi", ["add", "x", "2024", "1"]],
    ["new", ["report", "x"]],
    ["bench", ["--no-baseline"]],
  ];
  it.each(commands)("npm run %s says PORTAL_DIR is empty", (script, args) => {
    const result = npm(script, args, "");
    expect(result.out).toContain("PORTAL_DIR is set but empty");
    expect(result.code).not.toBe(0);
  });
  it.each(commands)("npm run %s says the folder does not exist", (script, args) => {
    const result = npm(script, args, "/no/such/portal");
    expect(result.out).toContain("PORTAL_DIR=/no/such/portal does not exist");
    expect(result.out).not.toMatch(/^\s+at /m);
    expect(result.code).not.toBe(0);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

describe("the sample, which has no public address yet", () => {
  const DIST = join(REPO, "dist");
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));

  it("publishes no localhost address in any page, feed, calendar or data file", () => {
    const published = files(DIST).filter((f) => /\.(html|xml|ics|json|txt|csv)$/.test(f) && !f.includes("/pagefind/"));
    const local = published.filter((f) => /localhost|127\.0\.0\.1/.test(readFileSync(f, "utf8")));
    expect(local).toEqual([]);
  });

  it("has no canonical link, no og:url and no sitemap", () => {
    const home = readFileSync(join(DIST, "index.html"), "utf8");
    expect(home).not.toContain('rel="canonical"');
    expect(home).not.toContain('property="og:url"');
    expect(existsSync(join(DIST, "sitemap.xml"))).toBe(false);
    expect(readFileSync(join(DIST, "robots.txt"), "utf8")).toBe("User-agent: *\nAllow: /\n");
  });
});
