import { z } from "zod";
import type { JobPayloadSpec } from "../handler";
import { AssetIdSchema, requireAssetInProject } from "./asset-in-project";

export const SceneDetectionPayloadSchema = z.strictObject({
  asset_id: AssetIdSchema.describe("The transcribed asset to find highlight scenes in"),
  tone: z.string().trim().min(1).max(200).optional().describe("Desired tone of the highlights, e.g. 'energetic'"),
  criteria: z.string().trim().min(1).max(2000).optional().describe("What makes a scene worth keeping"),
  max_scenes: z.number().int().min(1).max(50).optional().describe("Upper bound on returned scenes"),
  force: z.boolean().optional().describe("Ask GPT again even if a cached run matches"),
});
export type SceneDetectionPayload = z.infer<typeof SceneDetectionPayloadSchema>;

export const sceneDetectionPayload = {
  type: "scene_detection",
  schema: SceneDetectionPayloadSchema,
  validate: (payload, { db, projectId }) => requireAssetInProject(db, projectId, payload.asset_id),
  assetId: (payload) => payload.asset_id,
} satisfies JobPayloadSpec<typeof SceneDetectionPayloadSchema>;
