/**
 * The 25 MB rule. Chunks are MP3 at a constant bitrate, so their size is bitrate x duration and
 * can be bounded before encoding (FLAC's size depends on the content: 900 s of noisy 16 kHz audio
 * would not fit). Opus would be smaller, but always decodes at 48 kHz and hides the sample rate.
 */
export const OPENAI_UPLOAD_LIMIT_BYTES = 25 * 1024 * 1024;

/** Room for container overhead (ID3 tag, Xing frame, frame padding) and rounding. */
const SAFETY = 0.95;

/** 64 kb/s is a legal MP3 bitrate at every sample rate from 8 to 48 kHz and plenty for mono speech. */
export const CHUNK_BITRATE_KBPS = 64;

export const CHUNK_AUDIO_FORMAT = { codec: "libmp3lame", extension: "mp3", contentType: "audio/mpeg" } as const;

export function chunkBytesUpperBound(seconds: number, bitrateKbps = CHUNK_BITRATE_KBPS): number {
  // CBR MP3: one frame per 1152 (or 576) samples; a partial frame and a 4 KB header budget cover the rest.
  return Math.ceil((seconds * bitrateKbps * 1000) / 8) + 4096 + 2 * 1441;
}

export function maxChunkSecondsFor(bitrateKbps = CHUNK_BITRATE_KBPS): number {
  return Math.floor((OPENAI_UPLOAD_LIMIT_BYTES * SAFETY * 8) / (bitrateKbps * 1000));
}

/** The window actually used: the requested one, shortened if its chunks could exceed the limit. */
export function effectiveChunkSeconds(requested: number, bitrateKbps = CHUNK_BITRATE_KBPS): number {
  return Math.min(requested, maxChunkSecondsFor(bitrateKbps));
}
