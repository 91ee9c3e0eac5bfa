import type { SubtitleSegment } from "../subtitles/segment";
import type { AudioChunk } from "./chunk-plan";

/** The part of a Whisper verbose_json segment we use; times are relative to the chunk. */
export interface WhisperSegment {
  start: number;
  end: number;
  text: string;
  avg_logprob?: number;
}

export interface ChunkTranscript {
  chunk: AudioChunk;
  language?: string;
  text: string;
  segments: WhisperSegment[];
}

const round3 = (value: number) => Math.round(value * 1000) / 1000;

function confidenceOf(segment: WhisperSegment): number | undefined {
  if (typeof segment.avg_logprob !== "number" || !Number.isFinite(segment.avg_logprob)) return undefined;
  return round3(Math.min(1, Math.max(0, Math.exp(segment.avg_logprob))));
}

/** One chunk's segments on the asset's timeline, clamped to the chunk so chunks cannot overlap. */
export function shiftChunkSegments(transcript: ChunkTranscript): SubtitleSegment[] {
  const { chunk } = transcript;
  const out: SubtitleSegment[] = [];
  for (const segment of [...transcript.segments].sort((a, b) => a.start - b.start)) {
    const text = segment.text.trim();
    if (!text) continue;
    const start = round3(chunk.start + Math.min(Math.max(0, segment.start), chunk.duration));
    const end = round3(chunk.start + Math.min(Math.max(0, segment.end), chunk.duration));
    const confidence = confidenceOf(segment);
    out.push({
      index: out.length,
      start,
      end,
      duration: round3(end - start),
      text,
      ...(confidence === undefined ? {} : { confidence }),
      ...(transcript.language ? { language: transcript.language } : {}),
    });
  }
  return out;
}

/**
 * Merges chunk transcripts in timeline order: no segment starts before the previous one ends.
 * A segment squeezed to nothing by that rule joins its text to the previous one instead of losing words.
 */
export function mergeChunkSegments(transcripts: readonly ChunkTranscript[]): SubtitleSegment[] {
  const merged: SubtitleSegment[] = [];
  const ordered = [...transcripts].sort((a, b) => a.chunk.start - b.chunk.start);
  for (const segment of ordered.flatMap(shiftChunkSegments)) {
    const previous = merged.at(-1);
    const start = previous ? Math.max(segment.start, previous.end) : segment.start;
    if (previous && segment.end <= start) {
      previous.text = `${previous.text} ${segment.text}`;
      continue;
    }
    merged.push({ ...segment, index: merged.length, start, duration: round3(segment.end - start) });
  }
  return merged;
}

export function joinTranscriptText(segments: readonly SubtitleSegment[]): string {
  return segments
    .map((segment) => segment.text)
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
}
