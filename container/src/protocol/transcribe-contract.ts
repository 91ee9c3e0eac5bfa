/** The contract of POST /v1/transcribe, shared by the service and the Worker. Runtime-neutral. */
import { z } from "zod";
import { SubtitleSegmentSchema } from "../subtitles/segment";
import { TranscriptWordSchema } from "../subtitles/word";
import { LanguageCodeSchema } from "./language";
import { defineOpContract } from "./op-contract";

export { LanguageCodeSchema };

export const TranscribeOptionsSchema = z.object({
  model: z.string().min(1).default("whisper-1"),
  language: LanguageCodeSchema.optional(),
  /** Vocabulary or style hint passed to every chunk. */
  prompt: z.string().max(2000).optional(),
  chunk_seconds: z.number().int().min(10).max(7200).default(600),
  sample_rate: z.number().int().min(8000).max(48000).default(16000),
  /** Chunks in flight at once; the default lets a one-hour lesson at 600 s chunks run entirely in parallel. */
  concurrency: z.number().int().min(1).max(16).default(8),
});
export type TranscribeOptions = z.infer<typeof TranscribeOptionsSchema>;

/** One finished chunk: its segments already on the asset's timeline (segment indices are per chunk). */
export const ChunkSegmentsEventSchema = z.object({
  type: z.literal("segments"),
  /** 0-based, like `chunks[].index` in the result. */
  chunk_index: z.number().int().min(0),
  start: z.number(),
  end: z.number(),
  request_id: z.string().nullable(),
  segments: z.array(SubtitleSegmentSchema),
});
export type ChunkSegmentsEvent = z.infer<typeof ChunkSegmentsEventSchema>;

export const CHUNK_CODECS = ["flac", "mp3"] as const;
export type ChunkCodec = (typeof CHUNK_CODECS)[number];

export const TranscribeResultSchema = z.object({
  text: z.string(),
  /** The requested code, else what Whisper detected, as ISO 639-1 (protocol/language.ts); null if neither. */
  language: LanguageCodeSchema.nullable(),
  duration: z.number().min(0),
  segment_count: z.number().int().min(0),
  segments: z.array(SubtitleSegmentSchema),
  /**
   * Word timings merged across chunks like the segments; null when the model gave none (gpt-4o-* models).
   * Absent from a service that predates word timings, which is the same as none.
   */
  words: z.array(TranscriptWordSchema).nullable().default(null),
  usage: z.object({ audio_seconds: z.number().min(0), requests: z.number().int().min(0) }),
  model: z.string(),
  request_id: z.string().nullable(),
  request_ids: z.array(z.string()),
  chunks: z.array(
    z.object({
      index: z.number().int().min(0),
      start: z.number(),
      end: z.number(),
      bytes: z.number().int().min(0),
      request_id: z.string().nullable(),
      attempts: z.number().int().min(0),
    }),
  ),
  /** How chunks were sent: FLAC when its worst case provably fits 25 MB, else constant-bitrate MP3. */
  audio: z.object({
    codec: z.enum(CHUNK_CODECS),
    bitrate_kbps: z.number().nullable(),
    sample_rate: z.number().int(),
    channels: z.literal(1),
    chunk_seconds: z.number(),
  }),
});
export type TranscribeResult = z.infer<typeof TranscribeResultSchema>;

/** Input `video`. Streams progress, `log` lines and one `segments` event per finished chunk; the merged transcript is the result. */
export const transcribeContract = defineOpContract({
  name: "transcribe",
  optionsSchema: TranscribeOptionsSchema,
  requiredInputs: ["video"],
  optionalInputs: [],
  events: { segments: ChunkSegmentsEventSchema },
  resultSchema: TranscribeResultSchema,
});
