import { z } from "zod";
import { LanguageCodeSchema, type TranscribeResult } from "../../../container/src/protocol/transcribe-contract";
import { requireOpenAIKey, toAiJobError } from "../../ai/ai-job-errors";
import { getGlossary, whisperPrompt } from "../../ai/glossary";
import { getCurrentTranscript, type StoredTranscript } from "../../ai/transcript-store";
import { storeTranscript } from "../../ai/transcript-words";
import { r2Input } from "../../media/media-client";
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
  async run(ctx) {
    const { db, bucket, settings, media, logger } = ctx.services;
    const { asset_id: assetId, language, prompt, force } = ctx.job.payload;
    const apiKey = requireOpenAIKey(settings);
    const asset = await getProjectAsset(db, ctx.job.projectId, assetId, "video");
    if (!asset) throw new PermanentJobError(`Video ${assetId} not found in project ${ctx.job.projectId}`);

    if (!force) {
      const existing = await getCurrentTranscript(db, ctx.job.projectId, assetId);
      if (existing) {
        await ctx.log("info", "A transcript already exists; returning it without calling OpenAI", {
          transcript_id: existing.id,
        });
        logger.info("ai_usage", { op: "transcribe", asset_id: assetId, cached: true, model: existing.model });
        return summary(existing, true);
      }
    }

    const object = await bucket.head(asset.r2Key);
    if (!object) throw new PermanentJobError(`The file of video ${assetId} is missing from storage`);
    const glossary = await getGlossary(db, ctx.job.projectId);
    const whisper = whisperPrompt(prompt, glossary.terms);
    if (whisper.termsUsed < glossary.terms.length) {
      await ctx.log("warning", "The glossary does not fit Whisper's prompt whole; its first terms are used", {
        terms: glossary.terms.length,
        used: whisper.termsUsed,
      });
    }
    let reported = -1;
    let result: TranscribeResult;
    try {
      result = await media.call("transcribe", {
        options: {
          model: settings.OPENAI_TRANSCRIPTION_MODEL,
          chunk_seconds: settings.OPENAI_TRANSCRIPTION_CHUNK_SECONDS,
          sample_rate: settings.OPENAI_TRANSCRIPTION_SAMPLE_RATE,
          language,
          prompt: whisper.prompt,
        },
        inputs: [await r2Input("video", bucket, object)],
        signal: ctx.signal,
        // Whole percents only: every progress update is a stored job event.
        onProgress: async (percent) => {
          const value = Math.floor((percent * SERVICE_SHARE) / 100);
          if (value <= reported) return;
          reported = value;
          await ctx.progress(value);
        },
        onLog: async (event) => {
          if (event.level !== "debug") await ctx.log(event.level, event.message, event.details);
        },
        onEvent: async (chunk) => {
          await ctx.log(
            "info",
            `Chunk ${chunk.chunk_index + 1} transcribed (${chunk.start.toFixed(1)}-${chunk.end.toFixed(1)} s, ${chunk.segments.length} segments)`,
            {
              kind: "transcript_segments",
              chunk_index: chunk.chunk_index,
              start: chunk.start,
              end: chunk.end,
              request_id: chunk.request_id,
              segments: chunk.segments,
            },
          );
        },
      });
    } catch (error) {
      throw toAiJobError(error, apiKey, "Transcription");
    }
    ctx.checkpoint();
    if (!(await getProjectAsset(db, ctx.job.projectId, assetId, "video"))) {
      throw new PermanentJobError(`Video ${assetId} was deleted while it was being transcribed`);
    }
    const stored = await storeTranscript(
      { db, bucket },
      {
        projectId: ctx.job.projectId,
        assetId,
        result,
        metadata: {
          job_id: ctx.job.id,
          requested_language: language ?? null,
          prompt: prompt ?? null,
          glossary_terms: whisper.termsUsed,
          request_ids: result.request_ids,
          chunks: result.chunks,
          audio: result.audio,
        },
      },
    );
    logger.info("ai_usage", {
      op: "transcribe",
      asset_id: assetId,
      transcript_id: stored.id,
      cached: false,
      model: result.model,
      audio_seconds: result.usage.audio_seconds,
      requests: result.usage.requests,
      request_id: stored.requestId,
    });
    return summary(stored, false);
  },
});
