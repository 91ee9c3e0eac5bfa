import {
  createExecutionContext,
  createMessageBatch,
  env,
  getQueueResult,
  runDurableObjectAlarm,
} from "cloudflare:test";
import { afterEach, describe, expect, it } from "vitest";
import { createDb } from "../../../worker/db/client";
import { getSettings } from "../../../worker/env";
import { ErrorEnvelopeSchema } from "../../../worker/errors";
import worker from "../../../worker/index";
import { createJob } from "../../../worker/jobs/create-job";
import { JobCancelledError, RetryableJobError } from "../../../worker/jobs/handler";
import type { JobMessage } from "../../../worker/jobs/queue-consumer";
import { JobSchema } from "../../../worker/routes/jobs/schema";
import {
  aborted,
  createIngestJob,
  getJob,
  postJson,
  projectWithAsset,
  scriptIngest,
  stubFor,
  waitForJob,
} from "./job-test-kit";

let restore: (() => void) | undefined;
afterEach(() => restore?.());

const cancel = (projectId: string, jobId: string) => postJson(`/projects/${projectId}/jobs/${jobId}/cancel`, {});

async function deliver(message: JobMessage) {
  const batch = createMessageBatch<JobMessage>("edge-media-jobs", [
    { id: `m-${crypto.randomUUID()}`, timestamp: new Date(), attempts: 1, body: message },
  ]);
  const ctx = createExecutionContext();
  await worker.queue(batch, env, ctx);
  return getQueueResult(batch, ctx);
}

describe("POST /projects/{project_id}/jobs/{job_id}/cancel", () => {
  it("stops a queued job from ever running, even when its message arrives afterwards", async () => {
    const { projectId, assetId } = await projectWithAsset();
    let runs = 0;
    restore = scriptIngest(async () => {
      runs += 1;
      return {};
    });
    // Hold the message back so the job is certainly still queued when it is cancelled.
    const held: JobMessage[] = [];
    const queue = { send: async (message: JobMessage) => void held.push(message) } as unknown as Queue<JobMessage>;
    const deps = { db: createDb(env.DB), jobs: env.JOB, queue, settings: getSettings(env) };
    const job = await createJob(deps, { projectId, jobType: "ingest", payload: { asset_id: assetId } });
    expect(held).toEqual([{ job_id: job.id, project_id: projectId }]);

    const res = await cancel(projectId, job.id);
    expect(res.status).toBe(200);
    const cancelled = JobSchema.parse(await res.json());
    expect(cancelled).toMatchObject({ status: "cancelled", attempts: 0, next_attempt_at: null });
    expect(cancelled.logs.at(-1)?.message).toBe("Cancelled while queued");

    const result = await deliver(held[0] as JobMessage);
    expect(result.explicitAcks).toHaveLength(1);
    expect(runs).toBe(0);
    expect(await runDurableObjectAlarm(stubFor(job.id))).toBe(false);
    expect((await getJob(projectId, job.id)).status).toBe("cancelled");
  });

  it("stops a job waiting for its retry", async () => {
    const { projectId, assetId } = await projectWithAsset();
    let runs = 0;
    restore = scriptIngest(async () => {
      runs += 1;
      throw new RetryableJobError("busy");
    });
    const created = await createIngestJob(projectId, assetId, { retry_delay_seconds: 60 });
    await waitForJob(projectId, created.id, (j) => j.status === "queued" && j.attempts === 1);
    expect((await cancel(projectId, created.id)).status).toBe(200);
    expect(await runDurableObjectAlarm(stubFor(created.id))).toBe(false);
    await deliver({ job_id: created.id, project_id: projectId });
    expect(runs).toBe(1);
    expect(await getJob(projectId, created.id)).toMatchObject({ status: "cancelled", attempts: 1 });
  });

  it("aborts a running handler through its signal; checkpoint and progress then throw", async () => {
    const { projectId, assetId } = await projectWithAsset();
    const seen: { aborted?: boolean; checkpoint?: unknown; progress?: unknown } = {};
    let finished!: () => void;
    const handlerDone = new Promise<void>((resolve) => {
      finished = resolve;
    });
    restore = scriptIngest(async (ctx) => {
      await ctx.progress(10, "probing");
      try {
        await aborted(ctx.signal);
      } finally {
        seen.aborted = ctx.signal.aborted;
        seen.checkpoint = (() => {
          try {
            ctx.checkpoint();
          } catch (error) {
            return error;
          }
        })();
        seen.progress = await ctx.progress(20).catch((error: unknown) => error);
        finished();
      }
      return {};
    });
    const created = await createIngestJob(projectId, assetId);
    await waitForJob(projectId, created.id, (j) => j.status === "running" && j.progress === 10);

    const res = await cancel(projectId, created.id);
    expect(res.status).toBe(200);
    expect(JobSchema.parse(await res.json())).toMatchObject({ status: "cancelled", progress: 10, attempts: 1 });
    await handlerDone;
    expect(seen.aborted).toBe(true);
    expect(seen.checkpoint).toBeInstanceOf(JobCancelledError);
    expect(seen.progress).toBeInstanceOf(JobCancelledError);
    const job = await getJob(projectId, created.id);
    expect(job).toMatchObject({ status: "cancelled", progress: 10, result: null });
    expect(job.logs.at(-1)?.message).toBe("Cancelled while running");
    expect(await runDurableObjectAlarm(stubFor(created.id))).toBe(false);
  });

  it("answers 409 for a finished job and 404 for unknown or foreign jobs", async () => {
    const { projectId, assetId } = await projectWithAsset();
    restore = scriptIngest(async () => ({}));
    const created = await createIngestJob(projectId, assetId);
    await waitForJob(projectId, created.id, (j) => j.status === "completed");
    const conflict = await cancel(projectId, created.id);
    expect(conflict.status).toBe(409);
    expect(ErrorEnvelopeSchema.parse(await conflict.json()).error.code).toBe("CONFLICT");

    const unknown = await cancel(projectId, crypto.randomUUID());
    expect(unknown.status).toBe(404);
    const other = await projectWithAsset();
    const foreign = await cancel(other.projectId, created.id);
    expect(foreign.status).toBe(404);
    expect(ErrorEnvelopeSchema.parse(await foreign.json()).error.code).toBe("NOT_FOUND");
  });
});
