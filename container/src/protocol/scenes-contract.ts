/** The contract of POST /v1/scenes, shared by the service and the Worker. Runtime-neutral. */
import { z } from "zod";
import { CURRENT_SCENE_PROMPT_VERSION, SCENE_PROMPT_VERSIONS } from "../ai/scenes/prompt";
import { SceneSchema } from "../ai/scenes/schema";
import { ChatUsageSchema } from "./chat-usage";
import { LanguageCodeSchema } from "./language";
import { defineOpContract } from "./op-contract";

/** Extra SubtitleSegment fields (index, duration, confidence, ...) are accepted and ignored. */
const TranscriptSegmentSchema = z.looseObject({
  start: z.number().min(0),
  end: z.number().min(0),
  text: z.string(),
});
const SegmentsSchema = z.array(TranscriptSegmentSchema).max(50_000);

export const ScenesOptionsSchema = z.object({
  /** The transcript inline; long transcripts come as the `transcript` input instead (the header line is capped at 64 KB). */
  segments: SegmentsSchema.optional(),
  duration: z.number().positive(),
  tone: z.string().max(200).optional(),
  criteria: z.string().max(2000).optional(),
  /** The transcript's language (ISO 639-1); titles and descriptions are written in it. */
  language: LanguageCodeSchema.optional(),
  max_scenes: z.number().int().min(1).max(50).default(8),
  model: z.string().min(1).default("gpt-4o-mini"),
  prompt_version: z.enum(SCENE_PROMPT_VERSIONS).default(CURRENT_SCENE_PROMPT_VERSION),
});
export type ScenesOptions = z.infer<typeof ScenesOptionsSchema>;

/** Body of the optional `transcript` input (application/json). */
export const TranscriptInputSchema = z.object({ segments: SegmentsSchema });
export type TranscriptInput = z.infer<typeof TranscriptInputSchema>;

/** What post-processing changed in the model's answer, counted per kind of repair. */
export const SceneRepairReportSchema = z.object({
  received: z.number().int().min(0),
  dropped_out_of_range: z.number().int().min(0),
  dropped_empty: z.number().int().min(0),
  clamped: z.number().int().min(0),
  merged: z.number().int().min(0),
  truncated: z.number().int().min(0),
});
export type SceneRepairReport = z.infer<typeof SceneRepairReportSchema>;

export const SceneUsageSchema = ChatUsageSchema;

export const ScenesResultSchema = z.object({
  scenes: z.array(SceneSchema),
  parameters: z.object({ tone: z.string().nullable(), criteria: z.string().nullable(), max_scenes: z.number().int() }),
  usage: SceneUsageSchema,
  model: z.string(),
  prompt_version: z.enum(SCENE_PROMPT_VERSIONS),
  request_id: z.string().nullable(),
  generated_at: z.string(),
  repairs: SceneRepairReportSchema,
});
export type ScenesResult = z.infer<typeof ScenesResultSchema>;

/**
 * Transcript segments (header `segments` or input `transcript`) and duration in; validated, snapped and
 * ranked scenes out.
 */
export const scenesContract = defineOpContract({
  name: "scenes",
  optionsSchema: ScenesOptionsSchema,
  requiredInputs: [],
  optionalInputs: ["transcript"],
  events: {},
  resultSchema: ScenesResultSchema,
});
