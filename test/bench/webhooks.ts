// `npm run bench:webhooks [-- --events 1000 --endpoints 5 --port 8873 --concurrency 10 --in-flight 1 --open-rate 20
//   --open-events 400]`; `-- --floor`: the stack's own round trips, see webhooks-floor.ts
// Against wrangler's local stack (workerd, local D1, Durable Objects): a project with `endpoints` webhook
// endpoints at local receivers (test/webhook-receiver, verifying with the `standardwebhooks` package), one of
// which fails half of its requests at random. `events` changes are recorded the way D1 routes record them (outbox
// row, then publish). Prints the time from each change to its verified delivery at the healthy receivers, then runs
// the project's alarm early until the failing endpoint's retries have drained, and counts what each one got.
// BENCH_PERSIST_DIR=/dev/shm keeps the local storage in memory: on a busy disk, the fsync behind each
// Durable Object write (which every send waits for, as Cloudflare's output gate holds it) dominates the figures.
// `--profile <file.cpuprofile>` samples the Worker's isolate over the inspector from the first change until the
// healthy receivers have everything, writes the profile and prints the functions with the most self time.
// The closed loop (10 changes at a time, as fast as they go) is followed by an open loop at a stated rate.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { unstable_startWorker } from "wrangler";
import { writeLocalWranglerConfig } from "../stack/dev-config";
import { type ReceivedWebhook, startWebhookReceiver } from "../webhook-receiver/server";
import { numberArg } from "./cli-args";
import { applyLocalMigrations } from "./local-migrations";
import { measureWebhookFloor } from "./webhooks-floor";
import { startProfile } from "./workerd-profile";
import { cpuTicks } from "./workerd-usage";

const ROOT = path.resolve(import.meta.dirname, "../..");
const EVENTS = numberArg("events", 1000);
const ENDPOINTS = numberArg("endpoints", 5);
const PORT = numberArg("port", 8873);
// WEBHOOK_MAX_IN_FLIGHT for the run: 1 (the default) sends each endpoint's deliveries strictly one after another.
const IN_FLIGHT = numberArg("in-flight", 1);
// Then, open loop: OPEN_EVENTS more changes started at OPEN_RATE a second whatever the answers (0 skips it).
const OPEN_RATE = numberArg("open-rate", 20);
const OPEN_EVENTS = numberArg("open-events", 400);
// Changes in flight at once in the closed loop.
const CONCURRENCY = numberArg("concurrency", 10);
const PROFILE = process.argv.includes("--profile") ? process.argv[process.argv.indexOf("--profile") + 1] : undefined;
const FLOOR = process.argv.includes("--floor");
const API = `http://127.0.0.1:${PORT}`;
const ADMIN_KEY = "bench-admin-key";
const AUTH = { Authorization: `Bearer ${ADMIN_KEY}` };

/** The local config with absolute paths (so it can live in .tmp/) and `main` pointing at the bench Worker. */
function benchConfig(): string {
  const local = readFileSync(writeLocalWranglerConfig(), "utf8")
    .replace(/^main = ".*"$/m, `main = "${path.join(ROOT, "test/bench/webhooks-worker.ts")}"`)
    .replace(/^migrations_dir = "(.*)"$/m, (_, dir) => `migrations_dir = "${path.join(ROOT, dir)}"`)
    .replace(/^image = "\.\/(.*)"$/m, (_, file) => `image = "${path.join(ROOT, file)}"`);
  const file = path.join(ROOT, ".tmp/wrangler.bench-webhooks.toml");
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, local);
  return file;
}

async function startWorker(persist: string): Promise<{ stop: () => Promise<void>; inspector: URL | undefined }> {
  const config = benchConfig();
  await applyLocalMigrations(config, persist);
  process.env.WRANGLER_LOG = "error";
  const vars = {
    DEPLOY_ENV: "development",
    LOG_LEVEL: "ERROR",
    ADMIN_API_KEY: ADMIN_KEY,
    WEBHOOK_MAX_IN_FLIGHT: String(IN_FLIGHT),
  };
  const worker = await unstable_startWorker({
    config,
    bindings: Object.fromEntries(Object.entries(vars).map(([name, value]) => [name, { type: "plain_text", value }])),
    dev: {
      inspector: PROFILE ? { hostname: "127.0.0.1", port: 0 } : false,
      server: { hostname: "127.0.0.1", port: PORT },
      persist,
      watch: false, // other work in this tree changes worker/ files; a reload would reset every object
      enableContainers: false,
      logLevel: "error",
    },
  });
  try {
    await worker.ready;
    const deadline = Date.now() + 90_000;
    while (
      !(await fetch(`${API}/health`).then(
        (res) => res.ok,
        () => false,
      ))
    ) {
      if (Date.now() > deadline) throw new Error("the Worker did not answer /health within 90 s");
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } catch (error) {
    await worker.dispose();
    throw error;
  }
  return { stop: () => worker.dispose(), inspector: PROFILE ? await worker.inspectorUrl : undefined };
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

async function until(check: () => boolean, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface BenchEvent {
  timestamp: string;
  data: { seq: number };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

/** What one receiver got: distinct events answered 200, requests in all, and any that failed to verify. */
function tally(received: ReceivedWebhook[]) {
  const delivered = new Set(received.filter((hook) => hook.answered === 200).map((hook) => hook.id));
  const deliveredTwice = received.filter((hook) => hook.answered === 200).length - delivered.size;
  return {
    events_delivered: delivered.size,
    requests: received.length,
    duplicates_beyond_retries: deliveredTwice,
    unverified: received.filter((hook) => !hook.verified[0]).length,
  };
}

// Miniflare would otherwise try to download a `Request.cf` sample from the internet on startup.
process.env.CLOUDFLARE_CF_FETCH_ENABLED = "false";
const receiver = await startWebhookReceiver();
const persist = mkdtempSync(path.join(process.env.BENCH_PERSIST_DIR ?? os.tmpdir(), "bench-webhooks-"));
const { stop: stopWorker, inspector } = await startWorker(persist);
try {
  if (FLOOR) {
    await measureWebhookFloor(API, numberArg("seconds", 5));
  } else {
    const projectId = `bench-${Date.now()}`;
    const names = Array.from({ length: ENDPOINTS }, (_, i) => (i === ENDPOINTS - 1 ? "failing" : `healthy-${i}`));
    const webhooks: { id: string }[] = [];
    for (const name of names) {
      const created = await call<{ id: string; secret: string }>("POST", `/projects/${projectId}/webhooks`, {
        url: `${receiver.url}/hooks/${name}`,
        events: ["*"],
      });
      Object.assign(receiver.endpoint(name), { secrets: [created.secret], failRate: name === "failing" ? 0.5 : 0 });
      webhooks.push(created);
    }

    const profile = PROFILE && inspector ? await startProfile(inspector, PROFILE) : undefined;
    const workerdBefore = cpuTicks(process.pid);
    const benchBefore = process.cpuUsage();
    const started = Date.now();
    // When each change's request returned: its event is in the project's log by then.
    const published: number[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let seq = next++; seq < EVENTS; seq = next++) {
          await call("POST", `/__bench/change?project_id=${projectId}&seq=${seq}`);
          published[seq] = Date.now();
        }
      }),
    );
    const changesDone = Date.now();
    const healthy = names.filter((name) => name !== "failing").map((name) => receiver.endpoint(name));
    await until(() => healthy.every((state) => state.received.length >= EVENTS), 300_000, "the healthy receivers");
    const healthyDone = Date.now();
    const workerdAfter = cpuTicks(process.pid);
    const benchCpu = process.cpuUsage(benchBefore);
    const profiled = await profile?.stop();
    const bodies = healthy.flatMap((state) =>
      state.received.map((hook) => ({ at: hook.receivedAt, body: JSON.parse(hook.body) as BenchEvent })),
    );
    const delays = bodies.map(({ at, body }) => at - Date.parse(body.timestamp)).sort((a, b) => a - b);
    // Deliveries per second per healthy endpoint while the changes were being made, and after: how far the senders
    // fall behind production, and how fast they go once the thread is theirs.
    const deliveredBy = (at: number) => bodies.filter((hook) => hook.at <= at).length / healthy.length;
    const deliveryRate = {
      while_changes_made: deliveredBy(changesDone) / ((changesDone - started) / 1000),
      after: (EVENTS - deliveredBy(changesDone)) / Math.max(0.001, (healthyDone - changesDone) / 1000),
    };
    const afterLog = bodies.map(({ at, body }) => at - (published[body.data.seq] ?? at)).sort((a, b) => a - b);

    // Open loop: each change starts on its own schedule, so a slow delivery cannot slow the changes down.
    const openStarted = Date.now();
    await Promise.all(
      Array.from({ length: OPEN_EVENTS }, async (_, k) => {
        await new Promise((resolve) => setTimeout(resolve, openStarted + (k * 1000) / OPEN_RATE - Date.now()));
        await call("POST", `/__bench/change?project_id=${projectId}&seq=${EVENTS + k}`);
      }),
    );
    const openChangesDone = Date.now();
    const total = EVENTS + OPEN_EVENTS;
    await until(() => healthy.every((state) => state.received.length >= total), 300_000, "the open loop's deliveries");
    const openDelays = healthy
      .flatMap((state) =>
        state.received.map((hook) => ({ at: hook.receivedAt, body: JSON.parse(hook.body) as BenchEvent })),
      )
      .filter(({ body }) => body.data.seq >= EVENTS)
      .map(({ at, body }) => at - Date.parse(body.timestamp))
      .sort((a, b) => a - b);

    // The failing endpoint's retries, alarm by alarm (run early rather than waited for).
    let advances = 0;
    for (let pending = 1; pending > 0; advances++) {
      if (advances > 200) throw new Error("retries did not drain within 200 alarms");
      ({ pending } = await call<{ pending: number }>("POST", `/__bench/advance?project_id=${projectId}`));
    }
    const failing = receiver.endpoint("failing");
    const exhausted = await call<{ items: { attempts: { status_code: number | null; error: string | null }[] }[] }>(
      "GET",
      `/projects/${projectId}/webhooks/${webhooks.at(-1)?.id}/deliveries?status=failed&limit=100`,
    );

    // The attempts' own round trips (request sent to answer read), as the delivery log records them.
    const logged = await call<{ items: { attempts: { latency_ms: number }[] }[] }>(
      "GET",
      `/projects/${projectId}/webhooks/${webhooks[0]?.id}/deliveries?limit=100`,
    );
    const roundTrips = logged.items.flatMap((d) => d.attempts.map((a) => a.latency_ms)).sort((a, b) => a - b);

    console.log(
      JSON.stringify(
        {
          events: EVENTS,
          endpoints: `${ENDPOINTS} (1 failing half of its requests at random)`,
          changes_in_flight: CONCURRENCY,
          webhook_max_in_flight: IN_FLIGHT,
          change_to_verified_delivery_ms: {
            p50: percentile(delays, 50),
            p99: percentile(delays, 99),
            max: delays.at(-1),
          },
          changes_made_seconds: (changesDone - started) / 1000,
          logged_to_verified_delivery_ms: { p50: percentile(afterLog, 50), p99: percentile(afterLog, 99) },
          attempt_round_trip_ms: { p50: percentile(roundTrips, 50), p99: percentile(roundTrips, 99) },
          healthy_all_delivered_seconds: (healthyDone - started) / 1000,
          changes_per_second: EVENTS / ((changesDone - started) / 1000),
          healthy_deliveries_per_second_per_endpoint: deliveryRate,
          // CPU from the first change until the healthy receivers had everything, per change (its deliveries
          // included): each workerd process (wrangler's entry proxy and the runtime), and this process (the
          // clients making the changes and the receivers verifying every delivery).
          cpu_ms_per_change: {
            workerd: [...workerdAfter].map(([pid, ticks]) => (10 * (ticks - (workerdBefore.get(pid) ?? 0))) / EVENTS),
            bench_process: (benchCpu.user + benchCpu.system) / 1000 / EVENTS,
          },
          ...(OPEN_EVENTS > 0
            ? {
                open_loop: {
                  events: OPEN_EVENTS,
                  offered_changes_per_second: OPEN_RATE,
                  changes_made_seconds: (openChangesDone - openStarted) / 1000,
                  change_to_verified_delivery_ms: {
                    p50: percentile(openDelays, 50),
                    p99: percentile(openDelays, 99),
                    max: openDelays.at(-1),
                  },
                },
              }
            : {}),
          alarms_run_early: advances,
          // Both loops' events together.
          per_endpoint: Object.fromEntries(names.map((name) => [name, tally(receiver.endpoint(name).received)])),
          failing_first_attempts_failed: new Set(failing.received.filter((h) => h.answered !== 200).map((h) => h.id))
            .size,
          failing_deliveries_failed_after_every_retry: exhausted.items.length,
          // Each of those attempts' answers: the receiver's random 500s, or why no answer came.
          failing_exhausted_attempts: exhausted.items.map((d) => d.attempts.map((a) => a.status_code ?? a.error)),
          ...(profiled ? { workerd_profile: profiled } : {}),
        },
        null,
        2,
      ),
    );
  }
} finally {
  await stopWorker();
  await receiver.stop();
  rmSync(persist, { recursive: true, force: true });
}
