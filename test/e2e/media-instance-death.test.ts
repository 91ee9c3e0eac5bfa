// A media instance that dies mid-job: the local stack with one media service process per instance, the process
// serving a render killed with SIGKILL (as a container dies), and what the job does then.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { AssetSchema } from "../../worker/routes/assets/schema";
import { type JobResponse, JobSchema } from "../../worker/routes/jobs/schema";
import { generateVideo } from "../media/generate";
import { type LocalStack, startLocalStack } from "../stack/local-stack";

const ADMIN_KEY = "e2e-instance-death-admin-key";
const ADMIN = { Authorization: `Bearer ${ADMIN_KEY}` };
const work = mkdtempSync(path.join(tmpdir(), "e2e-instance-death-"));
const settings = { ADMIN_API_KEY: ADMIN_KEY, LOG_LEVEL: "WARNING", JOB_CONCURRENCY: "2" };
/** Two media instances, each its own process. */
let pair: LocalStack;
/** One media instance. */
let single: LocalStack;
let video: string;

beforeAll(async () => {
  const started = await Promise.allSettled([
    startLocalStack({
      port: 19_101,
      mediaPorts: [19_102, 19_103],
      inspectorPort: 19_104,
      persistTo: path.join(work, "pair"),
      migratedD1From: inject("migratedD1"),
      env: { ...settings, MEDIA_CONTAINER_INSTANCES: "2" },
    }),
    startLocalStack({
      port: 19_111,
      mediaPort: 19_112,
      inspectorPort: 19_113,
      persistTo: path.join(work, "single"),
      migratedD1From: inject("migratedD1"),
      env: { ...settings, MEDIA_CONTAINER_INSTANCES: "1" },
    }),
    // Long enough that rendering it takes seconds: the kill lands mid-render.
    generateVideo(work, "lesson.mp4", { seconds: 20, width: 640, height: 360, tone: 440 }),
  ]);
  // A stack that started is stopped by afterAll even when the other one failed to start.
  if (started[0].status === "fulfilled") pair = started[0].value;
  if (started[1].status === "fulfilled") single = started[1].value;
  for (const result of started) if (result.status === "rejected") throw result.reason;
  video = (started[2] as PromiseFulfilledResult<string>).value;
}, 240_000);

afterAll(async () => {
  await Promise.all([pair?.stop(), single?.stop()]);
  rmSync(work, { recursive: true, force: true });
});

async function api(stack: LocalStack, route: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${stack.apiUrl}${route}`, { ...init, headers: { ...ADMIN, ...init.headers } });
}

async function getJob(stack: LocalStack, project: string, id: string): Promise<JobResponse> {
  const res = await api(stack, `/projects/${project}/jobs/${id}`);
  expect(res.status).toBe(200);
  return JobSchema.parse(await res.json());
}

async function until(
  stack: LocalStack,
  project: string,
  id: string,
  done: (job: JobResponse) => boolean,
  what: string,
  timeoutMs = 150_000,
): Promise<JobResponse> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await getJob(stack, project, id);
    if (done(job)) return job;
    if (Date.now() > deadline) throw new Error(`job ${id} never ${what}: ${JSON.stringify(job)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const finished = (job: JobResponse) => ["completed", "failed", "cancelled"].includes(job.status);

/** Uploads the video and waits for its ingest; returns the asset id. */
async function ingestedVideo(stack: LocalStack, project: string): Promise<string> {
  const form = new FormData();
  form.append("file", new File([readFileSync(video)], "lesson.mp4", { type: "video/mp4" }));
  const res = await api(stack, `/projects/${project}/videos`, { method: "POST", body: form });
  expect(res.status, await res.clone().text()).toBe(201);
  const asset = AssetSchema.parse(await res.json());
  const ingest = await until(stack, project, asset.ingest_job_id!, finished, "finished ingesting");
  expect(ingest.status, ingest.error_message ?? "").toBe("completed");
  return asset.asset_id;
}

/** An export that renders the whole video at 1080p, retried after 1 s. */
async function createExport(stack: LocalStack, project: string, assetId: string, maxAttempts: number) {
  const res = await api(stack, `/projects/${project}/jobs`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      job_type: "export",
      payload: { timeline: { clips: [{ asset_id: assetId, in_point: 0, out_point: 20 }], resolution: "1080p" } },
      max_attempts: maxAttempts,
      retry_delay_seconds: 1,
    }),
  });
  expect(res.status, await res.clone().text()).toBe(202);
  return JobSchema.parse(await res.json()).id;
}

const startedOn = (job: JobResponse, attempt: number) =>
  job.logs.find((line) => line.message === `Attempt ${attempt}/${job.max_attempts} started`)?.details?.media_instance;

/** Waits until attempt 1 is rendering on its media instance, then kills that instance's process; returns it. */
async function killMidRender(stack: LocalStack, project: string, id: string): Promise<number> {
  const rendering = await until(
    stack,
    project,
    id,
    (job) => finished(job) || (job.status === "running" && job.progress > 5),
    "rendered",
  );
  expect(rendering, "the render ended before the kill").toMatchObject({ status: "running", attempts: 1 });
  const instance = startedOn(rendering, 1);
  expect(typeof instance).toBe("number");
  const health = await (await fetch(`${stack.mediaUrls[instance as number]}/health`)).json();
  expect(health, "the attempt's media instance is running its render").toMatchObject({ active: 1 });
  await stack.killMedia(instance as number);
  return instance as number;
}

it("a media instance killed mid-render: the job retries on the other instance and completes", async () => {
  const project = `e2e-death-${Date.now()}`;
  const assetId = await ingestedVideo(pair, project);
  const id = await createExport(pair, project, assetId, 3);
  const killed = await killMidRender(pair, project, id);

  const done = await until(pair, project, id, finished, "finished");
  expect(done, done.error_message ?? "").toMatchObject({ status: "completed", attempts: 2, error_message: null });
  expect(done.result?.outputs).toHaveLength(1);
  // Its events tell the story: attempt 1 lost its instance, attempt 2 ran on the other one.
  const failure = done.logs.find((line) => line.message.startsWith("Attempt 1 failed: "));
  expect(failure).toMatchObject({ level: "warning", details: { attempt: 1, lost_media_instance: killed } });
  expect(failure?.message).toMatch(/; retrying in 1 s$/);
  expect(startedOn(done, 2)).toBe(1 - killed);
}, 300_000);

it("the only media instance killed mid-render: the retry goes back to it, and the job fails with the error", async () => {
  const project = `e2e-death-single-${Date.now()}`;
  const assetId = await ingestedVideo(single, project);
  const id = await createExport(single, project, assetId, 2);
  expect(await killMidRender(single, project, id)).toBe(0);

  const done = await until(single, project, id, finished, "finished");
  expect(done).toMatchObject({ status: "failed", attempts: 2 });
  expect(done.error_message).toMatch(/^The media service could not be reached: /);
  expect(startedOn(done, 2)).toBe(0);
  expect(done.logs.at(-1)?.message).toMatch(/^Attempt 2 failed \(no attempts left\): The media service could not/);
}, 300_000);
