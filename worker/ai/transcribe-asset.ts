import type { TranscribeResult } from "../../container/src/protocol/transcribe-contract";
import type { Asset } from "../db/schema/assets";
import type { JobContext } from "../jobs/handler";
import { PermanentJobError } from "../jobs/handler";
import { r2Input } from "../media/media-client";
import { getProjectAsset } from "../storage";
import { toAiJobError } from "./ai-job-errors";
import { getGlossary, whisperPrompt } from "./glossary";
import { jobLogRelay } from "./lesson-input";
import { getCurrentTranscript, type StoredTranscript } from "./transcript-store";
import { storeTranscript } from "./transcript-words";

export interface TranscribeAssetOptions {
  asset: Asset;
  language?: string;
  prompt?: string;
  /** Transcribe again even when the video has a transcript. */
  force?: boolean;
  /** The job progress the service's 0-100 % maps onto: its end is reached when the chunks are all in. */
  progressTo: number;
  apiKey: string;
}

/**
 * The transcription path of every job that needs a transcript (the transcription job, and quiz generation when
 * the video has none yet): the stored transcript unless `force`, else the video streamed from R2 into the
 * `transcribe` op, each finished chunk logged with its segments, and the merged transcript stored. Storing it
 * before anything else runs means a later failure of the caller keeps it, and its retry reuses it.
 */
export async function transcribeAsset(
  ctx: JobContext<unknown>,
  options: TranscribeAssetOptions,
): Promise<{ transcript: StoredTranscript; cached: boolean }> {
  const { db, bucket, settings, media, logger } = ctx.services;
  const { asset, language, prompt } = options;
  if (!options.force) {
    const existing = await getCurrentTranscript(db, ctx.job.projectId, asset.id);
    if (existing) {
      await ctx.log("info", "A transcript already exists; returning it without calling OpenAI", {
        transcript_id: existing.id,
      });
      logger.info("ai_usage", { op: "transcribe", asset_id: asset.id, cached: true, model: existing.model });
      return { transcript: existing, cached: true };
    }
  }

  const object = await bucket.head(asset.r2Key);
  if (!object) throw new PermanentJobError(`The file of video ${asset.id} is missing from storage`);
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
        const value = Math.floor((percent * options.progressTo) / 100);
        if (value <= reported) return;
        reported = value;
        await ctx.progress(value);
      },
      onLog: jobLogRelay(ctx),
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
    throw toAiJobError(error, options.apiKey, "Transcription");
  }
  ctx.checkpoint();
  if (!(await getProjectAsset(db, ctx.job.projectId, asset.id, "video"))) {
    throw new PermanentJobError(`Video ${asset.id} was deleted while it was being transcribed`);
  }
  const stored = await storeTranscript(
    { db, bucket },
    {
      projectId: ctx.job.projectId,
      assetId: asset.id,
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
    asset_id: asset.id,
    transcript_id: stored.id,
    cached: false,
    model: result.model,
    audio_seconds: result.usage.audio_seconds,
    requests: result.usage.requests,
    request_id: stored.requestId,
  });
  return { transcript: stored, cached: false };
}
