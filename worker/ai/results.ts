import { z } from "zod";
import { SceneSchema } from "../../container/src/ai/scenes/schema";
import { SubtitleSegmentSchema } from "../../container/src/subtitles/segment";

/**
 * The parts of the media service's `transcribe` and `scenes` results the Worker stores. Parsed here, so a
 * malformed answer fails the job instead of landing in D1. Unknown extra fields are kept out of storage.
 */
export const TranscriptionResultSchema = z.object({
  text: z.string(),
  language: z.string().nullable(),
  duration: z.number().min(0),
  segment_count: z.number().int().min(0),
  segments: z.array(SubtitleSegmentSchema),
  usage: z.object({ audio_seconds: z.number().min(0), requests: z.number().int().min(0) }),
  model: z.string(),
  request_id: z.string().nullable(),
  request_ids: z.array(z.string()).default([]),
  chunks: z.array(z.record(z.string(), z.unknown())).default([]),
  audio: z.record(z.string(), z.unknown()).optional(),
});
export type TranscriptionResult = z.infer<typeof TranscriptionResultSchema>;

export const SceneUsageSchema = z.object({
  total_tokens: z.number().int().min(0),
  prompt_tokens: z.number().int().min(0).default(0),
  completion_tokens: z.number().int().min(0).default(0),
  requests: z.number().int().min(0),
});

export const SceneResultSchema = z.object({
  scenes: z.array(SceneSchema),
  usage: SceneUsageSchema,
  model: z.string(),
  prompt_version: z.string(),
  request_id: z.string().nullable(),
  generated_at: z.string(),
  repairs: z.record(z.string(), z.number()).optional(),
});
export type SceneResult = z.infer<typeof SceneResultSchema>;

/** One finished chunk, as the `segments` event carries it. */
export const ChunkSegmentsEventSchema = z.object({
  type: z.literal("segments"),
  chunk_index: z.number().int().min(0),
  start: z.number(),
  end: z.number(),
  request_id: z.string().nullable(),
  segments: z.array(SubtitleSegmentSchema),
});
