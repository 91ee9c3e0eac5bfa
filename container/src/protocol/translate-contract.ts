/** The contract of POST /v1/translate, shared by the service and the Worker. Runtime-neutral. */
import { z } from "zod";
import { CURRENT_TRANSLATION_PROMPT_VERSION, TRANSLATION_PROMPT_VERSIONS } from "../ai/translation/prompt";
import { SubtitleSegmentSchema } from "../subtitles/segment";
import { ChatUsageSchema } from "./chat-usage";
import { LanguageCodeSchema } from "./language";
import { defineOpContract } from "./op-contract";

export const TranslateOptionsSchema = z.object({
  /** The transcript's language; the model detects it when absent. */
  source_language: LanguageCodeSchema.optional(),
  target_languages: z.array(LanguageCodeSchema).min(1).max(10),
  model: z.string().min(1).default("gpt-4o-mini"),
  prompt_version: z.enum(TRANSLATION_PROMPT_VERSIONS).default(CURRENT_TRANSLATION_PROMPT_VERSION),
  /** Most segments per request; batches also stay under a character budget. */
  batch_size: z.number().int().min(1).max(200).default(40),
  /** Requests in flight at once, over all languages and batches. */
  concurrency: z.number().int().min(1).max(16).default(4),
});
export type TranslateOptions = z.infer<typeof TranslateOptionsSchema>;

/** Body of the required `transcript` input (application/json): the segments to translate, in order. */
export const TranslateInputSchema = z.object({ segments: z.array(SubtitleSegmentSchema).max(50_000) });
export type TranslateInput = z.infer<typeof TranslateInputSchema>;

/** One language, complete: its segments keep each source segment's index and timing. Sent as soon as it is done. */
export const TranslationEventSchema = z.object({
  type: z.literal("translation"),
  language: LanguageCodeSchema,
  segments: z.array(SubtitleSegmentSchema),
  usage: ChatUsageSchema,
  request_ids: z.array(z.string()),
});
export type TranslationEvent = z.infer<typeof TranslationEventSchema>;

export const TranslateResultSchema = z.object({
  languages: z.array(
    z.object({
      language: LanguageCodeSchema,
      segment_count: z.number().int().min(0),
      batches: z.number().int().min(0),
      usage: ChatUsageSchema,
    }),
  ),
  usage: ChatUsageSchema,
  model: z.string(),
  prompt_version: z.enum(TRANSLATION_PROMPT_VERSIONS),
  generated_at: z.string(),
});
export type TranslateResult = z.infer<typeof TranslateResultSchema>;

/**
 * Input `transcript` ({segments}); one `translation` event per finished language, then a summary. A batch
 * whose answer drops, merges, splits or reorders lines is asked again, then the op fails (INVALID_MODEL_OUTPUT).
 */
export const translateContract = defineOpContract({
  name: "translate",
  optionsSchema: TranslateOptionsSchema,
  requiredInputs: ["transcript"],
  optionalInputs: [],
  events: { translation: TranslationEventSchema },
  resultSchema: TranslateResultSchema,
});
