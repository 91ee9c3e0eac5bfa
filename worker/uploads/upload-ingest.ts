import { eq } from "drizzle-orm";
import type { Database } from "../db/client";
import { type Asset, assets } from "../db/schema/assets";
import type { Env, Settings } from "../env";
import { createJob } from "../jobs/create-job";
import type { Logger } from "../logger";

export interface IngestServices {
  db: Database;
  env: Env;
  settings: Settings;
  logger: Logger;
}

/** Starts the ingest job of a freshly uploaded video and records it on the asset. */
export async function startUploadIngest(services: IngestServices, asset: Asset): Promise<Asset> {
  const job = await createJob(
    { db: services.db, jobs: services.env.JOB, queue: services.env.JOBS_QUEUE, settings: services.settings },
    { projectId: asset.projectId, jobType: "ingest", payload: { asset_id: asset.id } },
  );
  const updatedAt = new Date().toISOString();
  await services.db.update(assets).set({ ingestJobId: job.id, updatedAt }).where(eq(assets.id, asset.id));
  services.logger.info("ingest_started", { asset_id: asset.id, job_id: job.id });
  return { ...asset, ingestJobId: job.id, updatedAt };
}
