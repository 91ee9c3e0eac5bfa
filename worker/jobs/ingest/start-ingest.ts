import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { type Asset, assets } from "../../db/schema/assets";
import type { Env, Settings } from "../../env";
import type { Logger } from "../../logger";
import { createJob, QueueFullError } from "../create-job";

export interface StartIngestServices {
  db: Database;
  env: Pick<Env, "JOB" | "JOBS_QUEUE">;
  settings: Settings;
  logger: Logger;
}

/**
 * Starts the ingest job of a freshly registered video and records it as the asset's `ingest_job_id`.
 * The one place both upload paths (multipart route, tus completion) start ingest.
 *
 * Never fails the upload: the file is stored and registered by now, and failing would make the client
 * upload it again (a second asset). When the job cannot be created (queue full, a binding failing) the asset
 * is returned as it is, `uploaded` with `ingest_job_id: null`, and the client starts ingest itself with
 * `POST /projects/{id}/jobs {job_type: "ingest", payload: {asset_id}}`.
 */
export async function startVideoIngest(services: StartIngestServices, asset: Asset): Promise<Asset> {
  let jobId: string;
  try {
    const job = await createJob(
      { db: services.db, jobs: services.env.JOB, queue: services.env.JOBS_QUEUE, settings: services.settings },
      { projectId: asset.projectId, jobType: "ingest", payload: { asset_id: asset.id } },
    );
    jobId = job.id;
  } catch (error) {
    services.logger.warn("ingest_not_started", {
      project_id: asset.projectId,
      asset_id: asset.id,
      reason: error instanceof QueueFullError ? "queue_full" : "job_creation_failed",
      error: error instanceof Error ? error.message : String(error),
    });
    return asset;
  }
  const updatedAt = new Date().toISOString();
  // Once a job has claimed the asset (it may already run), the claim already names the job that owns it. The same
  // claim records the id if this write fails, so a failure here is logged rather than failing the upload.
  await services.db
    .update(assets)
    .set({ ingestJobId: jobId, updatedAt })
    .where(and(eq(assets.id, asset.id), eq(assets.status, "uploaded")))
    .catch((error) =>
      services.logger.warn("ingest_job_id_not_recorded", { asset_id: asset.id, job_id: jobId, error: String(error) }),
    );
  services.logger.info("ingest_started", { project_id: asset.projectId, asset_id: asset.id, job_id: jobId });
  return { ...asset, ingestJobId: jobId, updatedAt };
}
