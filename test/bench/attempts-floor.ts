// `npm run bench:attempts -- --floor [--requests 5000] [--profile <file.cpuprofile>]`
// What this machine's local stack costs before a save does anything of its own, with the full run's client and
// in-flight count, on the same stack and quiz: (a) GET /health (no auth, no D1), (b) GET of an attempt with its
// learner token (token, rate limit, D1 reads), (c) the answer save the full run times. Each phase is `requests`
// requests after a warm-up, `in-flight` at a time, one learner and attempt per lane. Besides p50/p99 and
// requests/s it prints the CPU each process spent per request (from /proc), so what is wrangler's tooling, what
// is the Worker's runtime and what is the client shows. `--profile` samples the Worker's isolate during (c).
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import { startProfile } from "./workerd-profile";

export interface FloorTarget {
  apiUrl: string;
  /** `…/projects/{p}/quizzes/{q}` on the Worker. */
  quizUrl: string;
  /** One learner per lane: its token and its attempt in progress. */
  lanes: { token: string; attemptId: string }[];
  questions: { id: string; options: string[] }[];
  /** wrangler's DevTools inspector (`--profile`). */
  inspectorUrl?: URL;
}

type Request = (lane: number, n: number) => Promise<Response>;

const TICK_MS = 1000 / 100; // /proc reports CPU time in clock ticks (USER_HZ, 100 on Linux)

/** The processes the benchmark started (wrangler, its workerd runtimes, the media service, the fake OpenAI). */
function descendants(root: number): { pid: number; name: string }[] {
  const found: { pid: number; name: string }[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    for (const task of safe(() => readdirSync(`/proc/${pid}/task`), [] as string[])) {
      const children = safe(() => readFileSync(`/proc/${pid}/task/${task}/children`, "utf8"), "");
      for (const child of children.trim().split(/\s+/).filter(Boolean).map(Number)) {
        const argv = safe(() => readFileSync(`/proc/${child}/cmdline`, "utf8").split("\0"), [] as string[]);
        found.push({ pid: child, name: processName(argv) });
        queue.push(child);
      }
    }
  }
  return found;
}

/** wrangler dev runs two workerd: its proxy on the public port, and the Worker's runtime on a port of its own. */
function processName(argv: string[]): string {
  if (argv[0]?.endsWith("/workerd")) {
    return argv.includes("--socket-addr=entry=127.0.0.1:0") ? "Worker's workerd" : "wrangler's proxy workerd";
  }
  if (argv.some((arg) => arg.endsWith("wrangler-dist/cli.js"))) return "wrangler (node)";
  const script = argv.find((arg) => /container\/src|fake-openai|esbuild/.test(arg)) ?? argv[0] ?? "?";
  return script.split("/").slice(-2).join("/");
}

function safe<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

/** CPU milliseconds each process has used so far, and this (client) process's. */
function cpuNow(): Map<string, number> {
  const cpu = new Map<string, number>();
  for (const { pid, name } of descendants(process.pid)) {
    const stat = safe(() => readFileSync(`/proc/${pid}/stat`, "utf8"), "");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (fields.length < 13) continue;
    cpu.set(name, (cpu.get(name) ?? 0) + (Number(fields[11]) + Number(fields[12])) * TICK_MS);
  }
  const own = process.cpuUsage();
  cpu.set("bench client", (own.user + own.system) / 1000);
  return cpu;
}

async function closedLoop(total: number, lanes: number, request: Request) {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      while (next < total) {
        const n = next++;
        const t = performance.now();
        const res = await request(lane, n);
        await res.arrayBuffer();
        latencies.push(performance.now() - t);
        if (!res.ok) {
          failures++;
          if (failures <= 3) console.error(`floor: ${res.status} ${res.url}`);
        }
      }
    }),
  );
  return { latencies: latencies.sort((a, b) => a - b), failures };
}

async function phase(label: string, total: number, lanes: number, request: Request, profile?: string, url?: URL) {
  await closedLoop(lanes * 4, lanes, request);
  const before = cpuNow();
  const profiler = profile && url ? await startProfile(url, profile) : undefined;
  const startedAt = performance.now();
  const { latencies, failures } = await closedLoop(total, lanes, request);
  const wallMs = performance.now() - startedAt;
  const profiled = await profiler?.stop();
  const after = cpuNow();
  const q = (f: number) => latencies[Math.min(latencies.length - 1, Math.floor(f * latencies.length))]!;
  const cpu = [...after]
    .map(([name, ms]) => [name, (ms - (before.get(name) ?? 0)) / total] as const)
    .filter(([, perRequest]) => perRequest >= 0.05)
    .sort((a, b) => b[1] - a[1]);
  const totalCpu = cpu.reduce((sum, [, perRequest]) => sum + perRequest, 0);
  console.log(
    `${label.padEnd(34)} ${total}: p50 ${q(0.5).toFixed(1)} ms, p99 ${q(0.99).toFixed(1)} ms, ` +
      `${((total * 1000) / wallMs).toFixed(0)} requests/s, ${failures} failed  ->  p99 < 100 ms ${q(0.99) < 100 ? "met" : "MISSED"}`,
  );
  console.log(
    `${"".padEnd(34)} CPU per request ${totalCpu.toFixed(2)} ms: ${cpu.map(([name, ms]) => `${name} ${ms.toFixed(2)}`).join(", ")}`,
  );
  if (profiled) console.log(`${"".padEnd(34)} isolate profile (${profile}):\n  ${profiled.top_self_time.join("\n  ")}`);
}

export async function measureFloor(target: FloorTarget, requests: number, profile?: string) {
  const lanes = target.lanes.length;
  const auth = (lane: number) => ({ Authorization: `Bearer ${target.lanes[lane]!.token}` });
  const attemptUrl = (lane: number) => `${target.quizUrl}/attempts/${target.lanes[lane]!.attemptId}`;
  const load = () => os.loadavg()[0]!.toFixed(1);
  console.log(
    `Local stack floor: ${requests} requests a phase, ${lanes} in flight, bench:attempts' client and stack (wrangler dev), ${os.cpus().length} cores, load ${load()}`,
  );
  await phase("(a) GET /health (no auth)", requests, lanes, () => fetch(`${target.apiUrl}/health`));
  await phase("(b) GET attempt (learner token)", requests, lanes, (lane) =>
    fetch(attemptUrl(lane), { headers: auth(lane) }),
  );
  await phase(
    "(c) PUT answer (the save)",
    requests,
    lanes,
    (lane, n) => {
      const question = target.questions[n % target.questions.length]!;
      return fetch(`${attemptUrl(lane)}/answers/${question.id}`, {
        method: "PUT",
        headers: { "Content-Type": "application/json", ...auth(lane) },
        body: JSON.stringify({ option_ids: [question.options[n % question.options.length]] }),
      });
    },
    profile,
    target.inspectorUrl,
  );
  console.log(`load at the end ${load()}`);
}
