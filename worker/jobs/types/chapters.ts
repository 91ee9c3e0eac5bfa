import { z } from "zod";
import { CURRENT_CHAPTER_PROMPT_VERSION } from "../../../container/src/ai/chapters/prompt";
import type { ChaptersResult } from "../../../container/src/protocol/chapters-contract";
import { ChatUsageSchema } from "../../../container/src/protocol/chat-usage";
import type { TranscriptInput } from "../../../container/src/protocol/scenes-contract";
import { requireOpenAIKey, toAiJobError } from "../../ai/ai-job-errors";
import {
  type ChapterParameters,
  chapterCacheKey,
  findChapterRun,
  type StoredChapterRun,
  saveChapterRun,
} from "../../ai/chapter-store";
import { jobLogRelay, lessonDuration, transcriptInput } from "../../ai/lesson-input";
import { getCurrentTranscript } from "../../ai/transcript-store";
import { getProjectAsset } from "../../storage";
import { AssetIdSchema, assetInProject } from "../asset-in-project";
import { PermanentJobError } from "../handler";
import { defineJobType } from "../job-type";

/** The op's default: enough for a long lesson, few enough to stay useful in a player's menu. */
const DEFAULT_MAX_CHAPTERS = 12;

const ChaptersPayloadSchema = z.strictObject({
  asset_id: AssetIdSchema.describe("The transcribed video to split into chapters and summarise"),
  max_chapters: z.number().int().min(1).max(50).optional().describe("Upper bound on chapters (default 12)"),
  force: z.boolean().optional().describe("Ask the model again even if a cached run matches"),
});

const ChaptersResultSchema = z.object({
  chapter_run_id: z.string(),
  asset_id: z.string(),
  transcript_id: z.string(),
  cached: z.boolean().describe("True when a stored run with the same parameters answered without calling OpenAI"),
  chapter_count: z.number().int(),
  language: z.string().nullable().describe("The transcript's language, which the chapters and summary are written in"),
  max_chapters: z.number().int(),
  model: z.string(),
  prompt_version: z.string(),
  request_id: z.string(),
  usage: ChatUsageSchema,
  generated_at: z.string(),
});

function summary(run: StoredChapterRun, cached: boolean): z.input<typeof ChaptersResultSchema> {
  return {
    chapter_run_id: run.id,
    asset_id: run.assetId,
    transcript_id: run.transcriptId,
    cached,
    chapter_count: run.chapters.length,
    language: run.language,
    max_chapters: run.maxChapters,
    model: run.model,
    prompt_version: run.promptVersion,
    request_id: run.requestId,
    usage: run.usage,
    generated_at: run.generatedAt,
  };
}

/**
 * Splits a transcribed video into chapters covering the whole lesson and summarises it, through the media
 * service's `chapters` op (answers repaired like scenes). Runs are cached per (transcript, max_chapters,
 * model, prompt version), and go with the transcript.
 */
export const chaptersJob = defineJobType({
  type: "chapters",
  payloadSchema: ChaptersPayloadSchema,
  ...assetInProject,
  resultSchema: ChaptersResultSchema,
  async run(ctx) {
    const { db, settings, media, logger } = ctx.services;
    const { projectId } = ctx.job;
    const { asset_id: assetId, force } = ctx.job.payload;
    const apiKey = requireOpenAIKey(settings);
    const asset = await getProjectAsset(db, projectId, assetId, "video");
    if (!asset) throw new PermanentJobError(`Video ${assetId} not found in project ${projectId}`);
    const transcript = await getCurrentTranscript(db, projectId, assetId);
    if (!transcript) {
      throw new PermanentJobError(
        `Video ${assetId} has no transcript yet: run a transcription job first, then chapters`,
      );
    }
    const params: ChapterParameters = {
      transcriptId: transcript.id,
      maxChapters: ctx.job.payload.max_chapters ?? DEFAULT_MAX_CHAPTERS,
      model: settings.OPENAI_CHAPTER_MODEL,
      promptVersion: CURRENT_CHAPTER_PROMPT_VERSION,
    };
    const cacheKey = await chapterCacheKey(params);
    if (!force) {
      const cached = await findChapterRun(db, projectId, cacheKey);
      if (cached) {
        await ctx.log("info", "A chapter run with these parameters exists; returning it without calling OpenAI", {
          chapter_run_id: cached.id,
        });
        logger.info("ai_usage", { op: "chapters", asset_id: assetId, cached: true, model: cached.model });
        return summary(cached, true);
      }
    }

    let result: ChaptersResult;
    try {
      result = await media.call("chapters", {
        options: {
          // Chapters cover the whole lesson.
          duration: lessonDuration(asset, transcript),
          language: transcript.language ?? undefined,
          max_chapters: params.maxChapters,
          model: params.model,
          prompt_version: CURRENT_CHAPTER_PROMPT_VERSION,
        },
        inputs: [transcriptInput({ segments: transcript.segments } satisfies TranscriptInput)],
        signal: ctx.signal,
        onProgress: (percent) => ctx.progress(Math.floor(percent * 0.95)),
        onLog: jobLogRelay(ctx),
      });
    } catch (error) {
      throw toAiJobError(error, apiKey, "Chapter detection");
    }
    ctx.checkpoint();
    if (!(await getProjectAsset(db, projectId, assetId, "video"))) {
      throw new PermanentJobError(`Video ${assetId} was deleted during chapter detection`);
    }
    const stored = await saveChapterRun(db, {
      projectId,
      assetId,
      cacheKey,
      language: transcript.language,
      params,
      result,
    });
    logger.info("ai_usage", {
      op: "chapters",
      asset_id: assetId,
      chapter_run_id: stored.id,
      cached: false,
      model: stored.model,
      prompt_version: stored.promptVersion,
      ...stored.usage,
      request_id: stored.requestId,
    });
    return summary(stored, false);
  },
});
