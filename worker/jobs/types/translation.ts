import { z } from "zod";
import { CURRENT_TRANSLATION_PROMPT_VERSION } from "../../../container/src/ai/translation/prompt";
import { ChatUsageSchema } from "../../../container/src/protocol/chat-usage";
import { LanguageCodeSchema } from "../../../container/src/protocol/language";
import type { TranslateInput } from "../../../container/src/protocol/translate-contract";
import { requireOpenAIKey, toAiJobError } from "../../ai/ai-job-errors";
import { jobLogRelay, transcriptInput } from "../../ai/lesson-input";
import { getCurrentTranscript } from "../../ai/transcript-store";
import { findTranslation, saveTranslation } from "../../ai/translation-store";
import { getProjectAsset } from "../../storage";
import { AssetIdSchema, assetInProject } from "../asset-in-project";
import { PermanentJobError } from "../handler";
import { defineJobType } from "../job-type";

const TranslationPayloadSchema = z.strictObject({
  asset_id: AssetIdSchema.describe("The transcribed video whose transcript to translate"),
  target_languages: z
    .array(LanguageCodeSchema.describe("ISO 639-1 code of a language to translate into"))
    .min(1)
    .max(10)
    .refine((codes) => new Set(codes).size === codes.length, "List each language once")
    .describe("Languages to translate the transcript into, e.g. ['de', 'es']"),
  force: z.boolean().optional().describe("Translate again even where a translation of this transcript exists"),
});

const TranslationResultSchema = z.object({
  asset_id: z.string(),
  transcript_id: z.string(),
  source_language: z.string().nullable().describe("The transcript's language"),
  languages: z.array(
    z.object({
      language: z.string(),
      cached: z.boolean().describe("True when a stored translation of this transcript answered"),
      original: z.boolean().describe("True when this is the transcript's own language: nothing to translate"),
      segment_count: z.number().int(),
    }),
  ),
  model: z.string(),
  prompt_version: z.string(),
  usage: ChatUsageSchema,
});

/**
 * Translates a video's current transcript into up to ten languages through the media service's `translate`
 * op: segments in batches, strictly checked line by line, each language stored as soon as it is done (so a
 * failure later keeps the finished ones). Translations are cached per transcript and language.
 */
export const translationJob = defineJobType({
  type: "translation",
  payloadSchema: TranslationPayloadSchema,
  ...assetInProject,
  resultSchema: TranslationResultSchema,
  async run(ctx) {
    const { db, settings, media, logger } = ctx.services;
    const { projectId } = ctx.job;
    const { asset_id: assetId, target_languages: targets, force } = ctx.job.payload;
    const apiKey = requireOpenAIKey(settings);
    if (!(await getProjectAsset(db, projectId, assetId, "video"))) {
      throw new PermanentJobError(`Video ${assetId} not found in project ${projectId}`);
    }
    const transcript = await getCurrentTranscript(db, projectId, assetId);
    if (!transcript) {
      throw new PermanentJobError(
        `Video ${assetId} has no transcript yet: run a transcription job first, then translation`,
      );
    }
    const scope = { projectId, transcriptId: transcript.id };
    const languages = new Map<string, z.input<typeof TranslationResultSchema>["languages"][number]>();
    const missing: string[] = [];
    for (const language of targets) {
      if (language === transcript.language) {
        languages.set(language, { language, cached: true, original: true, segment_count: transcript.segments.length });
        continue;
      }
      const cached = force ? null : await findTranslation(db, scope, language);
      if (cached)
        languages.set(language, { language, cached: true, original: false, segment_count: cached.segments.length });
      else missing.push(language);
    }
    const model = settings.OPENAI_TRANSLATION_MODEL;
    let usage = { total_tokens: 0, prompt_tokens: 0, completion_tokens: 0, requests: 0 };
    if (missing.length > 0) {
      await ctx.log("info", `Translating into ${missing.join(", ")}`, {
        languages: missing,
        segments: transcript.segments.length,
      });
      try {
        const result = await media.call("translate", {
          options: {
            source_language: transcript.language ?? undefined,
            target_languages: missing,
            model,
            prompt_version: CURRENT_TRANSLATION_PROMPT_VERSION,
          },
          inputs: [transcriptInput({ segments: transcript.segments } satisfies TranslateInput)],
          signal: ctx.signal,
          onProgress: (percent) => ctx.progress(Math.floor(percent * 0.95)),
          onLog: jobLogRelay(ctx),
          onEvent: async (event) => {
            const stored = await saveTranslation(db, {
              projectId,
              assetId,
              transcriptId: transcript.id,
              language: event.language,
              sourceLanguage: transcript.language,
              model,
              promptVersion: CURRENT_TRANSLATION_PROMPT_VERSION,
              requestId: event.request_ids[0] ?? `local_${crypto.randomUUID()}`,
              segments: event.segments,
              usage: event.usage,
            });
            if (!stored) {
              throw new PermanentJobError(
                `The transcript of video ${assetId} was replaced while it was being translated; run the translation again`,
              );
            }
            languages.set(event.language, {
              language: event.language,
              cached: false,
              original: false,
              segment_count: stored.segments.length,
            });
            await ctx.log("info", `Translation into ${event.language} stored`, {
              language: event.language,
              ...event.usage,
            });
          },
        });
        usage = result.usage;
      } catch (error) {
        throw toAiJobError(error, apiKey, "Translation");
      }
    }
    logger.info("ai_usage", { op: "translate", asset_id: assetId, cached: missing.length === 0, model, ...usage });
    return {
      asset_id: assetId,
      transcript_id: transcript.id,
      source_language: transcript.language,
      languages: targets.map((language) => languages.get(language)!),
      model,
      prompt_version: CURRENT_TRANSLATION_PROMPT_VERSION,
      usage,
    };
  },
});
