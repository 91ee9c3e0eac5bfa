import { env } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { inject } from "vitest";
import { createDb } from "../../../worker/db/client";
import type { Settings } from "../../../worker/env";
import type { JobContext } from "../../../worker/jobs/handler";
import { sceneDetectionJob } from "../../../worker/jobs/types/scene-detection";
import { transcriptionJob } from "../../../worker/jobs/types/transcription";
import { type JobResponse, JobSchema } from "../../../worker/routes/jobs/schema";
import { objectKey, registerAsset, storedFileName } from "../../../worker/storage";
import type { FakeBehaviour, ReceivedRequest } from "../../fake-openai/behaviours";
import { bearer, TEST_ADMIN_KEY, uniqueProjectId } from "../helpers/project-key";
import { waitForJob } from "../jobs/job-test-kit";
import { mediaFixture } from "../media/fixtures";
import type { MediaFixtureName } from "../media-fixtures";
import { patchJob } from "../scripted-job-types";

export const ADMIN = bearer(TEST_ADMIN_KEY);

export const api = (path: string, init: RequestInit = {}) =>
  exports.default.fetch(new Request(`https://api.test${path}`, { ...init, headers: { ...ADMIN, ...init.headers } }));

/**
 * A project with one video whose bytes (a generated fixture) are in R2, registered through the storage API;
 * with `projectId`, one more video in that project.
 */
export async function projectWithVideo(
  fixture: MediaFixtureName = "video.mp4",
  label = "ai",
  projectId = uniqueProjectId(label),
) {
  const assetId = crypto.randomUUID();
  const bytes = mediaFixture(fixture);
  const key = objectKey(projectId, "uploads", storedFileName(assetId, new Date(), "mp4"));
  await env.BUCKET.put(key, bytes);
  await registerAsset(
    { db: createDb(env.DB), bucket: env.BUCKET },
    {
      id: assetId,
      projectId,
      category: "video",
      key,
      filename: key.split("/").pop()!,
      originalFilename: "lesson.mp4",
      contentType: "video/mp4",
      sizeBytes: bytes.byteLength,
      checksum: "0".repeat(64),
    },
  );
  return { projectId, assetId, key };
}

/** The AI job types these tests run. */
export type AiJobType = "transcription" | "scene_detection" | "translation" | "chapters";

export async function createJob(
  projectId: string,
  jobType: AiJobType,
  payload: Record<string, unknown>,
  extra: { max_attempts?: number; retry_delay_seconds?: number } = { retry_delay_seconds: 0 },
): Promise<JobResponse> {
  const res = await api(`/projects/${projectId}/jobs`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ job_type: jobType, payload, ...extra }),
  });
  if (res.status !== 202) throw new Error(`create ${jobType} failed: ${res.status} ${await res.text()}`);
  return JobSchema.parse(await res.json());
}

const terminal = (job: JobResponse) => ["completed", "failed", "cancelled"].includes(job.status);

/** Creates a job and waits until it is completed, failed or cancelled (real queue, DO, media service, fake). */
export async function runJob(
  projectId: string,
  jobType: AiJobType,
  payload: Record<string, unknown>,
  extra?: { max_attempts?: number; retry_delay_seconds?: number },
): Promise<JobResponse> {
  const created = await createJob(projectId, jobType, payload, extra);
  return waitForJob(projectId, created.id, terminal, 60_000);
}

/**
 * Runs the real handlers with some settings replaced, through the real engine. Worker settings are fixed per
 * test run (miniflare bindings), so this is how a test sees a missing key or a short chunk window.
 */
export function withSettings(overrides: Partial<Settings>): () => void {
  const patch = <Payload>(ctx: JobContext<Payload>): JobContext<Payload> => ({
    ...ctx,
    services: { ...ctx.services, settings: { ...ctx.services.settings, ...overrides } },
  });
  const restoreTranscription = patchJob(transcriptionJob, (ctx) => transcriptionJob.run(patch(ctx)));
  const restoreScenes = patchJob(sceneDetectionJob, (ctx) => sceneDetectionJob.run(patch(ctx)));
  return () => {
    restoreTranscription();
    restoreScenes();
  };
}

/** The fake OpenAI's control API (test/fake-openai), reached over loopback like the media service reaches it. */
const controlUrl = () => inject("fakeOpenAIUrl").replace(/\/v1$/, "/__control");

export async function fakeEnqueue(...behaviours: FakeBehaviour[]): Promise<void> {
  const res = await fetch(`${controlUrl()}/enqueue`, { method: "POST", body: JSON.stringify(behaviours) });
  if (!res.ok) throw new Error(`fake enqueue failed: ${res.status}`);
}

export async function fakeReset(): Promise<void> {
  await fetch(`${controlUrl()}/reset`, { method: "POST", body: "{}" });
}

export async function fakeRequests(endpoint: "transcriptions" | "chat"): Promise<ReceivedRequest[]> {
  const res = await fetch(`${controlUrl()}/requests?endpoint=${endpoint}`);
  return ((await res.json()) as { requests: ReceivedRequest[] }).requests;
}

/** Transcription requests carrying `marker` as their Whisper prompt: the ones a test's own jobs sent. */
export async function transcriptionsWithPrompt(marker: string): Promise<ReceivedRequest[]> {
  return (await fakeRequests("transcriptions")).filter((r) => r.fields?.prompt === marker);
}

/** Chat requests whose prompt mentions `marker` (tests put one in the tone or criteria). */
export async function chatsMentioning(marker: string): Promise<ReceivedRequest[]> {
  return (await fakeRequests("chat")).filter((r) => r.prompt?.includes(marker));
}
