import { afterEach, describe, expect, it } from "vitest";
import { RetryableJobError } from "../../../worker/jobs/handler";
import { createIngestJob, projectWithAsset, scriptIngest, waitForJob } from "./job-test-kit";

let restore: (() => void) | undefined;
afterEach(() => restore?.());

describe("job lifecycle", () => {
  it("runs a queued job to completed with its result, progress and logs", async () => {
    const { projectId, assetId } = await projectWithAsset();
    restore = scriptIngest(async (ctx) => {
      await ctx.progress(50, "half way");
      return { asset_id: ctx.job.payload.asset_id, frames: 12 };
    });
    const created = await createIngestJob(projectId, assetId);
    expect(created).toMatchObject({
      status: "queued",
      attempts: 0,
      progress: 0,
      job_type: "ingest",
      project_id: projectId,
    });
    const job = await waitForJob(projectId, created.id, (j) => j.status === "completed");
    expect(job).toMatchObject({
      attempts: 1,
      progress: 100,
      result: { asset_id: assetId, frames: 12 },
      error_message: null,
    });
    expect(job.started_at).not.toBeNull();
    expect(job.finished_at).not.toBeNull();
    expect(job.logs.map((l) => l.message)).toEqual([
      "Job queued",
      "Attempt 1/3 started",
      "half way",
      expect.stringMatching(/^Attempt 1 completed in \d+ ms$/),
    ]);
  });

  it("retries a retryable failure then succeeds", async () => {
    const { projectId, assetId } = await projectWithAsset();
    restore = scriptIngest(async (ctx) => {
      if (ctx.job.attempt === 1) throw new RetryableJobError("media service busy");
      return { ok: true };
    });
    const created = await createIngestJob(projectId, assetId, { retry_delay_seconds: 0 });
    const job = await waitForJob(projectId, created.id, (j) => j.status === "completed");
    expect(job.attempts).toBe(2);
  });
});
