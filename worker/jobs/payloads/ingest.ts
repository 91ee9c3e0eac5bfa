import { z } from "zod";
import type { JobPayloadSpec } from "../handler";
import { AssetIdSchema, requireAssetInProject } from "./asset-in-project";

export const IngestPayloadSchema = z.strictObject({
  asset_id: AssetIdSchema.describe("The uploaded asset to probe and make thumbnails for"),
});
export type IngestPayload = z.infer<typeof IngestPayloadSchema>;

export const ingestPayload = {
  type: "ingest",
  schema: IngestPayloadSchema,
  validate: (payload, { db, projectId }) => requireAssetInProject(db, projectId, payload.asset_id),
  assetId: (payload) => payload.asset_id,
} satisfies JobPayloadSpec<typeof IngestPayloadSchema>;
