// `npm run bench:scale [-- --concurrency 4,16 --big 500 --small 49 --op-ms 1000 --port 8877 --media-port 8878]`
// The job engine under load (issue 18): the real Worker under wrangler dev (workerd, local Queues, Durable
// Objects, D1, R2) with MEDIA_SERVICE_URL at a stand-in whose probe takes `op-ms` (scale-media-stand-in.ts).
// One project uploads `big` videos at once, `small` projects upload 1-5 each at random times over the expected
// run; every upload starts an ingest job. Per concurrency setting it prints throughput, queue wait (created ->
// started) for the big and the small projects, Jain's index of per-project throughput normalised by each project's
// max-min fair share (fair-share.ts; the raw index of jobs/s beside it), the most concurrent
// probes the stand-in saw against JOB_CONCURRENCY, and jobs lost, duplicated or left running.
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { unstable_startWorker } from "wrangler";
import type { Job } from "../../worker/jobs/job";
import { wranglerCapacityIssues } from "../stack/capacity-check";
import { writeLocalWranglerConfig } from "../stack/dev-config";
import { fairShareJain, jain } from "./fair-share";
import { applyLocalMigrations } from "./local-migrations";
import { startMediaStandIn, TAG_PREFIX } from "./scale-media-stand-in";
import { json, projectApi } from "./worker-api";

const ROOT = path.resolve(import.meta.dirname, "../..");
const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : (process.argv[at + 1] ?? fallback);
};
const CONCURRENCIES = arg("concurrency", "4,16").split(",").map(Number);
const BIG = Number(arg("big", "500"));
const SMALL = Number(arg("small", "49"));
const OP_MS = Number(arg("op-ms", "1000"));
const PORT = Number(arg("port", "8877"));
const MEDIA_PORT = Number(arg("media-port", "8878"));
const API = `http://127.0.0.1:${PORT}`;
const ADMIN_KEY = "bench-admin-key";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The local config as it would be deployed at this setting (README "Capacity": two media ops per instance, so
 * ceil(JOB_CONCURRENCY / 2) instances and as many `max_instances`), with absolute paths so it can live in .tmp/.
 */
function benchConfig(instances: number): string {
  const local = readFileSync(writeLocalWranglerConfig(), "utf8")
    .replace(/^main = "(.*)"$/m, (_, file) => `main = "${path.join(ROOT, file)}"`)
    .replace(/^migrations_dir = "(.*)"$/m, (_, dir) => `migrations_dir = "${path.join(ROOT, dir)}"`)
    .replace(/^image = "\.\/(.*)"$/m, (_, file) => `image = "${path.join(ROOT, file)}"`)
    .replace(/^image_build_context = "\."$/m, `image_build_context = "${ROOT}"`)
    .replace(/^max_instances = \d+$/m, `max_instances = ${instances}`);
  const file = path.join(ROOT, ".tmp/wrangler.bench-scale.toml");
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, local);
  return file;
}

async function startWorker(persist: string, vars: Record<string, string>): Promise<() => Promise<void>> {
  const config = benchConfig(Number(vars.MEDIA_CONTAINER_INSTANCES));
  const issues = wranglerCapacityIssues(config, vars);
  if (issues.length > 0) throw new Error(`Inconsistent concurrency settings:\n- ${issues.join("\n- ")}`);
  await applyLocalMigrations(config, persist);
  process.env.WRANGLER_LOG = "error";
  const worker = await unstable_startWorker({
    config,
    bindings: Object.fromEntries(Object.entries(vars).map(([name, value]) => [name, { type: "plain_text", value }])),
    dev: {
      inspector: false,
      server: { hostname: "127.0.0.1", port: PORT },
      persist,
      watch: false, // a reload would reset every Durable Object mid-run
      enableContainers: false,
      logLevel: "error",
    },
  });
  await worker.ready;
  for (const deadline = Date.now() + 90_000; ; await sleep(250)) {
    if (
      await fetch(`${API}/health`).then(
        (res) => res.ok,
        () => false,
      )
    )
      return () => worker.dispose();
    if (Date.now() > deadline) {
      await worker.dispose();
      throw new Error("the Worker did not answer /health within 90 s");
    }
  }
}

/** A tiny file that passes the upload's ISO-BMFF sniff and carries its tag for the stand-in. */
function taggedVideo(tag: string): File {
  const head = Buffer.from([0, 0, 0, 16, ...Buffer.from("ftypisom"), 0, 0, 2, 0]);
  return new File([head, Buffer.from(`${TAG_PREFIX}${tag};`)], `${tag}.mp4`, { type: "video/mp4" });
}

interface Submitted {
  project: string;
  tag: string;
  jobId: string;
}

async function upload(project: string, tag: string): Promise<Submitted> {
  const form = new FormData();
  form.append("file", taggedVideo(tag));
  const { api } = projectApi(API, project, ADMIN_KEY);
  const body = await json<{ ingest_job_id: string | null }>(await api("/videos", { method: "POST", body: form }), 201);
  if (!body.ingest_job_id) throw new Error(`upload ${tag}: no ingest job was created`);
  return { project, tag, jobId: body.ingest_job_id };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

async function inBatches<T, R>(items: T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
  return out;
}

async function runOnce(concurrency: number) {
  const secret = randomBytes(32).toString("hex");
  const standIn = await startMediaStandIn(MEDIA_PORT, OP_MS, secret);
  const persist = mkdtempSync(path.join(os.tmpdir(), "bench-scale-"));
  const stopWorker = await startWorker(persist, {
    DEPLOY_ENV: "development",
    LOG_LEVEL: "ERROR",
    ADMIN_API_KEY: ADMIN_KEY,
    MAX_QUEUE_SIZE: "100000",
    JOB_CONCURRENCY: String(concurrency),
    MEDIA_CONTAINER_INSTANCES: String(Math.ceil(concurrency / 2)),
    MEDIA_SERVICE_URL: standIn.url,
    MEDIA_SERVICE_SECRET: secret,
  });
  try {
    const run = `r${Date.now()}`;
    const expectedMs = ((BIG + SMALL * 3) * OP_MS) / concurrency;
    const started = Date.now();
    const big = inBatches(
      Array.from({ length: BIG }, (_, i) => i),
      25,
      (i) => upload(`${run}-big`, `${run}-big-${i}`),
    );
    const small = Array.from({ length: SMALL }, async (_, p) => {
      await sleep(Math.random() * expectedMs * 0.8);
      const count = 1 + Math.floor(Math.random() * 5);
      return Promise.all(Array.from({ length: count }, (_, i) => upload(`${run}-small-${p}`, `${run}-s${p}-${i}`)));
    });
    const submitted = [...(await big), ...(await Promise.all(small)).flat()];
    const projects = [...new Set(submitted.map((s) => s.project))];
    // Done when no project has a queued or running job, or after three times the expected run.
    for (const deadline = Date.now() + Math.max(120_000, expectedMs * 3); Date.now() < deadline; await sleep(1000)) {
      const busy = await inBatches(projects, 10, async (project) => {
        const res = await projectApi(API, project, ADMIN_KEY).api("/jobs?status=queued&status=running&limit=1");
        return (await json<{ items: Job[] }>(res, 200)).items.length > 0;
      });
      if (!busy.includes(true)) break;
    }
    const jobs = await inBatches(submitted, 25, async (s) => {
      const res = await projectApi(API, s.project, ADMIN_KEY).api(`/jobs/${s.jobId}`);
      return { ...s, job: await json<Job>(res, 200) };
    });
    return summarize(concurrency, started, jobs, standIn);
  } finally {
    await stopWorker();
    await standIn.close();
    rmSync(persist, { recursive: true, force: true });
  }
}

type Finished = Submitted & { job: Job };

function summarize(
  concurrency: number,
  started: number,
  jobs: Finished[],
  standIn: Awaited<ReturnType<typeof startMediaStandIn>>,
) {
  const completed = jobs.filter((j) => j.job.status === "completed" && j.job.finished_at);
  const end = Math.max(...completed.map((j) => Date.parse(j.job.finished_at!)));
  const waits = (filter: (j: Finished) => boolean) => {
    const sorted = jobs
      .filter((j) => filter(j) && j.job.started_at)
      .map((j) => Date.parse(j.job.started_at!) - Date.parse(j.job.created_at))
      .sort((a, b) => a - b);
    return { jobs: sorted.length, p50_ms: percentile(sorted, 50), p99_ms: percentile(sorted, 99) };
  };
  const isBig = (j: Finished) => j.project.endsWith("-big");
  // Raw: each project's completed jobs over its first creation to last finish (scores demand as much as fairness).
  const rates = [...new Set(jobs.map((j) => j.project))].map((project) => {
    const own = completed.filter((j) => j.project === project);
    if (own.length === 0) return 0;
    const from = Math.min(...own.map((j) => Date.parse(j.job.created_at)));
    const to = Math.max(...own.map((j) => Date.parse(j.job.finished_at!)));
    return own.length / Math.max((to - from) / 1000, OP_MS / 1000);
  });
  const spans = completed
    .filter((j) => j.job.started_at)
    .map((j) => ({
      project: j.project,
      created: Date.parse(j.job.created_at),
      started: Date.parse(j.job.started_at!),
      finished: Date.parse(j.job.finished_at!),
    }));
  const fairShare = fairShareJain(spans, concurrency);
  const smallRatios = [...fairShare.ratios].filter(([p]) => !p.endsWith("-big")).map(([, x]) => x);
  return {
    job_concurrency: concurrency,
    op_ms: OP_MS,
    jobs: jobs.length,
    completed: completed.length,
    seconds: round((end - started) / 1000, 1),
    throughput_jobs_per_s: round(completed.length / ((end - started) / 1000)),
    queue_wait_big: waits(isBig),
    queue_wait_small: waits((j) => !isBig(j)),
    jain_index: round(fairShare.index, 3),
    jain_method:
      "x_i = slot time run / max-min fair slot time given the project's waiting+running jobs (test/bench/fair-share.ts)",
    fair_share_ratio: {
      big: round(fairShare.ratios.get(jobs.find(isBig)?.project ?? "") ?? 0),
      small_min: round(Math.min(...smallRatios)),
      small_p50: round(
        percentile(
          [...smallRatios].sort((a, b) => a - b),
          50,
        ),
      ),
    },
    jain_index_raw_rate: round(jain(rates), 3),
    max_concurrent_runs: standIn.maxConcurrent(),
    exceeded_limit: standIn.maxConcurrent() > concurrency,
    // Lost: never probed, or ended other than completed (failed, cancelled). Duplicated: probed more often than
    // the job has attempts. Left running: still queued or running after the wait.
    lost: jobs.filter((j) => !standIn.calls.has(j.tag) || ["failed", "cancelled"].includes(j.job.status)).length,
    duplicated: jobs.filter((j) => (standIn.calls.get(j.tag) ?? 0) > j.job.attempts).length,
    left_running: jobs.filter((j) => ["queued", "running"].includes(j.job.status)).length,
    retried: jobs.filter((j) => j.job.attempts > 1).length,
    errors: [...new Set(jobs.map((j) => j.job.error_message).filter((message) => message !== null))],
  };
}

// Miniflare would otherwise try to download a `Request.cf` sample from the internet on startup.
process.env.CLOUDFLARE_CF_FETCH_ENABLED = "false";
const results = [];
for (const concurrency of CONCURRENCIES) {
  const result = await runOnce(concurrency);
  console.log(JSON.stringify(result, null, 2));
  results.push(result);
}
const base = results[0];
if (base) {
  console.log(
    JSON.stringify(
      {
        scaling: results.map((r) => ({
          job_concurrency: r.job_concurrency,
          throughput_jobs_per_s: r.throughput_jobs_per_s,
          vs_first: round(r.throughput_jobs_per_s / base.throughput_jobs_per_s),
          ideal: round(r.job_concurrency / base.job_concurrency),
        })),
      },
      null,
      2,
    ),
  );
}
if (results.some((r) => r.exceeded_limit || r.lost > 0 || r.duplicated > 0 || r.left_running > 0)) process.exitCode = 1;
