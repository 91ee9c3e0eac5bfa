import { env } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { vi } from "vitest";
import type { z } from "zod";
import { createDb } from "../../../worker/db/client";
import { assets } from "../../../worker/db/schema/assets";
import type { JobContext } from "../../../worker/jobs/handler";
import { ingestJob } from "../../../worker/jobs/types/ingest";
import { type JobResponse, JobSchema } from "../../../worker/routes/jobs/schema";
import { bearer, TEST_ADMIN_KEY, uniqueProjectId } from "../helpers/project-key";
import { scriptJob } from "../scripted-job-types";

export const ADMIN = bearer(TEST_ADMIN_KEY);

export const api = (path: string, init?: RequestInit) =>
  exports.default.fetch(new Request(`https://api.test${path}`, init));

export const postJson = (path: string, body: unknown, headers: Record<string, string> = ADMIN) =>
  api(path, {
    method: "POST",
    headers: { ...headers, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });

/** A project with one video asset row in D1, enough for asset-based payloads to validate. */
export async function projectWithAsset(label = "jobs") {
  const projectId = uniqueProjectId(label);
  const assetId = crypto.randomUUID();
  const now = new Date().toISOString();
  await createDb(env.DB)
    .insert(assets)
    .values({
      id: assetId,
      projectId,
      category: "video",
      status: "uploaded",
      r2Key: `${projectId}/uploads/${assetId}.mp4`,
      filename: `${assetId}.mp4`,
      originalFilename: "lesson.mp4",
      contentType: "video/mp4",
      sizeBytes: 1024,
      checksum: "0".repeat(64),
      createdAt: now,
      updatedAt: now,
    });
  return { projectId, assetId };
}

export type ScriptedRun = (ctx: JobContext<z.output<typeof ingestJob.payloadSchema>>) => Promise<unknown>;

/** Scripts what `ingest` jobs do for the rest of the test; returns the restore function. */
export const scriptIngest = (run: ScriptedRun) => scriptJob(ingestJob, run);

export async function createIngestJob(
  projectId: string,
  assetId: string,
  extra: { max_attempts?: number; retry_delay_seconds?: number } = {},
): Promise<JobResponse> {
  const res = await postJson(`/projects/${projectId}/jobs`, {
    job_type: "ingest",
    payload: { asset_id: assetId },
    ...extra,
  });
  if (res.status !== 202) throw new Error(`createIngestJob failed: ${res.status} ${await res.text()}`);
  return JobSchema.parse(await res.json());
}

export async function getJob(projectId: string, jobId: string): Promise<JobResponse> {
  const res = await api(`/projects/${projectId}/jobs/${jobId}`, { headers: ADMIN });
  if (res.status !== 200) throw new Error(`getJob failed: ${res.status} ${await res.text()}`);
  return JobSchema.parse(await res.json());
}

/** Polls the job (through the API) until `done` holds; the real queue and alarms move it along. */
export async function waitForJob(
  projectId: string,
  jobId: string,
  done: (job: JobResponse) => boolean,
  timeout = 15_000,
) {
  return vi.waitFor(
    async () => {
      const job = await getJob(projectId, jobId);
      if (!done(job)) throw new Error(`job ${jobId} is ${job.status} (attempts ${job.attempts})`);
      return job;
    },
    { timeout, interval: 25 },
  );
}

/** The job's Durable Object stub, for runInDurableObject and runDurableObjectAlarm. */
export const stubFor = (jobId: string) => env.JOB.get(env.JOB.idFromName(jobId));

/** A promise the test resolves by hand. */
export function gate<T = void>() {
  let open!: (value: T) => void;
  const promise = new Promise<T>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

/** Resolves when the signal aborts, for handlers that hang until cancelled. */
export const aborted = (signal: AbortSignal) =>
  new Promise<never>((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
