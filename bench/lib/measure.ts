/**
 * Runs a command and measures it: wall time, every output line with the moment it
 * arrived (so phases can be timed from the log), and peak memory two ways:
 * `/usr/bin/time -v` (the largest single process, from the kernel) when present,
 * and the whole process tree's resident memory sampled from /proc every 100 ms
 * (Pagefind's indexer is a separate process, so the tree sum is the honest total).
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface LogLine {
  /** Milliseconds since the command started. */
  readonly t: number;
  readonly text: string;
}

export interface Measured {
  readonly exitCode: number | null;
  readonly wallMs: number;
  /**
   * CPU time (user + system) of the command and the children it waited for, from `/usr/bin/time`:
   * on a machine busy with other work, the figure that says what the command itself cost.
   */
  readonly cpuMs: number | undefined;
  readonly lines: readonly LogLine[];
  /** Peak of the summed VmRSS of the process and all its descendants, sampled (KiB). */
  readonly peakTreeKb: number;
  /** Each process's own sampled peak, largest first, by name (e.g. node, pagefind_extended). */
  readonly peakByProcess: readonly { name: string; kb: number }[];
  /** The largest single process's maximum RSS as the kernel reports it (KiB), or undefined without /usr/bin/time. */
  readonly maxRssKb: number | undefined;
  readonly timedOut: boolean;
}

const TIME = "/usr/bin/time";

function statusKb(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** A process's children, from every thread's `children` list (threads fork too). */
function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((tid) => {
      try {
        return readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8")
          .trim()
          .split(/\s+/)
          .filter(Boolean)
          .map(Number);
      } catch {
        return [];
      }
    });
  } catch {
    return [];
  }
}

/** Resident memory of a process and its descendants: the sum, and each process's own figure by name. */
function treeRss(root: number): { totalKb: number; each: { pid: number; name: string; kb: number }[] } {
  const each: { pid: number; name: string; kb: number }[] = [];
  const stack = [root];
  const seen = new Set<number>();
  while (stack.length) {
    const pid = stack.pop()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    let name = "?";
    try {
      name = readFileSync(`/proc/${pid}/comm`, "utf8").trim();
    } catch {
      // The process has just exited.
    }
    each.push({ pid, name, kb: statusKb(pid, "VmRSS") });
    stack.push(...childrenOf(pid));
  }
  return { totalKb: each.reduce((n, p) => n + p.kb, 0), each };
}

export function measure(options: {
  command: string;
  args: readonly string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Where to write the full output. */
  logFile?: string;
  timeoutMs?: number;
  /** Echo a line to the console when it matches. */
  echo?: RegExp;
}): Promise<Measured> {
  const useTime = existsSync(TIME);
  const timeFile = join(tmpdir(), `portal-bench-time-${process.pid}-${Date.now()}.txt`);
  const [command, args] = useTime
    ? [TIME, ["-v", "-o", timeFile, options.command, ...options.args]]
    : [options.command, [...options.args]];
  const started = performance.now();
  // Its own process group, so a timeout can stop the build and the indexer it started together.
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const lines: LogLine[] = [];
  let peakTreeKb = 0;
  const peaks = new Map<number, { name: string; kb: number }>();
  let timedOut = false;
  const sample = () => {
    if (child.pid === undefined) return;
    const { totalKb, each } = treeRss(child.pid);
    peakTreeKb = Math.max(peakTreeKb, totalKb);
    for (const p of each) if (p.kb > (peaks.get(p.pid)?.kb ?? 0)) peaks.set(p.pid, { name: p.name, kb: p.kb });
  };
  const poll = setInterval(sample, 100);
  const timer = options.timeoutMs
    ? setTimeout(() => {
        timedOut = true;
        // The wrapper and its process group: the build and the indexer it started.
        if (child.pid !== undefined) {
          try {
            process.kill(-child.pid, "SIGTERM");
          } catch {
            child.kill("SIGTERM");
          }
        }
      }, options.timeoutMs)
    : undefined;
  const collect = (stream: NodeJS.ReadableStream) => {
    let rest = "";
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => {
      const t = performance.now() - started;
      const parts = (rest + chunk).split("\n");
      rest = parts.pop()!;
      for (const text of parts) {
        lines.push({ t, text });
        if (options.echo?.test(text)) console.log(`    ${text.replace(/^\d\d:\d\d:\d\d /, "")}`);
      }
    });
    stream.on("end", () => {
      if (rest) lines.push({ t: performance.now() - started, text: rest });
    });
  };
  collect(child.stdout!);
  collect(child.stderr!);
  return new Promise((resolvePromise, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      clearInterval(poll);
      if (timer) clearTimeout(timer);
      const wallMs = performance.now() - started;
      let maxRssKb: number | undefined;
      let cpuMs: number | undefined;
      if (useTime && existsSync(timeFile)) {
        const report = readFileSync(timeFile, "utf8");
        const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
        maxRssKb = m ? Number(m[1]) : undefined;
        const user = /User time \(seconds\): ([\d.]+)/.exec(report);
        const system = /System time \(seconds\): ([\d.]+)/.exec(report);
        cpuMs = user && system ? Math.round((Number(user[1]) + Number(system[1])) * 1000) : undefined;
        rmSync(timeFile, { force: true });
      }
      if (options.logFile)
        writeFileSync(
          options.logFile,
          lines.map((l) => `[${(l.t / 1000).toFixed(3).padStart(8)}s] ${l.text}`).join("\n") + "\n",
        );
      const peakByProcess = [...peaks.values()].filter((p) => p.kb > 50 * 1024).sort((a, b) => b.kb - a.kb);
      resolvePromise({ exitCode: code, wallMs, cpuMs, lines, peakTreeKb, peakByProcess, maxRssKb, timedOut });
    });
  });
}

export { statusKb };
