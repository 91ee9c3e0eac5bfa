import {
  abortAllDurableObjects,
  createExecutionContext,
  createMessageBatch,
  env,
  getQueueResult,
  runDurableObjectAlarm,
} from "cloudflare:test";
import { afterEach, describe, expect, it } from "vitest";
import worker from "../../../worker/index";
import type { JobMessage } from "../../../worker/jobs/queue-consumer";
import { createIngestJob, gate, getJob, projectWithAsset, scriptIngest, stubFor, waitForJob } from "./job-test-kit";

let restore: (() => void) | undefined;
afterEach(() => restore?.());

async function deliverTwice(message: JobMessage) {
  const batch = createMessageBatch<JobMessage>("edge-media-jobs", [
    { id: "dup-1", timestamp: new Date(), attempts: 1, body: message },
    { id: "dup-2", timestamp: new Date(), attempts: 2, body: message },
  ]);
  const ctx = createExecutionContext();
  await worker.queue(batch, env, ctx);
  return getQueueResult(batch, ctx);
}

describe("queue delivery", () => {
  it("never starts a second run for duplicate messages, nor re-runs a finished job", async () => {
    const { projectId, assetId } = await projectWithAsset();
    const release = gate();
    let runs = 0;
    restore = scriptIngest(async () => {
      runs += 1;
      await release.promise;
      return { runs };
    });
    const created = await createIngestJob(projectId, assetId);
    await waitForJob(projectId, created.id, (j) => j.status === "running");

    const whileRunning = await deliverTwice({ job_id: created.id, project_id: projectId });
    expect(whileRunning.explicitAcks.sort()).toEqual(["dup-1", "dup-2"]);
    expect(whileRunning.retryMessages).toEqual([]);
    expect(runs).toBe(1);

    release.open();
    const done = await waitForJob(projectId, created.id, (j) => j.status === "completed");
    expect(done).toMatchObject({ attempts: 1, result: { runs: 1 } });

    const afterwards = await deliverTwice({ job_id: created.id, project_id: projectId });
    expect(afterwards.explicitAcks.sort()).toEqual(["dup-1", "dup-2"]);
    expect(runs).toBe(1);
    expect(await getJob(projectId, created.id)).toMatchObject({ status: "completed", attempts: 1 });
  });

  it("acks messages for unknown jobs and malformed bodies without retrying them", async () => {
    const batch = createMessageBatch<unknown>("edge-media-jobs", [
      { id: "unknown", timestamp: new Date(), attempts: 1, body: { job_id: crypto.randomUUID(), project_id: "p" } },
      { id: "garbage", timestamp: new Date(), attempts: 1, body: "not a job message" },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env, ctx);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks.sort()).toEqual(["garbage", "unknown"]);
    expect(result.retryMessages).toEqual([]);
  });

  it("fails a job whose message reached the dead-letter queue", async () => {
    const { projectId, assetId } = await projectWithAsset();
    const release = gate();
    restore = scriptIngest(async (ctx) => {
      if (ctx.job.attempt === 1) throw new Error("first attempt fails");
      await release.promise;
      return {};
    });
    const created = await createIngestJob(projectId, assetId, { retry_delay_seconds: 60 });
    await waitForJob(projectId, created.id, (j) => j.status === "queued" && j.attempts === 1);
    const batch = createMessageBatch<JobMessage>("edge-media-jobs-dlq", [
      { id: "dead", timestamp: new Date(), attempts: 6, body: { job_id: created.id, project_id: projectId } },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env, ctx);
    expect((await getQueueResult(batch, ctx)).explicitAcks).toEqual(["dead"]);
    const job = await getJob(projectId, created.id);
    expect(job.status).toBe("failed");
    expect(job.error_message).toMatch(/^Job could not be delivered/);
    release.open();
  });

  it("picks up a run interrupted by the object's restart (abortAllDurableObjects) via its lease alarm", async () => {
    const { projectId, assetId } = await projectWithAsset();
    const attempts: number[] = [];
    restore = scriptIngest(async (ctx) => {
      attempts.push(ctx.job.attempt);
      if (ctx.job.attempt === 1) {
        await ctx.progress(30, "rendering");
        await new Promise(() => {}); // dies with the instance
      }
      return { recovered_on: ctx.job.attempt };
    });
    const created = await createIngestJob(projectId, assetId, { retry_delay_seconds: 60 });
    await waitForJob(projectId, created.id, (j) => j.status === "running" && j.progress === 30);

    // A restart, not an eviction: evictDurableObject waits for in-flight requests and never tears down a
    // running one (it gives up after 30 s). Resetting every instance (storage kept) drops the in-memory run
    // while the stored state still says "running".
    await abortAllDurableObjects();
    expect(await runDurableObjectAlarm(stubFor(created.id))).toBe(true);
    const job = await waitForJob(projectId, created.id, (j) => j.status === "completed", 25_000);
    expect(job).toMatchObject({ attempts: 2, result: { recovered_on: 2 } });
    expect(attempts).toEqual([1, 2]);
    expect(job.logs.map((l) => l.message)).toContain(
      "Attempt 1 was interrupted (the job's Durable Object restarted mid-run); it will run again",
    );
  }, 30_000);

  it("lets a redelivered message take over a run whose instance was reset", async () => {
    const { projectId, assetId } = await projectWithAsset();
    const attempts: number[] = [];
    restore = scriptIngest(async (ctx) => {
      attempts.push(ctx.job.attempt);
      if (ctx.job.attempt === 1) await new Promise(() => {});
      return {};
    });
    const created = await createIngestJob(projectId, assetId, { retry_delay_seconds: 60 });
    await waitForJob(projectId, created.id, (j) => j.status === "running");
    // "running" is stored just before the handler is called: reset the instance only once attempt 1 is inside it.
    await expect.poll(() => attempts.length, { timeout: 5_000, interval: 20 }).toBe(1);
    await abortAllDurableObjects();
    const result = await deliverTwice({ job_id: created.id, project_id: projectId });
    expect(result.explicitAcks.sort()).toEqual(["dup-1", "dup-2"]);
    const job = await waitForJob(projectId, created.id, (j) => j.status === "completed");
    expect(job.attempts).toBe(2);
    expect(attempts).toEqual([1, 2]);
  }, 30_000);
});
