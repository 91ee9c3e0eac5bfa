import type { JsonObject } from "../../db/schema/columns";
import { asEventData } from "../../events/event-types";
import { getProjectAsset } from "../../storage";
import { assetView } from "../../storage/asset-view";
import type { Job } from "../job";
import type { JobOutcomeEvent, JobTypeScope } from "../job-type";

/**
 * The asset as the API returns it, if the ingest job's outcome is what the asset now says: `ready` or `failed`
 * under this job's claim. A job that never claimed the asset (not a video, deleted meanwhile) or whose claim was
 * taken over announces nothing about it.
 */
async function assetAfter(job: Job, scope: JobTypeScope, status: "ready" | "failed"): Promise<JsonObject | null> {
  const assetId = job.payload.asset_id;
  if (typeof assetId !== "string") return null;
  const asset = await getProjectAsset(scope.db, scope.projectId, assetId, "video");
  return asset?.status === status && asset.ingestJobId === job.id ? asEventData(assetView(asset)) : null;
}

/** asset.ready and asset.failed, the project events of an ingest job's outcome. */
export const INGEST_EVENTS: { completed: JobOutcomeEvent; failed: JobOutcomeEvent } = {
  completed: { type: "asset.ready", data: ({ job }, scope) => assetAfter(job, scope, "ready") },
  failed: { type: "asset.failed", data: ({ job }, scope) => assetAfter(job, scope, "failed") },
};
