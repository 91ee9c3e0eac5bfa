import { env } from "cloudflare:test";
import { saveSceneRun, sceneCacheKey } from "../../../worker/ai/scene-store";
import { type StoredTranscript, saveTranscript } from "../../../worker/ai/transcript-store";
import { createDb } from "../../../worker/db/client";

export const db = () => createDb(env.DB);

export const SEGMENTS = [
  { index: 0, start: 0, end: 2.5, duration: 2.5, text: "Welcome to fractions.", confidence: 0.9, language: "en" },
  { index: 1, start: 2.5, end: 61.25, duration: 58.75, text: "A <b> & c --> d", confidence: 0.8, language: "en" },
  { index: 2, start: 3725.5, end: 3727, duration: 1.5, text: "Line one\n\nline two", speaker: "Teacher" },
];

/** Stores a transcript for the asset through the same domain function the transcription job uses. */
export function seedTranscript(projectId: string, assetId: string, requestId = `req_${crypto.randomUUID()}`) {
  return saveTranscript(db(), {
    projectId,
    assetId,
    metadata: { job_id: "job-seed" },
    result: {
      text: SEGMENTS.map((s) => s.text).join(" "),
      language: "en",
      duration: 3727,
      segment_count: SEGMENTS.length,
      segments: SEGMENTS,
      usage: { audio_seconds: 3727, requests: 7 },
      model: "whisper-1",
      request_id: requestId,
      request_ids: [requestId],
      chunks: [],
    },
  });
}

export async function seedSceneRun(
  transcript: StoredTranscript,
  params: { tone: string | null; criteria: string | null; maxScenes?: number },
  generatedAt = new Date().toISOString(),
) {
  const full = {
    transcriptId: transcript.id,
    tone: params.tone,
    criteria: params.criteria,
    maxScenes: params.maxScenes ?? 8,
    model: "gpt-4o-mini",
    promptVersion: "scenes-v1",
  };
  return saveSceneRun(db(), {
    projectId: transcript.projectId,
    assetId: transcript.assetId,
    cacheKey: await sceneCacheKey(full),
    params: full,
    result: {
      scenes: [
        {
          id: "scene_1",
          title: "Fractions",
          description: "The definition.",
          start: 0,
          end: 61.25,
          duration: 61.25,
          confidence: 0.9,
          priority: 1,
          tags: ["fractions"],
        },
      ],
      usage: { total_tokens: 120, prompt_tokens: 100, completion_tokens: 20, requests: 1 },
      model: "gpt-4o-mini",
      prompt_version: "scenes-v1",
      request_id: `req_${crypto.randomUUID()}`,
      generated_at: generatedAt,
    },
  });
}
