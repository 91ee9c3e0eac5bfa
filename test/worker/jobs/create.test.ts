import { env } from "cloudflare:test";
import { afterEach, describe, expect, it } from "vitest";
import { createDb } from "../../../worker/db/client";
import { getSettings } from "../../../worker/env";
import { ErrorEnvelopeSchema } from "../../../worker/errors";
import { createJob } from "../../../worker/jobs/create-job";
import { JobPayloadError } from "../../../worker/jobs/handler";
import { transcriptionJob } from "../../../worker/jobs/types/transcription";
import { JobSchema } from "../../../worker/routes/jobs/schema";
import { hideJobType, scriptJob } from "../scripted-job-types";
import { ADMIN, api, createIngestJob, postJson, projectWithAsset, scriptIngest, waitForJob } from "./job-test-kit";

let restore: (() => void) | undefined;
afterEach(() => restore?.());

async function validationPaths(res: Response) {
  expect(res.status).toBe(422);
  const body = ErrorEnvelopeSchema.parse(await res.json());
  expect(body.error.code).toBe("VALIDATION_ERROR");
  return (body.error.details ?? []).map((detail) => detail.path);
}

describe("POST /projects/{project_id}/jobs", () => {
  it("creates a queued job with the defaults from settings and returns 202", async () => {
    const { projectId, assetId } = await projectWithAsset();
    restore = scriptIngest(async () => ({}));
    const res = await postJson(`/projects/${projectId}/jobs`, { job_type: "ingest", payload: { asset_id: assetId } });
    expect(res.status).toBe(202);
    const job = JobSchema.parse(await res.json());
    expect(job).toMatchObject({
      project_id: projectId,
      job_type: "ingest",
      status: "queued",
      progress: 0,
      attempts: 0,
      max_attempts: 3,
      retry_delay_seconds: 5,
      payload: { asset_id: assetId },
      result: null,
      error_message: null,
      started_at: null,
      finished_at: null,
      next_attempt_at: null,
    });
    await waitForJob(projectId, job.id, (j) => j.status === "completed");
  });

  it("accepts scene_detection's optional fields and explicit retry settings", async () => {
    const { projectId, assetId } = await projectWithAsset();
    const res = await postJson(`/projects/${projectId}/jobs`, {
      job_type: "scene_detection",
      payload: { asset_id: assetId, tone: "energetic", criteria: "key definitions", max_scenes: 50, force: true },
      max_attempts: 5,
      retry_delay_seconds: 0,
    });
    expect(res.status).toBe(202);
    const job = JobSchema.parse(await res.json());
    expect(job).toMatchObject({ max_attempts: 5, retry_delay_seconds: 0, job_type: "scene_detection" });
    // The video has no transcript: scene detection must fail permanently at once, not hang or retry.
    const failed = await waitForJob(projectId, job.id, (j) => j.status === "failed");
    expect(failed.attempts).toBe(1);
    expect(failed.error_message).toBe(
      `Video ${assetId} has no transcript yet: run a transcription job first, then scene detection`,
    );
  });

  it("fails a job whose type has no registered handler permanently instead of hanging", async () => {
    const { projectId, assetId } = await projectWithAsset();
    restore = hideJobType("ingest");
    const created = await createIngestJob(projectId, assetId, { max_attempts: 5, retry_delay_seconds: 0 });
    const failed = await waitForJob(projectId, created.id, (j) => j.status === "failed");
    expect(failed).toMatchObject({ attempts: 1, error_message: "No handler registered for job type 'ingest'" });
  });

  it("accepts transcription's optional fields", async () => {
    const { projectId, assetId } = await projectWithAsset();
    restore = scriptJob(transcriptionJob, async (ctx) => ({ payload: ctx.job.payload }));
    const res = await postJson(`/projects/${projectId}/jobs`, {
      job_type: "transcription",
      payload: { asset_id: assetId, language: "en", prompt: "physics lesson", force: false },
    });
    expect(res.status).toBe(202);
    const job = await waitForJob(projectId, JobSchema.parse(await res.json()).id, (j) => j.status === "completed");
    expect(job.result).toEqual({
      payload: { asset_id: assetId, language: "en", prompt: "physics lesson", force: false },
    });
  });

  it.each([
    ["missing job_type", { payload: { asset_id: "a" } }, ["job_type"]],
    ["unknown job_type", { job_type: "resize", payload: { asset_id: "a" } }, ["job_type"]],
    ["missing payload", { job_type: "ingest" }, ["payload"]],
    ["payload not an object", { job_type: "ingest", payload: "a" }, ["payload"]],
    ["missing asset_id", { job_type: "ingest", payload: {} }, ["payload.asset_id"]],
    ["asset_id of wrong type", { job_type: "ingest", payload: { asset_id: 42 } }, ["payload.asset_id"]],
    ["empty asset_id", { job_type: "ingest", payload: { asset_id: "" } }, ["payload.asset_id"]],
    ["traversal asset_id", { job_type: "ingest", payload: { asset_id: "../etc/passwd" } }, ["payload.asset_id"]],
    ["unknown payload field", { job_type: "ingest", payload: { asset_id: "a", extra: 1 } }, ["payload"]],
    [
      "bad language",
      { job_type: "transcription", payload: { asset_id: "a", language: "english" } },
      ["payload.language"],
    ],
    [
      "three-letter language (the service takes ISO-639-1 only)",
      { job_type: "transcription", payload: { asset_id: "a", language: "eng" } },
      ["payload.language"],
    ],
    ["prompt of wrong type", { job_type: "transcription", payload: { asset_id: "a", prompt: 5 } }, ["payload.prompt"]],
    ["force not boolean", { job_type: "transcription", payload: { asset_id: "a", force: "yes" } }, ["payload.force"]],
    [
      "max_scenes 0",
      { job_type: "scene_detection", payload: { asset_id: "a", max_scenes: 0 } },
      ["payload.max_scenes"],
    ],
    [
      "max_scenes 51",
      { job_type: "scene_detection", payload: { asset_id: "a", max_scenes: 51 } },
      ["payload.max_scenes"],
    ],
    [
      "max_scenes fractional",
      { job_type: "scene_detection", payload: { asset_id: "a", max_scenes: 2.5 } },
      ["payload.max_scenes"],
    ],
    ["tone empty", { job_type: "scene_detection", payload: { asset_id: "a", tone: "" } }, ["payload.tone"]],
    ["max_attempts 0", { job_type: "ingest", payload: { asset_id: "a" }, max_attempts: 0 }, ["max_attempts"]],
    ["max_attempts 21", { job_type: "ingest", payload: { asset_id: "a" }, max_attempts: 21 }, ["max_attempts"]],
    ["max_attempts string", { job_type: "ingest", payload: { asset_id: "a" }, max_attempts: "3" }, ["max_attempts"]],
    [
      "negative retry delay",
      { job_type: "ingest", payload: { asset_id: "a" }, retry_delay_seconds: -1 },
      ["retry_delay_seconds"],
    ],
    [
      "retry delay too long",
      { job_type: "ingest", payload: { asset_id: "a" }, retry_delay_seconds: 3601 },
      ["retry_delay_seconds"],
    ],
  ])("rejects %s with 422 and field details", async (_name, body, paths) => {
    const { projectId } = await projectWithAsset();
    const found = await validationPaths(await postJson(`/projects/${projectId}/jobs`, body));
    for (const path of paths) expect(found.some((p) => p === path || p.startsWith(`${path}.`))).toBe(true);
    const list = await api(`/projects/${projectId}/jobs`, { headers: ADMIN });
    expect(((await list.json()) as { items: unknown[] }).items).toHaveLength(0);
  });

  it("rejects an asset that is not in the project with 404 and creates nothing", async () => {
    const { projectId } = await projectWithAsset();
    const other = await projectWithAsset();
    for (const assetId of [crypto.randomUUID(), other.assetId]) {
      const res = await postJson(`/projects/${projectId}/jobs`, {
        job_type: "transcription",
        payload: { asset_id: assetId },
      });
      expect(res.status).toBe(404);
      const body = ErrorEnvelopeSchema.parse(await res.json());
      expect(body.error.code).toBe("NOT_FOUND");
      expect(body.error.details?.[0]?.path).toBe("payload.asset_id");
    }
    const list = await api(`/projects/${projectId}/jobs`, { headers: ADMIN });
    expect(((await list.json()) as { items: unknown[] }).items).toHaveLength(0);
  });

  it("answers malformed JSON with 400 and a non-JSON body with 415 or 400", async () => {
    const { projectId } = await projectWithAsset();
    const malformed = await api(`/projects/${projectId}/jobs`, {
      method: "POST",
      headers: { ...ADMIN, "Content-Type": "application/json" },
      body: '{"job_type": "ingest", ',
    });
    expect(malformed.status).toBe(400);
    expect(ErrorEnvelopeSchema.parse(await malformed.json()).error.code).toBe("MALFORMED_JSON");
    const text = await api(`/projects/${projectId}/jobs`, {
      method: "POST",
      headers: { ...ADMIN, "Content-Type": "text/plain" },
      body: "ingest",
    });
    expect([400, 415, 422]).toContain(text.status);
    ErrorEnvelopeSchema.parse(await text.json());
  });
});

describe("createJob (programmatic)", () => {
  it("creates and runs a job like the route does", async () => {
    const { projectId, assetId } = await projectWithAsset();
    restore = scriptIngest(async (ctx) => ({ seen: ctx.job.payload.asset_id }));
    const deps = { db: createDb(env.DB), jobs: env.JOB, queue: env.JOBS_QUEUE, settings: getSettings(env) };
    const job = await createJob(deps, { projectId, jobType: "ingest", payload: { asset_id: assetId }, maxAttempts: 2 });
    expect(job).toMatchObject({ status: "queued", max_attempts: 2 });
    const done = await waitForJob(projectId, job.id, (j) => j.status === "completed");
    expect(done.result).toEqual({ seen: assetId });
  });

  it("throws JobPayloadError for bad payloads, types and retry settings", async () => {
    const { projectId, assetId } = await projectWithAsset();
    const deps = { db: createDb(env.DB), jobs: env.JOB, queue: env.JOBS_QUEUE, settings: getSettings(env) };
    const attempts = [
      { jobType: "resize", payload: {} },
      { jobType: "ingest", payload: { asset_id: 1 } },
      { jobType: "ingest", payload: { asset_id: assetId }, maxAttempts: 0 },
      { jobType: "ingest", payload: { asset_id: "missing" } },
    ];
    const statuses = [];
    for (const input of attempts) {
      const error = await createJob(deps, { projectId, ...input }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(JobPayloadError);
      statuses.push((error as JobPayloadError).status);
    }
    expect(statuses).toEqual([422, 422, 422, 404]);
  });
});
