/**
 * The 25 MB rule. Chunk sizes are bounded before encoding, from the window length alone:
 * - FLAC (lossless, ~10x faster to encode than MP3) never exceeds raw PCM by more than its frame
 *   headers, so at 16 kHz mono any window up to ~12.8 minutes provably fits: 600 s is at most ~19.5 MB.
 * - Where that bound does not fit (long windows, high sample rates: 900 s at 16 kHz is 28.8 MB of PCM),
 *   chunks are constant-bitrate MP3, whose size is bitrate x duration; windows beyond even that are shortened.
 * Opus would be smaller still, but it always decodes at 48 kHz, hiding the sample rate that was sent.
 */
import type { ChunkCodec } from "../protocol/transcribe-contract";

export type { ChunkCodec };

export const OPENAI_UPLOAD_LIMIT_BYTES = 25 * 1024 * 1024;

/** Room for rounding and container metadata beyond what the bounds count. */
const BUDGET_BYTES = Math.floor(OPENAI_UPLOAD_LIMIT_BYTES * 0.95);

/** 64 kb/s is a legal MP3 bitrate at every sample rate from 8 to 48 kHz and plenty for mono speech. */
export const MP3_BITRATE_KBPS = 64;

export const CHUNK_FORMATS = {
  flac: { extension: "flac", contentType: "audio/flac", encoderArgs: ["-c:a", "flac", "-compression_level", "5"] },
  mp3: {
    extension: "mp3",
    contentType: "audio/mpeg",
    encoderArgs: ["-c:a", "libmp3lame", "-b:a", `${MP3_BITRATE_KBPS}k`],
  },
} as const satisfies Record<ChunkCodec, { extension: string; contentType: string; encoderArgs: readonly string[] }>;

/** Verbatim FLAC frames: 16-bit samples plus a header and CRC per 4096-sample frame (< 0.5 %), plus metadata blocks. */
export function flacBytesUpperBound(seconds: number, sampleRate: number): number {
  return Math.ceil(seconds * sampleRate * 2 * 1.01) + 64 * 1024;
}

/** CBR MP3: bitrate x duration, plus a partial frame at each end and a 4 KB header budget. */
export function mp3BytesUpperBound(seconds: number, bitrateKbps = MP3_BITRATE_KBPS): number {
  return Math.ceil((seconds * bitrateKbps * 1000) / 8) + 4096 + 2 * 1441;
}

export function chunkBytesUpperBound(codec: ChunkCodec, seconds: number, sampleRate: number): number {
  return codec === "flac" ? flacBytesUpperBound(seconds, sampleRate) : mp3BytesUpperBound(seconds);
}

export function maxMp3ChunkSeconds(bitrateKbps = MP3_BITRATE_KBPS): number {
  return Math.floor(((BUDGET_BYTES - 4096 - 2 * 1441) * 8) / (bitrateKbps * 1000));
}

export interface ChunkEncoding {
  codec: ChunkCodec;
  /** The window actually used: the requested one, shortened only if even MP3 could not fit it. */
  chunkSeconds: number;
}

export function chooseChunkEncoding(requestedSeconds: number, sampleRate: number): ChunkEncoding {
  if (flacBytesUpperBound(requestedSeconds, sampleRate) <= BUDGET_BYTES) {
    return { codec: "flac", chunkSeconds: requestedSeconds };
  }
  return { codec: "mp3", chunkSeconds: Math.min(requestedSeconds, maxMp3ChunkSeconds()) };
}
