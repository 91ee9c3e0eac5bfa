import { openAsBlob } from "node:fs";
import { toFile } from "openai";
import { toLanguageCode } from "../protocol/language";
import { toAiError } from "./errors";
import type { WhisperSegment, WhisperWord } from "./merge";
import type { OpenAIHandle } from "./openai-client";
import { type RetryNotice, withRetries } from "./retry";

export interface WhisperAnswer {
  text: string;
  /** ISO 639-1: Whisper reports a name ("english"), normalised here, where its answer enters the service. */
  language?: string;
  /** Absent for models that only answer plain `json`. */
  segments?: WhisperSegment[];
  /** Word timings; absent for models that only answer plain `json`. */
  words?: WhisperWord[];
  requestId: string | null;
  attempts: number;
}

// gpt-4o transcription models only answer plain `json` (no segment or word timestamps).
const timestampsSupported = (model: string) => !model.startsWith("gpt-4o");

/** One chunk file to /audio/transcriptions, retried per the handle's policy; the file is re-read per attempt. */
export async function requestWhisper(
  openai: OpenAIHandle,
  file: { path: string; name: string; contentType: string },
  options: { model: string; language?: string; prompt?: string },
  signal: AbortSignal,
  onRetry: (notice: RetryNotice) => void,
): Promise<WhisperAnswer> {
  let attempts = 0;
  const answer = await withRetries(
    async () => {
      attempts++;
      const upload = await toFile(await openAsBlob(file.path), file.name, { type: file.contentType });
      const format = timestampsSupported(options.model)
        ? { response_format: "verbose_json" as const, timestamp_granularities: ["word" as const, "segment" as const] }
        : { response_format: "json" as const };
      return openai.client.audio.transcriptions
        .create(
          {
            file: upload,
            model: options.model,
            ...format,
            ...(options.language ? { language: options.language } : {}),
            ...(options.prompt ? { prompt: options.prompt } : {}),
            temperature: 0,
          },
          { signal },
        )
        .withResponse();
    },
    { policy: openai.retry, signal, toError: (error) => toAiError(error, openai.apiKey), onRetry },
  );
  const data = answer.data as { text?: string; language?: string; segments?: WhisperSegment[]; words?: WhisperWord[] };
  return {
    text: data.text ?? "",
    language: toLanguageCode(data.language) ?? undefined,
    segments: data.segments,
    words: data.words,
    requestId: answer.request_id,
    attempts,
  };
}
