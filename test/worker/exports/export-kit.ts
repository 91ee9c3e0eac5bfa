import { env } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { expect, inject } from "vitest";
import { createDb } from "../../../worker/db/client";
import type { AssetCategory, AssetStatus } from "../../../worker/db/schema/assets";
import { sceneRuns } from "../../../worker/db/schema/scene-runs";
import { transcripts } from "../../../worker/db/schema/transcripts";
import { MediaClient, type ProbeResultData, urlTransport } from "../../../worker/media/media-client";
import { type JobResponse, JobSchema } from "../../../worker/routes/jobs/schema";
import { ASSET_FOLDERS, objectKey, registerAsset, storedFileName } from "../../../worker/storage";
import { bearer, TEST_ADMIN_KEY } from "../helpers/project-key";
import { getJob } from "../jobs/job-test-kit";
import { chunkedStream, mediaFixture } from "../media/fixtures";
import type { MediaFixtureName } from "../media-fixtures";

export const ADMIN = bearer(TEST_ADMIN_KEY);
export const db = () => createDb(env.DB);

export const api = (path: string, init?: RequestInit) =>
  exports.default.fetch(new Request(`https://api.test${path}`, init));

const CONTENT_TYPES: Record<string, string> = { mp4: "video/mp4", m4a: "audio/mp4", png: "image/png" };

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * An asset as uploads and ingest leave it: the fixture's bytes in R2 under the category's folder and a row
 * (videos `ready` with their duration, as the ingest job records it).
 */
export async function seedAsset(
  projectId: string,
  fixture: MediaFixtureName,
  options: { category?: AssetCategory; status?: AssetStatus; duration?: number | null } = {},
) {
  const bytes = mediaFixture(fixture);
  const extension = fixture.split(".").pop() ?? "bin";
  const category = options.category ?? (extension === "png" ? "image" : extension === "m4a" ? "music" : "video");
  const id = crypto.randomUUID();
  const filename = storedFileName(id, new Date(), extension);
  const key = objectKey(projectId, ASSET_FOLDERS[category], filename);
  await env.BUCKET.put(key, bytes);
  return registerAsset(
    { db: db(), bucket: env.BUCKET },
    {
      id,
      projectId,
      category,
      key,
      filename,
      originalFilename: fixture,
      contentType: CONTENT_TYPES[extension] ?? "application/octet-stream",
      sizeBytes: bytes.length,
      checksum: await sha256(bytes),
      status: options.status ?? (category === "video" ? "ready" : "uploaded"),
      durationSeconds: options.duration === undefined ? (category === "video" ? 2 : null) : options.duration,
    },
  );
}

export const createExportJob = (projectId: string, payload: unknown, extra: Record<string, unknown> = {}) =>
  api(`/projects/${projectId}/jobs`, {
    method: "POST",
    headers: { ...ADMIN, "Content-Type": "application/json" },
    body: JSON.stringify({ job_type: "export", payload, ...extra }),
  });

/** Creates an export job, waits until it finished (completed, failed, cancelled) and returns it. */
export async function runExport(projectId: string, payload: unknown, timeout = 90_000): Promise<JobResponse> {
  const res = await createExportJob(projectId, payload, { max_attempts: 1 });
  expect(res.status, await res.clone().text()).toBe(202);
  const job = JobSchema.parse(await res.json());
  return waitForFinish(projectId, job.id, timeout);
}

export async function waitForFinish(projectId: string, jobId: string, timeout = 90_000): Promise<JobResponse> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const job = await getJob(projectId, jobId);
    if (["completed", "failed", "cancelled"].includes(job.status)) return job;
    if (Date.now() > deadline) throw new Error(`export job ${jobId} still ${job.status} after ${timeout} ms`);
    await scheduler.wait(100);
  }
}

export interface ExportOutputResult {
  asset_id: string;
  template: string;
  format: string;
  width: number;
  height: number;
  duration: number;
  size_bytes: number;
  download_path: string;
  thumbnail_path: string | null;
}

export const outputsOf = (job: JobResponse) => (job.result as { outputs: ExportOutputResult[] }).outputs;

/** Probes bytes with the real media service, independently of what the render reported. */
export async function probeBytes(bytes: Uint8Array): Promise<ProbeResultData["probe"]> {
  const media = new MediaClient(urlTransport(inject("mediaServiceUrl"), inject("mediaServiceSecret")));
  const result = await media.probe(
    { name: "video", size: bytes.length, body: chunkedStream(bytes) },
    { thumbnail: false },
  );
  return result.probe;
}

/** Downloads an output through the exports route and probes it. */
export async function downloadAndProbe(path: string) {
  const res = await api(path, { headers: ADMIN });
  expect(res.status).toBe(200);
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { bytes, probe: await probeBytes(bytes) };
}

/** A scene run as the scene-detection job stores it, with a transcript row it refers to. */
export async function seedSceneRun(
  projectId: string,
  assetId: string,
  scenes: { start: number; end: number }[],
  options: { tone?: string; generatedAt?: string } = {},
) {
  const now = new Date().toISOString();
  const transcriptId = await seedTranscript(projectId, assetId, []);
  const id = crypto.randomUUID();
  await db()
    .insert(sceneRuns)
    .values({
      id,
      projectId,
      assetId,
      transcriptId,
      cacheKey: crypto.randomUUID(),
      tone: options.tone ?? null,
      maxScenes: 8,
      model: "gpt-4o-mini",
      promptVersion: "1",
      requestId: "req-test",
      scenes: scenes.map((scene, i) => ({
        id: `scene-${i + 1}`,
        title: `Scene ${i + 1}`,
        description: "test scene",
        start: scene.start,
        end: scene.end,
        duration: scene.end - scene.start,
        confidence: 0.9,
        priority: i + 1,
        tags: [],
      })),
      usage: {},
      generatedAt: options.generatedAt ?? now,
    });
  return id;
}

export async function seedTranscript(
  projectId: string,
  assetId: string,
  segments: { start: number; end: number; text: string }[],
) {
  const now = new Date().toISOString();
  const id = crypto.randomUUID();
  await db()
    .insert(transcripts)
    .values({
      id,
      projectId,
      assetId,
      requestId: "req-test",
      model: "whisper-1",
      text: segments.map((s) => s.text).join(" "),
      durationSeconds: 2,
      segments: segments.map((s, index) => ({ index, ...s, duration: s.end - s.start })),
      usage: {},
      createdAt: now,
      updatedAt: now,
    });
  return id;
}

/** Every R2 key of the project under one folder (exports/, thumbnails/). */
export async function r2Keys(projectId: string, folder: string): Promise<string[]> {
  const listed = await env.BUCKET.list({ prefix: `projects/${projectId}/${folder}/` });
  return listed.objects.map((object) => object.key);
}
