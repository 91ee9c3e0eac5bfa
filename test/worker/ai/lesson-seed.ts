import { saveTranscript } from "../../../worker/ai/transcript-store";
import { db } from "./ai-seed";

/** Lines of a lesson, one segment each, a few seconds apart; `marker` makes the text (and prompts) this test's own. */
export function lessonSegments(lines: readonly string[], language = "en", seconds = 6) {
  return lines.map((text, index) => ({
    index,
    start: index * seconds,
    end: index * seconds + seconds - 0.5,
    duration: seconds - 0.5,
    text,
    language,
  }));
}

/** Stores a transcript of the given lines for the asset, through the domain function the transcription job uses. */
export function seedLesson(
  projectId: string,
  assetId: string,
  lines: readonly string[],
  options: { language?: string | null; seconds?: number } = {},
) {
  const language = options.language === undefined ? "en" : options.language;
  const segments = lessonSegments(lines, language ?? "en", options.seconds);
  const duration = segments.at(-1)?.end ?? 0;
  const requestId = `req_${crypto.randomUUID()}`;
  return saveTranscript(db(), {
    projectId,
    assetId,
    metadata: { job_id: "job-seed" },
    result: {
      text: lines.join(" "),
      language,
      duration,
      segment_count: segments.length,
      segments,
      usage: { audio_seconds: duration, requests: 1 },
      model: "whisper-1",
      request_id: requestId,
      request_ids: [requestId],
      chunks: [],
    },
  });
}
