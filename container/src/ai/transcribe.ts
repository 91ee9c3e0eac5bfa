import { openAsBlob } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { toFile } from "openai";
import type { FfmpegBinaries } from "../ffmpeg/binaries";
import type { SubtitleSegment } from "../subtitles/segment";
import { encodeChunk, extractAudio } from "./audio";
import { boundedMap } from "./bounded-map";
import { type AudioChunk, planChunks } from "./chunk-plan";
import { toAiError } from "./errors";
import { type ChunkTranscript, joinTranscriptText, mergeChunkSegments, shiftChunkSegments } from "./merge";
import type { OpenAIHandle } from "./openai-client";
import { withRetries } from "./retry";
import { CHUNK_FORMATS, type ChunkCodec, chooseChunkEncoding, MP3_BITRATE_KBPS } from "./upload-size";

export interface TranscribeOptions {
  model: string;
  language?: string;
  prompt?: string;
  chunkSeconds: number;
  sampleRate: number;
  concurrency: number;
}

export interface TranscribeHooks {
  progress(percent: number): Promise<void> | void;
  log(
    level: "debug" | "info" | "warning" | "error",
    message: string,
    details?: Record<string, unknown>,
  ): Promise<void> | void;
  /** One finished chunk: its segments already on the asset's timeline (indices are per chunk). */
  segments(event: ChunkSegmentsEvent): Promise<void> | void;
}

export interface ChunkSegmentsEvent {
  chunk_index: number;
  chunk_count: number;
  start: number;
  end: number;
  request_id: string | null;
  segments: SubtitleSegment[];
}

export interface TranscriptionResult {
  text: string;
  language: string | null;
  duration: number;
  segment_count: number;
  segments: SubtitleSegment[];
  usage: { audio_seconds: number; requests: number };
  model: string;
  request_id: string | null;
  request_ids: string[];
  chunks: { index: number; start: number; end: number; bytes: number; request_id: string | null; attempts: number }[];
  /** How chunks were sent: FLAC when its worst case provably fits 25 MB, else constant-bitrate MP3. */
  audio: { codec: ChunkCodec; bitrate_kbps: number | null; sample_rate: number; channels: 1; chunk_seconds: number };
}

export interface TranscribeDeps {
  bins: FfmpegBinaries;
  threads: number;
  openai: OpenAIHandle;
  /** Scratch directory owned by the caller (the request workspace). */
  workDir: string;
  signal?: AbortSignal;
}

/** Share of the progress bar given to extraction; the rest advances per finished chunk, by audio seconds. */
const EXTRACT_SHARE = 10;

// gpt-4o transcription models only answer plain `json` (no segment timestamps).
const segmentTimestampsSupported = (model: string) => !model.startsWith("gpt-4o");

export async function transcribeVideo(
  videoPath: string,
  options: TranscribeOptions,
  deps: TranscribeDeps,
  hooks: TranscribeHooks,
): Promise<TranscriptionResult> {
  const { bins, openai, signal } = deps;
  const audio = await extractAudio(bins, videoPath, path.join(deps.workDir, "audio.wav"), {
    sampleRate: options.sampleRate,
    threads: deps.threads,
    signal,
    onProgress: (fraction) => hooks.progress(fraction * EXTRACT_SHARE),
  });
  await hooks.progress(EXTRACT_SHARE);
  const { codec, chunkSeconds } = chooseChunkEncoding(options.chunkSeconds, options.sampleRate);
  const format = CHUNK_FORMATS[codec];
  if (chunkSeconds < options.chunkSeconds) {
    await hooks.log("warning", "Chunk window shortened to stay under the 25 MB upload limit", {
      requested: options.chunkSeconds,
      used: chunkSeconds,
    });
  }
  const chunks = planChunks(audio.duration, audio.silences, chunkSeconds);
  await hooks.log("info", `Transcribing ${chunks.length} chunk(s) of audio`, {
    duration: audio.duration,
    chunk_seconds: chunkSeconds,
    codec,
    silences: audio.silences.length,
    chunks: chunks.map(({ start, end }) => ({ start, end })),
  });

  let doneSeconds = 0;
  let requests = 0;
  const transcribeChunk = async (chunk: AudioChunk, chunkSignal: AbortSignal) => {
    const name = `chunk-${String(chunk.index).padStart(3, "0")}.${format.extension}`;
    const file = await encodeChunk(bins, audio.path, chunk, path.join(deps.workDir, name), {
      codec,
      sampleRate: options.sampleRate,
      signal: chunkSignal,
    });
    let attempts = 0;
    try {
      const answer = await withRetries(
        async () => {
          attempts++;
          requests++;
          const upload = await toFile(await openAsBlob(file.path), name, { type: format.contentType });
          const verbose = segmentTimestampsSupported(options.model);
          const { data, request_id } = await openai.client.audio.transcriptions
            .create(
              {
                file: upload,
                model: options.model,
                ...(verbose
                  ? { response_format: "verbose_json" as const, timestamp_granularities: ["segment" as const] }
                  : { response_format: "json" as const }),
                ...(options.language ? { language: options.language } : {}),
                ...(options.prompt ? { prompt: options.prompt } : {}),
                temperature: 0,
              },
              { signal: chunkSignal },
            )
            .withResponse();
          return {
            data: data as { text: string; language?: string; segments?: ChunkTranscript["segments"] },
            request_id,
          };
        },
        {
          policy: openai.retry,
          signal: chunkSignal,
          toError: (error) => toAiError(error, openai.apiKey),
          onRetry: ({ attempt, delayMs, error }) =>
            void hooks.log("warning", `Chunk ${chunk.index} failed, retrying`, {
              attempt,
              delay_ms: Math.round(delayMs),
              code: error.code,
              status: error.extra.status,
              reason: error.message,
            }),
        },
      );
      const transcript: ChunkTranscript = {
        chunk,
        language: answer.data.language ?? options.language,
        text: answer.data.text ?? "",
        segments:
          answer.data.segments ??
          (answer.data.text?.trim() ? [{ start: 0, end: chunk.duration, text: answer.data.text }] : []),
      };
      doneSeconds += chunk.duration;
      await hooks.segments({
        chunk_index: chunk.index,
        chunk_count: chunks.length,
        start: chunk.start,
        end: chunk.end,
        request_id: answer.request_id,
        segments: shiftChunkSegments(transcript),
      });
      await hooks.progress(Math.min(100, EXTRACT_SHARE + ((100 - EXTRACT_SHARE) * doneSeconds) / audio.duration));
      return { transcript, requestId: answer.request_id, bytes: file.size, attempts };
    } finally {
      await rm(file.path, { force: true });
    }
  };

  const done = await boundedMap(chunks, Math.max(1, options.concurrency), transcribeChunk, signal);
  const segments = mergeChunkSegments(done.map((d) => d.transcript));
  const requestIds = done.map((d) => d.requestId).filter((id): id is string => Boolean(id));
  const language = options.language ?? done.find((d) => d.transcript.language)?.transcript.language ?? null;
  return {
    text: joinTranscriptText(segments),
    language,
    duration: audio.duration,
    segment_count: segments.length,
    segments,
    usage: { audio_seconds: Math.round(audio.duration * 1000) / 1000, requests },
    model: options.model,
    request_id: requestIds[0] ?? null,
    request_ids: requestIds,
    chunks: done.map((d) => ({
      index: d.transcript.chunk.index,
      start: d.transcript.chunk.start,
      end: d.transcript.chunk.end,
      bytes: d.bytes,
      request_id: d.requestId,
      attempts: d.attempts,
    })),
    audio: {
      codec,
      bitrate_kbps: codec === "mp3" ? MP3_BITRATE_KBPS : null,
      sample_rate: options.sampleRate,
      channels: 1,
      chunk_seconds: chunkSeconds,
    },
  };
}
