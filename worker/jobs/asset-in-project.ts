import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client";
import { assets } from "../db/schema/assets";
import { AssetIdSchema } from "../storage/asset-id";
import { JobPayloadError } from "./handler";
import type { JobTypeScope } from "./job-type";

export { AssetIdSchema };

/** The shared creation check of every asset-based job: the asset must belong to the job's project. */
export async function requireAssetInProject(db: Database, projectId: string, assetId: string): Promise<void> {
  const [row] = await db
    .select({ id: assets.id })
    .from(assets)
    .where(and(eq(assets.id, assetId), eq(assets.projectId, projectId)))
    .limit(1);
  if (!row) {
    throw new JobPayloadError(404, `Asset ${assetId} not found in project ${projectId}`, [
      { path: "payload.asset_id", message: "Asset not found in this project", code: "not_found" },
    ]);
  }
}

/**
 * `validate` and `assetId` of a job type whose payload's `asset_id` is the asset it works on:
 * `defineJobType({ type, payloadSchema, ...assetInProject, run, resultSchema })`.
 */
export const assetInProject = {
  validate: (payload: { asset_id: string }, { db, projectId }: JobTypeScope) =>
    requireAssetInProject(db, projectId, payload.asset_id),
  assetId: (payload: { asset_id: string }) => payload.asset_id,
};
