import { z } from "@hono/zod-openapi";
import type { TranscriptWord } from "../../../container/src/subtitles/word";
import type { StoredSceneRun } from "../../ai/scene-store";
import type { StoredTranscript } from "../../ai/transcript-store";
import type { StoredTranslation } from "../../ai/translation-store";

export const SubtitleSegmentSchema = z
  .object({
    index: z.number().int().min(0).openapi({ example: 0 }),
    start: z.number().min(0).openapi({ description: "Seconds from the start of the video", example: 0 }),
    end: z.number().min(0).openapi({ example: 4.2 }),
    duration: z.number().min(0).openapi({ example: 4.2 }),
    text: z.string().openapi({ example: "Today we are going to look at how fractions work." }),
    confidence: z.number().min(0).max(1).optional().openapi({ description: "exp(avg_logprob)", example: 0.82 }),
    language: z.string().optional().openapi({ example: "en" }),
    speaker: z.string().optional().openapi({ example: "Teacher" }),
  })
  .openapi("SubtitleSegment");

export const TranscriptWordSchema = z
  .object({
    start: z.number().min(0).openapi({ description: "Seconds from the start of the video", example: 12.34 }),
    end: z.number().min(0).openapi({ example: 12.71 }),
    word: z.string().openapi({ description: "As Whisper heard it, without punctuation", example: "chlorophyll" }),
    segment_index: z.number().int().min(0).openapi({ description: "The segment the word belongs to", example: 3 }),
  })
  .openapi("TranscriptWord");

export const TranscriptSchema = z
  .object({
    asset_id: z.string().openapi({ example: "3f0c9a2e-8a4b-4a57-9b0e-2d6c1f7e5a10" }),
    project_id: z.string().openapi({ example: "lesson-app" }),
    request_id: z.string().openapi({ description: "OpenAI x-request-id of the first chunk", example: "req_8f1c..." }),
    language: z.string().nullable().openapi({
      description: "ISO 639-1: the requested code, else the one Whisper detected; a translation's target language",
      example: "en",
    }),
    text: z.string().openapi({ example: "Today we are going to look at how fractions work. ..." }),
    segment_count: z.number().int().min(0).openapi({ example: 512 }),
    duration: z.number().min(0).openapi({ description: "Seconds of audio transcribed", example: 3600 }),
    usage: z
      .object({
        audio_seconds: z.number().min(0).openapi({ example: 3600 }),
        requests: z.number().int().min(0).openapi({ description: "Whisper requests, retries included", example: 7 }),
      })
      .openapi({ description: "What the transcription cost" }),
    segments: z.array(SubtitleSegmentSchema),
    words: z.array(TranscriptWordSchema).optional().openapi({
      description: "Only with `granularity=word`: every word with its timing, merged across chunks like the segments",
    }),
    cached: z
      .boolean()
      .openapi({ description: "Always true here: the transcript is served from storage", example: true }),
    created_at: z.string().openapi({ example: "2026-11-24T03:00:00.000Z" }),
    updated_at: z.string().openapi({ example: "2026-11-24T03:00:00.000Z" }),
    metadata: z
      .record(z.string(), z.unknown())
      .openapi({ description: "model, chunks (offsets, bytes, request ids, attempts), audio encoding, job_id" }),
  })
  .openapi("Transcript");
export type TranscriptResponse = z.infer<typeof TranscriptSchema>;

export function transcriptResponse(transcript: StoredTranscript, words?: TranscriptWord[]): TranscriptResponse {
  return TranscriptSchema.parse({
    asset_id: transcript.assetId,
    project_id: transcript.projectId,
    request_id: transcript.requestId,
    language: transcript.language,
    text: transcript.text,
    segment_count: transcript.segments.length,
    duration: transcript.duration,
    usage: { audio_seconds: transcript.usage.audio_seconds, requests: transcript.usage.requests },
    segments: transcript.segments,
    ...(words ? { words } : {}),
    cached: true,
    created_at: transcript.createdAt,
    updated_at: transcript.updatedAt,
    metadata: { model: transcript.model, ...transcript.metadata },
  });
}

/** A translation in the transcript's shape: its segments and language; what the transcription cost stays. */
export function translationResponse(transcript: StoredTranscript, translation: StoredTranslation): TranscriptResponse {
  return TranscriptSchema.parse({
    asset_id: transcript.assetId,
    project_id: transcript.projectId,
    request_id: translation.requestId,
    language: translation.language,
    text: translation.segments
      .map((segment) => segment.text)
      .join(" ")
      .replace(/\s+/g, " ")
      .trim(),
    segment_count: translation.segments.length,
    duration: transcript.duration,
    usage: { audio_seconds: transcript.usage.audio_seconds, requests: transcript.usage.requests },
    segments: translation.segments,
    cached: true,
    created_at: translation.createdAt,
    updated_at: translation.createdAt,
    metadata: {
      translation: {
        source_language: translation.sourceLanguage,
        model: translation.model,
        prompt_version: translation.promptVersion,
        usage: translation.usage,
      },
      transcript_request_id: transcript.requestId,
    },
  });
}

export const SceneSchema = z
  .object({
    id: z.string().openapi({ example: "scene_1" }),
    title: z.string().openapi({ example: "What a denominator means" }),
    description: z.string().openapi({ example: "A clear, self-contained explanation with an example." }),
    start: z.number().min(0).openapi({ description: "Seconds, on a transcript segment start", example: 12 }),
    end: z.number().min(0).openapi({ description: "Seconds, on a transcript segment end", example: 58.5 }),
    duration: z.number().min(0).openapi({ example: 46.5 }),
    confidence: z.number().min(0).max(1).openapi({ example: 0.9 }),
    priority: z.number().int().min(1).openapi({ description: "1 is the most important", example: 1 }),
    tags: z.array(z.string()).openapi({ example: ["fractions"] }),
  })
  .openapi("Scene");

export const SceneRunSchema = z
  .object({
    asset_id: z.string().openapi({ example: "3f0c9a2e-8a4b-4a57-9b0e-2d6c1f7e5a10" }),
    project_id: z.string().openapi({ example: "lesson-app" }),
    request_id: z.string().openapi({ example: "req_3b7e..." }),
    generated_at: z.string().openapi({ example: "2026-11-24T03:05:00.000Z" }),
    parameters: z.object({
      tone: z.string().nullable().openapi({ example: "playful" }),
      criteria: z.string().nullable().openapi({ example: null }),
      max_scenes: z.number().int().min(1).openapi({ example: 8 }),
    }),
    usage: z.object({
      total_tokens: z.number().int().min(0).openapi({ example: 5321 }),
      requests: z.number().int().min(0).openapi({ example: 1 }),
    }),
    scenes: z.array(SceneSchema),
  })
  .openapi("SceneRun");
export type SceneRunResponse = z.infer<typeof SceneRunSchema>;

export function sceneRunResponse(run: StoredSceneRun): SceneRunResponse {
  return SceneRunSchema.parse({
    asset_id: run.assetId,
    project_id: run.projectId,
    request_id: run.requestId,
    generated_at: run.generatedAt,
    parameters: { tone: run.tone, criteria: run.criteria, max_scenes: run.maxScenes },
    usage: { total_tokens: run.usage.total_tokens, requests: run.usage.requests },
    scenes: run.scenes,
  });
}
