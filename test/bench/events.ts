// `npm run bench:events [-- --ws 200 --sse 50 --jobs 500 --stack dev-api|wrangler-dev]`
// Against wrangler's local stack (local Queues, Durable Objects, D1): one job watched by many WebSocket and
// SSE subscribers while it reports 100 progress updates, then the engine's throughput for no-op jobs.
// It runs test/bench/events-worker.ts, which is the real Worker plus two scripted job types.
//
// Stacks (both: wrangler's dev runtime, the same workerd, local simulators and ProxyWorker hop in front):
// - dev-api (default): wrangler's startWorker API with the DevTools inspector off. `wrangler dev` always
//   attaches it, and then every chunk of every SSE stream (each one a subrequest to the job object) becomes
//   a devtools network event that wrangler relays through a second workerd into Node as one HTTP request
//   each: with 50 SSE subscribers that relay alone used more CPU than the Worker.
// - wrangler-dev: the `wrangler dev` CLI, as `npm run dev` runs it, inspector included.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { build, type Plugin } from "esbuild";
import { unstable_startWorker } from "wrangler";
import WebSocket from "ws";
import { writeLocalWranglerConfig } from "../stack/dev-config";
import { numberArg } from "./cli-args";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** wrangler.toml's Text [[rules]] (the offline API viewers' assets), which a plain esbuild run would parse as code. */
const textModules: Plugin = {
  name: "wrangler-text-rules",
  setup(b) {
    b.onLoad({ filter: /(swagger-ui-bundle\.js|swagger-ui\.css|redoc\.standalone\.js)$/ }, (args) => ({
      contents: readFileSync(args.path, "utf8"),
      loader: "text",
    }));
  },
};
const WS_SUBSCRIBERS = numberArg("ws", 200);
const SSE_SUBSCRIBERS = numberArg("sse", 50);
const NOOP_JOBS = numberArg("jobs", 500);
const PORT = numberArg("port", 8871);
const STACK = process.argv.includes("--stack") ? process.argv[process.argv.indexOf("--stack") + 1] : "dev-api";
if (STACK !== "dev-api" && STACK !== "wrangler-dev") throw new Error(`--stack: dev-api or wrangler-dev, not ${STACK}`);
const STEPS = 100; // events-worker.ts reports progress 1..100
const API = `http://127.0.0.1:${PORT}`;
const ADMIN_KEY = "bench-admin-key";
const AUTH = { Authorization: `Bearer ${ADMIN_KEY}` };

interface Job {
  id: string;
  status: string;
  progress: number;
  updated_at: string;
}
interface Receipt {
  id: number;
  job: Job;
  at: number;
}

/**
 * The local config with absolute paths (so it can live in .tmp/) and `main` pointing at the bench Worker,
 * bundled beforehand: wrangler dev reloads (and resets every Durable Object) whenever a watched source
 * file changes, and other work in this tree changes worker/ files all the time.
 */
async function benchConfig(): Promise<string> {
  const bundle = path.join(ROOT, ".tmp/bench-events-dist/worker.js");
  await build({
    entryPoints: [path.join(ROOT, "test/bench/events-worker.ts")],
    bundle: true,
    format: "esm",
    platform: "neutral",
    conditions: ["workerd", "worker", "browser"],
    mainFields: ["module", "main"],
    external: ["cloudflare:*", "node:*"],
    outfile: bundle,
    logLevel: "error",
    plugins: [textModules],
  });
  const local = readFileSync(writeLocalWranglerConfig(), "utf8")
    .replace(/^main = ".*"$/m, `main = "${bundle}"\nno_bundle = true`)
    .replace(/^migrations_dir = "(.*)"$/m, (_, dir) => `migrations_dir = "${path.join(ROOT, dir)}"`)
    .replace(/^image = "\.\/(.*)"$/m, (_, file) => `image = "${path.join(ROOT, file)}"`);
  const file = path.join(ROOT, ".tmp/wrangler.bench-events.toml");
  writeFileSync(file, local);
  return file;
}

function start(command: string, args: string[]): { child: ChildProcess; output: () => string } {
  const env = { ...process.env, CI: "true", WRANGLER_SEND_METRICS: "false" };
  const child = spawn(command, args, { cwd: ROOT, env, detached: true, stdio: "pipe" });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return { child, output: () => output };
}

const VARS = { DEPLOY_ENV: "development", LOG_LEVEL: "ERROR", ADMIN_API_KEY: ADMIN_KEY, MAX_QUEUE_SIZE: "10000" };

async function waitForHealth(exited: () => string | null) {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const exit = exited();
    if (exit !== null) throw new Error(exit);
    if (Date.now() > deadline) throw new Error("the Worker did not answer /health within 90 s");
    const ok = await fetch(`${API}/health`).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Starts the bench Worker on the chosen stack; resolves to a function that stops it. */
async function startWorker(persist: string): Promise<() => Promise<void>> {
  const wrangler = path.join(ROOT, "node_modules/.bin/wrangler");
  const config = await benchConfig();
  const migrate = start(wrangler, [
    "d1",
    "migrations",
    "apply",
    "DB",
    "--local",
    "--config",
    config,
    "--persist-to",
    persist,
  ]);
  if ((await new Promise((resolve) => migrate.child.once("exit", resolve))) !== 0) {
    throw new Error(`migrations failed:\n${migrate.output()}`);
  }
  if (STACK === "dev-api") {
    // wrangler runs in this process here: keep its per-request log lines (one per queue batch) off stdout.
    process.env.WRANGLER_LOG = "error";
    const worker = await unstable_startWorker({
      config,
      bindings: Object.fromEntries(
        Object.entries(VARS).map(([name, value]) => [name, { type: "plain_text" as const, value }]),
      ),
      dev: {
        inspector: false,
        server: { hostname: "127.0.0.1", port: PORT },
        persist,
        watch: false,
        enableContainers: false,
        logLevel: "error",
      },
    });
    try {
      await worker.ready;
      await waitForHealth(() => null);
    } catch (error) {
      await worker.dispose();
      throw error;
    }
    return () => worker.dispose();
  }
  const proc = start(wrangler, [
    "dev",
    "--config",
    config,
    "--persist-to",
    persist,
    "--ip",
    "127.0.0.1",
    "--port",
    String(PORT),
    "--enable-containers=false",
    "--show-interactive-dev-session=false",
    ...Object.entries(VARS).flatMap(([name, value]) => ["--var", `${name}:${value}`]),
  ]);
  await waitForHealth(() => (proc.child.exitCode === null ? null : `wrangler dev exited:\n${proc.output()}`));
  return () => stop(proc.child);
}

/** Stops wrangler and everything it started (its process group: the CLI and workerd). */
async function stop(child: ChildProcess) {
  if (!child.pid) return;
  const group = -child.pid;
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(group, name);
    } catch {
      // the group is gone
    }
  };
  signal("SIGTERM");
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  signal("SIGKILL");
}

async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(`${API}${url}`, {
    method,
    headers: { ...AUTH, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

/** Sec-WebSocket-Extensions the server agreed to; `ws` offers permessage-deflate as browsers do. */
const negotiatedExtensions = new Set<string>();

/** Resolves once connected; `done` settles when the server closes the socket (rejects unless with 1000). */
function subscribeWs(url: string, receipts: Receipt[]): Promise<{ done: Promise<void> }> {
  return new Promise((resolve, reject) => {
    let closed!: (code: number) => void;
    const done = new Promise<void>((ok, fail) => {
      closed = (code) => (code === 1000 ? ok() : fail(new Error(`a WebSocket subscriber was closed with ${code}`)));
    });
    const socket = new WebSocket(url.replace(/^http/, "ws"), { headers: AUTH });
    socket.on("message", (data) => {
      const message = JSON.parse(String(data)) as { id: number; job: Job };
      receipts.push({ ...message, at: Date.now() });
    });
    socket.on("open", () => {
      negotiatedExtensions.add(socket.extensions || "none");
      resolve({ done });
    });
    socket.on("error", reject);
    socket.on("close", (code) => closed(code));
  });
}

/** Resolves once connected; `done` settles when the server ends the stream. */
async function subscribeSse(url: string, receipts: Receipt[]): Promise<{ done: Promise<void> }> {
  const res = await fetch(url, { headers: AUTH });
  if (!res.ok || !res.body) throw new Error(`SSE: ${res.status}`);
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  const done = (async () => {
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      for (let end = buffer.indexOf("\n\n"); end !== -1; end = buffer.indexOf("\n\n")) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const id = /^id: (\d+)$/m.exec(frame)?.[1];
        const data = /^data: (.*)$/m.exec(frame)?.[1];
        if (id && data) receipts.push({ id: Number(id), job: JSON.parse(data) as Job, at: Date.now() });
      }
    }
  })();
  return { done };
}

/** Every subscriber must see consecutive ids, progress 1..100 in order, then completed: nothing lost or reordered. */
function verify(name: string, receipts: Receipt[]) {
  const updates = receipts.filter((r) => r.job.status === "running" && r.job.progress > 0);
  const progress = updates.map((r) => r.job.progress);
  const expected = Array.from({ length: STEPS }, (_, i) => i + 1);
  if (JSON.stringify(progress) !== JSON.stringify(expected)) throw new Error(`${name}: progress ${progress.join(",")}`);
  for (let i = 1; i < receipts.length; i++) {
    if ((receipts[i] as Receipt).id !== (receipts[i - 1] as Receipt).id + 1)
      throw new Error(`${name}: ids not consecutive`);
  }
  if (receipts.at(-1)?.job.status !== "completed") throw new Error(`${name}: did not end with completed`);
  return updates;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

async function fanOut(projectId: string, assetId: string) {
  const job = await call<Job>("POST", `/projects/${projectId}/jobs`, {
    job_type: "ingest",
    payload: { asset_id: assetId },
  });
  for (
    let i = 0;
    i < 400 && (await call<Job>("GET", `/projects/${projectId}/jobs/${job.id}`)).status !== "running";
    i++
  ) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const base = `${API}/projects/${projectId}/jobs/${job.id}`;
  const wsReceipts = Array.from({ length: WS_SUBSCRIBERS }, () => [] as Receipt[]);
  const sseReceipts = Array.from({ length: SSE_SUBSCRIBERS }, () => [] as Receipt[]);
  const wsDone = (await Promise.all(wsReceipts.map((receipts) => subscribeWs(`${base}/ws`, receipts)))).map(
    (subscription) => subscription.done,
  );
  const sseDone = (await Promise.all(sseReceipts.map((receipts) => subscribeSse(`${base}/events`, receipts)))).map(
    (subscription) => subscription.done,
  );
  console.error(`connected ${WS_SUBSCRIBERS} WebSocket and ${SSE_SUBSCRIBERS} SSE subscribers; starting updates`);
  const started = Date.now();
  await call("POST", `/__bench/go/${job.id}`);
  await Promise.all([...sseDone, ...wsDone]);
  const finished = Math.max(...[...wsReceipts, ...sseReceipts].map((r) => r.at(-1)?.at ?? 0));

  const delays: number[] = [];
  let delivered = 0;
  for (const [kind, all] of [
    ["ws", wsReceipts],
    ["sse", sseReceipts],
  ] as const) {
    all.forEach((receipts, i) => {
      const updates = verify(`${kind}#${i}`, receipts);
      delivered += receipts.filter((r) => r.at >= started).length;
      for (const r of updates) delays.push(r.at - Date.parse(r.job.updated_at));
    });
  }
  delays.sort((a, b) => a - b);
  return {
    stack: STACK,
    subscribers: `${WS_SUBSCRIBERS} WebSocket + ${SSE_SUBSCRIBERS} SSE`,
    updates: STEPS,
    delay_p50_ms: percentile(delays, 50),
    delay_p99_ms: percentile(delays, 99),
    delay_max_ms: delays.at(-1),
    events_delivered: delivered,
    events_per_second: Math.round(delivered / ((finished - started) / 1000)),
    lost_or_reordered: 0,
    websocket_extensions: [...negotiatedExtensions].join(" | "),
  };
}

async function throughput(projectId: string, assetId: string) {
  const started = Date.now();
  const ids: string[] = [];
  for (let i = 0; i < NOOP_JOBS; i += 25) {
    const batch = Array.from({ length: Math.min(25, NOOP_JOBS - i) }, () =>
      call<Job>("POST", `/projects/${projectId}/jobs`, { job_type: "transcription", payload: { asset_id: assetId } }),
    );
    ids.push(...(await Promise.all(batch)).map((job) => job.id));
  }
  const enqueued = Date.now();
  for (;;) {
    const page = await call<{ items: Job[] }>(
      "GET",
      `/projects/${projectId}/jobs?status=queued&status=running&limit=1`,
    );
    if (page.items.length === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const done = Date.now();
  const failed = await call<{ items: Job[] }>(
    "GET",
    `/projects/${projectId}/jobs?status=failed&status=cancelled&limit=1`,
  );
  if (failed.items.length > 0) throw new Error("a no-op job did not complete");
  return {
    jobs: ids.length,
    enqueue_seconds: (enqueued - started) / 1000,
    enqueue_to_completed_seconds: (done - started) / 1000,
    jobs_per_second: Math.round((ids.length / ((done - started) / 1000)) * 10) / 10,
  };
}

// Miniflare would otherwise try to download a `Request.cf` sample from the internet on startup.
process.env.CLOUDFLARE_CF_FETCH_ENABLED = "false";
const persist = mkdtempSync(path.join(os.tmpdir(), "bench-events-"));
const stopWorker = await startWorker(persist);
try {
  const projectId = `bench-${Date.now()}`;
  const { asset_id: assetId } = await call<{ asset_id: string }>("POST", `/__bench/asset?project_id=${projectId}`);
  console.log(JSON.stringify({ fan_out: await fanOut(projectId, assetId) }, null, 2));
  console.log(JSON.stringify({ throughput: await throughput(projectId, assetId) }, null, 2));
} finally {
  await stopWorker();
  rmSync(persist, { recursive: true, force: true });
}
