import { z } from "zod";
import type { JobPayloadSpec } from "../handler";
import { AssetIdSchema, requireAssetInProject } from "./asset-in-project";

export const TranscriptionPayloadSchema = z.strictObject({
  asset_id: AssetIdSchema.describe("The video or audio asset to transcribe"),
  language: z
    .string()
    .regex(/^[a-z]{2}$/, "Use an ISO-639-1 language code such as 'en'")
    .optional()
    .describe("Spoken language hint for Whisper"),
  prompt: z.string().max(2000).optional().describe("Vocabulary or style hint passed to Whisper"),
  force: z.boolean().optional().describe("Transcribe again even if a transcript exists"),
});
export type TranscriptionPayload = z.infer<typeof TranscriptionPayloadSchema>;

export const transcriptionPayload = {
  type: "transcription",
  schema: TranscriptionPayloadSchema,
  validate: (payload, { db, projectId }) => requireAssetInProject(db, projectId, payload.asset_id),
  assetId: (payload) => payload.asset_id,
} satisfies JobPayloadSpec<typeof TranscriptionPayloadSchema>;
