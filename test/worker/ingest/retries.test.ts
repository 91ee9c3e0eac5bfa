import { createExecutionContext, env, runDurableObjectAlarm } from "cloudflare:test";
import { afterEach, describe, expect, it } from "vitest";
import { createApp } from "../../../worker/app";
import { createDb } from "../../../worker/db/client";
import { getSettings } from "../../../worker/env";
import { startVideoIngest } from "../../../worker/jobs/ingest/start-ingest";
import { ingestJob } from "../../../worker/jobs/types/ingest";
import { Logger } from "../../../worker/logger";
import { createMediaClient } from "../../../worker/media/media-client";
import { AssetSchema } from "../../../worker/routes/assets/schema";
import { getProjectAsset } from "../../../worker/storage";
import { uniqueProjectId } from "../helpers/project-key";
import {
  aborted,
  createIngestJob,
  getJob,
  postJson,
  projectWithAsset,
  scriptIngest,
  stubFor,
  waitForJob,
} from "../jobs/job-test-kit";
import { mediaFixture } from "../media/fixtures";
import { ADMIN, getAsset, INGEST_TIMEOUT_MS, TEST_TIMEOUT_MS, thumbnailObjects, uploadedVideo } from "./ingest-kit";

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

// Nothing listens on port 1: the media client's fetch fails to connect, as with a stopped container.
const CLOSED = "http://127.0.0.1:1";

/** Runs the real ingest handler, but with services built from an env whose MEDIA_SERVICE_URL is a closed port. */
const ingestWithUnreachableService = () =>
  scriptIngest((ctx) =>
    ingestJob.run({
      ...ctx,
      services: {
        ...ctx.services,
        media: createMediaClient(env, {
          ...ctx.services.settings,
          MEDIA_SERVICE_URL: [CLOSED],
          MEDIA_CONTAINER_INSTANCES: 1,
        }),
      },
    }),
  );

const UNREACHABLE = /^The media service could not be reached: /;

describe("ingest when the media service is unavailable", { timeout: TEST_TIMEOUT_MS }, () => {
  it("re-queues the job with next_attempt_at, keeps the asset as it was, and succeeds on the retry", async () => {
    const projectId = uniqueProjectId("ingest-retry");
    const uploaded = await uploadedVideo(projectId, "video.mp4");
    await waitForJob(projectId, uploaded.ingest_job_id!, (j) => j.status === "completed", INGEST_TIMEOUT_MS);
    const ready = await getAsset(projectId, uploaded.asset_id);
    const readyObjects = await thumbnailObjects(projectId, uploaded.asset_id);

    restore = ingestWithUnreachableService();
    const created = await createIngestJob(projectId, uploaded.asset_id, { retry_delay_seconds: 60 });
    const queued = await waitForJob(projectId, created.id, (j) => j.status === "queued" && j.attempts === 1);
    expect(queued.error_message).toMatch(UNREACHABLE);
    expect(Date.parse(queued.next_attempt_at!) - Date.parse(queued.updated_at)).toBe(60_000);
    // A retry is coming: the asset goes back to what it was (still ready, same thumbnail), not stuck in processing.
    expect(await getAsset(projectId, uploaded.asset_id)).toMatchObject({
      status: "ready",
      metadata: ready.metadata,
      error_message: null,
      ingest_job_id: created.id,
    });
    expect(await thumbnailObjects(projectId, uploaded.asset_id)).toEqual(readyObjects);

    restore();
    restore = undefined;
    expect(await runDurableObjectAlarm(stubFor(created.id))).toBe(true);
    const done = await waitForJob(
      projectId,
      created.id,
      (j) => j.status !== "queued" && j.status !== "running",
      INGEST_TIMEOUT_MS,
    );
    expect(done).toMatchObject({ status: "completed", attempts: 2, error_message: null });
    expect((await getAsset(projectId, uploaded.asset_id)).status).toBe("ready");
  });

  it("fails the asset when the last attempt cannot reach the service", async () => {
    restore = ingestWithUnreachableService();
    const projectId = uniqueProjectId("ingest-retry");
    const uploaded = await uploadedVideo(projectId, "video.mp4");
    // The upload's own job (3 attempts) fails its first one and waits for a retry, the asset back to uploaded.
    const waiting = await waitForJob(
      projectId,
      uploaded.ingest_job_id!,
      (j) => j.status === "queued" && j.attempts === 1,
    );
    expect(waiting.next_attempt_at).not.toBeNull();
    expect((await getAsset(projectId, uploaded.asset_id)).status).toBe("uploaded");
    expect((await postJson(`/projects/${projectId}/jobs/${uploaded.ingest_job_id}/cancel`, {})).status).toBe(200);
    expect((await getAsset(projectId, uploaded.asset_id)).status).toBe("uploaded");

    const created = await createIngestJob(projectId, uploaded.asset_id, { max_attempts: 1 });
    const failed = await waitForJob(projectId, created.id, (j) => j.status === "failed");
    expect(failed.error_message).toMatch(UNREACHABLE);
    expect(failed.logs.at(-1)?.message).toMatch(/^Attempt 1 failed \(no attempts left\): /);
    expect(await getAsset(projectId, uploaded.asset_id)).toMatchObject({
      status: "failed",
      error_message: failed.error_message,
      ingest_job_id: created.id,
    });
  });
});

describe("upload when the ingest job cannot be created", { timeout: TEST_TIMEOUT_MS }, () => {
  const activeJobs = async () =>
    (
      await env.DB.prepare("SELECT COUNT(*) AS n FROM jobs WHERE status IN ('queued', 'running')").first<{
        n: number;
      }>()
    )?.n ?? 0;

  it("queue full: keeps the upload (201, ingest_job_id null), and POST /jobs starts ingest later", async () => {
    // One job that runs until cancelled, so the service-wide queue can be full with MAX_TOTAL_QUEUED_JOBS >= 1.
    restore = scriptIngest(async (ctx) => aborted(ctx.signal));
    const blocker = await projectWithAsset("ingest-full");
    const blocking = await createIngestJob(blocker.projectId, blocker.assetId);
    const fullEnv = { ...env, MAX_TOTAL_QUEUED_JOBS: String(await activeJobs()) };

    const projectId = uniqueProjectId("ingest-full");
    const form = new FormData();
    form.append("file", new File([mediaFixture("video.mp4")], "lesson.mp4"));
    const res = await createApp().fetch(
      new Request(`https://api.test/projects/${projectId}/videos`, { method: "POST", headers: ADMIN, body: form }),
      fullEnv,
      createExecutionContext(),
    );
    expect(res.status).toBe(201);
    const asset = AssetSchema.parse(await res.json());
    expect(asset).toMatchObject({ status: "uploaded", ingest_job_id: null });
    expect((await env.BUCKET.head(`projects/${projectId}/uploads/${asset.filename}`))?.size).toBe(asset.size_bytes);
    expect(await env.DB.prepare("SELECT COUNT(*) AS n FROM jobs WHERE project_id = ?").bind(projectId).first("n")).toBe(
      0,
    );

    // Recovery: once there is room, the client starts ingest on demand.
    await postJson(`/projects/${blocker.projectId}/jobs/${blocking.id}/cancel`, {});
    restore();
    restore = undefined;
    const job = await createIngestJob(projectId, asset.asset_id);
    expect((await waitForJob(projectId, job.id, (j) => j.status === "completed", INGEST_TIMEOUT_MS)).status).toBe(
      "completed",
    );
    expect(await getAsset(projectId, asset.asset_id)).toMatchObject({ status: "ready", ingest_job_id: job.id });
  });

  it("a failing queue binding leaves the asset uploaded without a job, and nothing half-created", async () => {
    const projectId = uniqueProjectId("ingest-full");
    const uploaded = await uploadedVideo(projectId, "video.mp4");
    const row = (await getProjectAsset(createDb(env.DB), projectId, uploaded.asset_id))!;
    const brokenQueue = { send: async () => Promise.reject(new Error("queue unavailable")) } as unknown as Queue;
    const result = await startVideoIngest(
      {
        db: createDb(env.DB),
        env: { JOB: env.JOB, JOBS_QUEUE: brokenQueue },
        settings: getSettings(env),
        logger: new Logger("CRITICAL"),
      },
      { ...row, ingestJobId: null },
    );
    expect(result.ingestJobId).toBeNull();
    const jobs = await env.DB.prepare("SELECT id FROM jobs WHERE project_id = ?").bind(projectId).all<{ id: string }>();
    // Only the upload's own job; the failed creation removed its row again.
    expect(jobs.results.map((j) => j.id)).toEqual([uploaded.ingest_job_id]);
    expect((await getJob(projectId, uploaded.ingest_job_id!)).job_type).toBe("ingest");
  });
});
