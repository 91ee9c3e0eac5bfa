import { rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { FfmpegBinaries } from "../ffmpeg/binaries";
import type { ChunkSegmentsEvent, TranscribeResult } from "../protocol/transcribe-contract";
import { encodeChunk, extractAudio, waitForBytes } from "./audio";
import { type AudioChunk, ChunkPlanner } from "./chunk-plan";
import { AiError } from "./errors";
import { type ChunkTranscript, joinTranscriptText, mergeChunks, shiftChunkSegments } from "./merge";
import type { OpenAIHandle } from "./openai-client";
import { Semaphore } from "./semaphore";
import { CHUNK_FORMATS, type ChunkCodec, chooseChunkEncoding, MP3_BITRATE_KBPS } from "./upload-size";
import { requestWhisper } from "./whisper-request";

export interface TranscribeOptions {
  model: string;
  language?: string;
  prompt?: string;
  chunkSeconds: number;
  sampleRate: number;
  concurrency: number;
}

type LogFn = (
  level: "debug" | "info" | "warning" | "error",
  message: string,
  details?: Record<string, unknown>,
) => unknown;

export interface TranscribeHooks {
  progress(percent: number): unknown;
  log: LogFn;
  /** One finished chunk, as the op's `segments` event. */
  segments(event: ChunkSegmentsEvent): unknown;
}

export type { ChunkSegmentsEvent };

export interface TranscribeDeps {
  bins: FfmpegBinaries;
  threads: number;
  openai: OpenAIHandle;
  /** Scratch directory owned by the caller (the request workspace). */
  workDir: string;
  signal?: AbortSignal;
}

interface ChunkDone {
  transcript: ChunkTranscript;
  requestId: string | null;
  bytes: number;
  attempts: number;
}

/** Share of the progress bar given to extraction; the rest advances per finished chunk, by audio seconds. */
const EXTRACT_SHARE = 10;

/**
 * Extracts the audio once and transcribes it in chunks. Chunks are planned, encoded and sent while
 * extraction is still running, so the OpenAI latency overlaps the decoding of the rest of the video.
 */
export async function transcribeVideo(
  videoPath: string,
  options: TranscribeOptions,
  deps: TranscribeDeps,
  hooks: TranscribeHooks,
): Promise<TranscribeResult> {
  const { codec, chunkSeconds } = chooseChunkEncoding(options.chunkSeconds, options.sampleRate);
  const format = CHUNK_FORMATS[codec];
  if (chunkSeconds < options.chunkSeconds) {
    await hooks.log("warning", "Chunk window shortened to stay under the 25 MB upload limit", {
      requested: options.chunkSeconds,
      used: chunkSeconds,
    });
  }
  // The first failing chunk aborts extraction and every other chunk.
  const controller = new AbortController();
  const signal = deps.signal ? AbortSignal.any([deps.signal, controller.signal]) : controller.signal;
  const pcmPath = path.join(deps.workDir, "audio.pcm");
  const planner = new ChunkPlanner(chunkSeconds);
  const slots = new Semaphore(options.concurrency);
  // Encoding is CPU work: one ffmpeg per core, so early chunks go out while later ones encode.
  const encoders = new Semaphore(os.availableParallelism());
  const running: Promise<ChunkDone>[] = [];
  let extracted = false;
  let expectedSeconds = 0;
  let doneSeconds = 0;
  let reported = -1;
  // Fire-and-forget events must not become unhandled rejections when the client has gone away.
  const progress = (percent: number) => {
    if (percent <= reported) return;
    reported = percent;
    Promise.resolve(hooks.progress(Math.min(100, percent))).catch(() => {});
  };
  const log: LogFn = (level, message, details) => {
    Promise.resolve(hooks.log(level, message, details)).catch(() => {});
  };

  const transcribeChunk = async (chunk: AudioChunk): Promise<ChunkDone> => {
    const name = `chunk-${String(chunk.index).padStart(3, "0")}.${format.extension}`;
    const bytesNeeded = Math.ceil(chunk.end * options.sampleRate) * 2;
    await waitForBytes(pcmPath, bytesNeeded, () => extracted, signal);
    const file = await encoders.run(() =>
      encodeChunk(deps.bins, pcmPath, chunk, path.join(deps.workDir, name), {
        codec,
        sampleRate: options.sampleRate,
        signal,
      }),
    );
    try {
      const answer = await requestWhisper(
        deps.openai,
        { path: file.path, name, contentType: format.contentType },
        options,
        signal,
        ({ attempt, delayMs, error }) =>
          log("warning", `Chunk ${chunk.index + 1} failed, retrying`, {
            chunk_index: chunk.index,
            attempt,
            delay_ms: Math.round(delayMs),
            code: error.code,
            status: error.extra.status,
            reason: error.message,
          }),
      );
      const segments =
        answer.segments ?? (answer.text.trim() ? [{ start: 0, end: chunk.duration, text: answer.text }] : []);
      const transcript: ChunkTranscript = {
        chunk,
        language: answer.language ?? options.language,
        text: answer.text,
        segments,
        words: answer.words,
      };
      doneSeconds += chunk.duration;
      await hooks.segments({
        type: "segments",
        chunk_index: chunk.index,
        start: chunk.start,
        end: chunk.end,
        request_id: answer.requestId,
        segments: shiftChunkSegments(transcript),
      });
      if (expectedSeconds > 0) progress(EXTRACT_SHARE + ((100 - EXTRACT_SHARE) * doneSeconds) / expectedSeconds);
      return { transcript, requestId: answer.requestId, bytes: file.size, attempts: answer.attempts };
    } finally {
      await rm(file.path, { force: true });
    }
  };
  const launch = (chunks: AudioChunk[]) => {
    for (const chunk of chunks) {
      const task = slots.run(() => transcribeChunk(chunk));
      task.catch((error) => controller.abort(error));
      running.push(task);
    }
  };

  let audio: Awaited<ReturnType<typeof extractAudio>>;
  try {
    audio = await extractAudio(deps.bins, videoPath, pcmPath, {
      sampleRate: options.sampleRate,
      threads: deps.threads,
      signal,
      onProgress: (at) => {
        expectedSeconds ||= at.estimatedDuration;
        if (at.estimatedDuration > 0) progress((EXTRACT_SHARE * at.time) / at.estimatedDuration);
        launch(planner.advance(at.time, at.silences, at.estimatedDuration));
      },
    });
  } catch (error) {
    controller.abort(error);
    throw firstFailure(await Promise.allSettled(running)) ?? error;
  } finally {
    extracted = true;
  }
  expectedSeconds = audio.duration;
  launch(planner.finish(audio.duration, audio.silences));
  log("info", `Transcribing ${planner.chunks.length} chunk(s) of audio`, {
    duration: audio.duration,
    chunk_seconds: chunkSeconds,
    codec,
    silences: audio.silences.length,
    chunks: planner.chunks.map(({ start, end }) => ({ start, end })),
  });
  const settled = await Promise.allSettled(running);
  const failure = firstFailure(settled);
  if (failure) throw failure;
  const done = settled.map((s) => (s as PromiseFulfilledResult<ChunkDone>).value);
  return summarise(done, audio.duration, options, { codec, chunkSeconds });
}

/** The error that started a failure, not the aborts it caused in the other chunks. */
function firstFailure(settled: PromiseSettledResult<unknown>[]): unknown {
  const reasons = settled.filter((s): s is PromiseRejectedResult => s.status === "rejected").map((s) => s.reason);
  return reasons.find((r) => !(r instanceof AiError && r.code === "ABORTED")) ?? reasons[0];
}

function summarise(
  done: ChunkDone[],
  duration: number,
  options: TranscribeOptions,
  encoding: { codec: ChunkCodec; chunkSeconds: number },
): TranscribeResult {
  const { segments, words } = mergeChunks(done.map((d) => d.transcript));
  const requestIds = done.map((d) => d.requestId).filter((id): id is string => Boolean(id));
  const language = options.language ?? done.find((d) => d.transcript.language)?.transcript.language ?? null;
  return {
    text: joinTranscriptText(segments),
    language,
    duration,
    segment_count: segments.length,
    segments,
    words,
    usage: { audio_seconds: Math.round(duration * 1000) / 1000, requests: done.reduce((n, d) => n + d.attempts, 0) },
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
      codec: encoding.codec,
      bitrate_kbps: encoding.codec === "mp3" ? MP3_BITRATE_KBPS : null,
      sample_rate: options.sampleRate,
      channels: 1,
      chunk_seconds: encoding.chunkSeconds,
    },
  };
}
