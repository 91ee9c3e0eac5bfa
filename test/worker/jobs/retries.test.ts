import {
  createExecutionContext,
  createMessageBatch,
  env,
  getQueueResult,
  runDurableObjectAlarm,
} from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import worker from "../../../worker/index";
import { JobPayloadError, PermanentJobError, RetryableJobError } from "../../../worker/jobs/handler";
import { createIngestJob, gate, projectWithAsset, scriptIngest, stubFor, waitForJob } from "./job-test-kit";

let restore: (() => void) | undefined;
afterEach(() => restore?.());

const gapMs = (job: { next_attempt_at: string | null; updated_at: string }) =>
  Date.parse(job.next_attempt_at ?? "") - Date.parse(job.updated_at);

describe("retries", () => {
  it("backs off exponentially, runs each retry from its alarm and fails after the last attempt", async () => {
    const { projectId, assetId } = await projectWithAsset();
    const runs: number[] = [];
    restore = scriptIngest(async (ctx) => {
      runs.push(ctx.job.attempt);
      throw new RetryableJobError(`upstream 503 on attempt ${ctx.job.attempt}`);
    });
    const created = await createIngestJob(projectId, assetId, { max_attempts: 3, retry_delay_seconds: 30 });

    const first = await waitForJob(projectId, created.id, (j) => j.attempts === 1 && j.status === "queued");
    expect(gapMs(first)).toBe(30_000);
    expect(first.error_message).toBe("upstream 503 on attempt 1");

    // A stray message before the retry is due must not bypass the backoff.
    const batch = createMessageBatch("edge-media-jobs", [
      { id: "early", timestamp: new Date(), attempts: 1, body: { job_id: created.id, project_id: projectId } },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env, ctx);
    expect((await getQueueResult(batch, ctx)).explicitAcks).toEqual(["early"]);
    expect(runs).toEqual([1]);

    expect(await runDurableObjectAlarm(stubFor(created.id))).toBe(true);
    const second = await waitForJob(projectId, created.id, (j) => j.attempts === 2 && j.status === "queued");
    expect(gapMs(second)).toBe(60_000);

    expect(await runDurableObjectAlarm(stubFor(created.id))).toBe(true);
    const last = await waitForJob(projectId, created.id, (j) => j.status === "failed");
    expect(runs).toEqual([1, 2, 3]);
    expect(last).toMatchObject({ attempts: 3, error_message: "upstream 503 on attempt 3", next_attempt_at: null });
    expect(last.finished_at).not.toBeNull();
    const messages = last.logs.map((l) => l.message);
    expect(messages).toEqual([
      "Job queued",
      "Attempt 1/3 started",
      "Attempt 1 failed: upstream 503 on attempt 1; retrying in 30 s",
      "Attempt 2/3 started",
      "Attempt 2 failed: upstream 503 on attempt 2; retrying in 60 s",
      "Attempt 3/3 started",
      "Attempt 3 failed (no attempts left): upstream 503 on attempt 3",
    ]);
    // A finished job has no alarm left.
    expect(await runDurableObjectAlarm(stubFor(created.id))).toBe(false);
  });

  it("treats unknown errors as retryable", async () => {
    const { projectId, assetId } = await projectWithAsset();
    restore = scriptIngest(async (ctx) => {
      if (ctx.job.attempt === 1) throw new TypeError("fetch failed");
      return { attempt: ctx.job.attempt };
    });
    const created = await createIngestJob(projectId, assetId, { retry_delay_seconds: 0 });
    const job = await waitForJob(projectId, created.id, (j) => j.status === "completed");
    expect(job).toMatchObject({ attempts: 2, result: { attempt: 2 }, error_message: null });
  });

  it("clears the failed attempt's error_message when the next attempt starts; the failure stays in the logs", async () => {
    const { projectId, assetId } = await projectWithAsset();
    const second = gate();
    restore = scriptIngest(async (ctx) => {
      if (ctx.job.attempt === 1) throw new RetryableJobError("upstream 503");
      await second.promise;
      return { attempt: ctx.job.attempt };
    });
    const created = await createIngestJob(projectId, assetId, { retry_delay_seconds: 0 });
    const running = await waitForJob(projectId, created.id, (j) => j.attempts === 2 && j.status === "running");
    expect(running.error_message).toBeNull();
    expect(running.logs.map((l) => l.message)).toContain("Attempt 1 failed: upstream 503; retrying in 0 s");
    // The D1 mirror (listings) follows the object.
    await vi.waitFor(async () => {
      const row = await env.DB.prepare("SELECT attempts, error_message FROM jobs WHERE id = ?")
        .bind(created.id)
        .first();
      expect(row).toEqual({ attempts: 2, error_message: null });
    });
    second.open();
    await waitForJob(projectId, created.id, (j) => j.status === "completed");
  });

  it.each([
    ["PermanentJobError", () => new PermanentJobError("corrupt media: moov atom not found")],
    ["JobPayloadError", () => new JobPayloadError(422, "corrupt media: moov atom not found")],
  ])("fails at once on %s", async (_name, makeError) => {
    const { projectId, assetId } = await projectWithAsset();
    let runs = 0;
    restore = scriptIngest(async () => {
      runs += 1;
      throw makeError();
    });
    const created = await createIngestJob(projectId, assetId, { max_attempts: 5, retry_delay_seconds: 0 });
    const job = await waitForJob(projectId, created.id, (j) => j.status === "failed");
    expect(job).toMatchObject({
      attempts: 1,
      error_message: "corrupt media: moov atom not found",
      next_attempt_at: null,
    });
    expect(job.logs.at(-1)?.message).toBe("Attempt 1 failed (not retryable): corrupt media: moov atom not found");
    expect(runs).toBe(1);
  });

  it("fails a handler result that is not an object", async () => {
    const { projectId, assetId } = await projectWithAsset();
    restore = scriptIngest(async () => [1, 2] as unknown as Record<string, unknown>);
    const created = await createIngestJob(projectId, assetId);
    const job = await waitForJob(projectId, created.id, (j) => j.status === "failed");
    expect(job.error_message).toBe("Handler returned a result that is not an object");
  });
});
