import { z } from "zod";
import { LanguageCodeSchema } from "../../../container/src/protocol/transcribe-contract";
import { requireOpenAIKey } from "../../ai/ai-job-errors";
import { transcribeAsset } from "../../ai/transcribe-asset";
import type { StoredTranscript } from "../../ai/transcript-store";
import { getProjectAsset } from "../../storage";
import { AssetIdSchema, assetInProject } from "../asset-in-project";
import { PermanentJobError } from "../handler";
import { defineJobType } from "../job-type";

const TranscriptionPayloadSchema = z.strictObject({
  asset_id: AssetIdSchema.describe("The video or audio asset to transcribe"),
  language: LanguageCodeSchema.optional(),
  prompt: z
    .string()
    .max(2000)
    .optional()
    .describe("Vocabulary or style hint passed to Whisper, before the project's glossary"),
  force: z.boolean().optional().describe("Transcribe again even if a transcript exists"),
});

const TranscriptionResultSchema = z.object({
  transcript_id: z.string(),
  asset_id: z.string(),
  cached: z.boolean().describe("True when a stored transcript answered without calling OpenAI"),
  language: z.string().nullable().describe("ISO 639-1: the payload's language, else the one Whisper detected"),
  duration: z.number(),
  segment_count: z.number().int(),
  word_count: z.number().int().nullable().describe("Words with timings; null when the model gave none"),
  model: z.string(),
  request_id: z.string(),
  usage: z.object({ audio_seconds: z.number(), requests: z.number().int() }),
  created_at: z.string(),
});

// The service's progress covers extraction and chunks; the last few percent are storing the transcript.
const SERVICE_SHARE = 95;

function summary(transcript: StoredTranscript, cached: boolean): z.input<typeof TranscriptionResultSchema> {
  return {
    transcript_id: transcript.id,
    asset_id: transcript.assetId,
    cached,
    language: transcript.language,
    duration: transcript.duration,
    segment_count: transcript.segments.length,
    word_count: transcript.wordCount,
    model: transcript.model,
    request_id: transcript.requestId,
    usage: transcript.usage,
    created_at: transcript.createdAt,
  };
}

/**
 * Transcribes a video with Whisper through the media service: streams the file from R2 into the `transcribe`
 * op, reports per-chunk progress, logs each finished chunk's segments (so clients watching the job see the
 * transcript grow) and stores the merged transcript. Without `force`, a stored transcript is the answer.
 */
export const transcriptionJob = defineJobType({
  type: "transcription",
  payloadSchema: TranscriptionPayloadSchema,
  ...assetInProject,
  resultSchema: TranscriptionResultSchema,
  // Its data is the job's result: the transcript's summary (GET .../ai/transcript has the segments).
  events: { completed: { type: "transcript.ready" } },
  async run(ctx) {
    const { asset_id: assetId, language, prompt, force } = ctx.job.payload;
    const apiKey = requireOpenAIKey(ctx.services.settings);
    const asset = await getProjectAsset(ctx.services.db, ctx.job.projectId, assetId, "video");
    if (!asset) throw new PermanentJobError(`Video ${assetId} not found in project ${ctx.job.projectId}`);
    const { transcript, cached } = await transcribeAsset(ctx, {
      asset,
      language,
      prompt,
      force,
      progressTo: SERVICE_SHARE,
      apiKey,
    });
    return summary(transcript, cached);
  },
});
