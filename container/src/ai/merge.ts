import type { SubtitleSegment } from "../subtitles/segment";
import type { TranscriptWord } from "../subtitles/word";
import type { AudioChunk } from "./chunk-plan";

/** The part of a Whisper verbose_json segment we use; times are relative to the chunk. */
export interface WhisperSegment {
  start: number;
  end: number;
  text: string;
  avg_logprob?: number;
}

/** A verbose_json word (`timestamp_granularities` includes "word"); times are relative to the chunk. */
export interface WhisperWord {
  word: string;
  start: number;
  end: number;
}

export interface ChunkTranscript {
  chunk: AudioChunk;
  language?: string;
  text: string;
  segments: WhisperSegment[];
  /** Absent when the model gave no word timings. */
  words?: WhisperWord[];
}

/** One chunk on the asset's timeline; `segment_index` of its words counts within the chunk. */
export interface ShiftedChunk {
  segments: SubtitleSegment[];
  words: TranscriptWord[] | null;
}

const round3 = (value: number) => Math.round(value * 1000) / 1000;

function confidenceOf(segment: WhisperSegment): number | undefined {
  if (typeof segment.avg_logprob !== "number" || !Number.isFinite(segment.avg_logprob)) return undefined;
  return round3(Math.min(1, Math.max(0, Math.exp(segment.avg_logprob))));
}

/**
 * Whisper lists words apart from segments; a word belongs to the last segment that starts by the word's middle
 * (the first segment for words before any). `starts` are the kept segments' chunk-relative starts, ascending.
 */
function segmentOfWord(word: WhisperWord, starts: readonly number[]): number {
  const middle = (word.start + word.end) / 2;
  let found = 0;
  for (let i = 0; i < starts.length; i++) if ((starts[i] as number) <= middle) found = i;
  return found;
}

/** One chunk's segments and words on the asset's timeline, clamped to the chunk so chunks cannot overlap. */
export function shiftChunk(transcript: ChunkTranscript): ShiftedChunk {
  const { chunk } = transcript;
  const place = (t: number) => round3(chunk.start + Math.min(Math.max(0, t), chunk.duration));
  const segments: SubtitleSegment[] = [];
  const starts: number[] = [];
  for (const segment of [...transcript.segments].sort((a, b) => a.start - b.start)) {
    const text = segment.text.trim();
    if (!text) continue;
    const start = place(segment.start);
    const end = place(segment.end);
    const confidence = confidenceOf(segment);
    starts.push(segment.start);
    segments.push({
      index: segments.length,
      start,
      end,
      duration: round3(end - start),
      text,
      ...(confidence === undefined ? {} : { confidence }),
      ...(transcript.language ? { language: transcript.language } : {}),
    });
  }
  if (!transcript.words) return { segments, words: null };
  const words: TranscriptWord[] = [];
  if (segments.length === 0) return { segments, words };
  for (const word of [...transcript.words].sort((a, b) => a.start - b.start)) {
    const text = word.word.trim();
    if (!text) continue;
    words.push({
      start: place(word.start),
      end: place(word.end),
      word: text,
      segment_index: segmentOfWord(word, starts),
    });
  }
  return { segments, words };
}

export function shiftChunkSegments(transcript: ChunkTranscript): SubtitleSegment[] {
  return shiftChunk(transcript).segments;
}

/**
 * Merges chunk transcripts in timeline order: no segment starts before the previous one ends. A segment
 * squeezed to nothing by that rule joins its text to the previous one instead of losing words. Words follow
 * their segment (also when it joined the previous one), stay inside it and never overlap each other, so words
 * that straddle a chunk boundary keep their order. Words are null unless every chunk had word timings.
 */
export function mergeChunks(transcripts: readonly ChunkTranscript[]): ShiftedChunk {
  const segments: SubtitleSegment[] = [];
  const placed: { word: TranscriptWord; segment: number }[] = [];
  let withWords = transcripts.length > 0;
  const ordered = [...transcripts].sort((a, b) => a.chunk.start - b.chunk.start);
  for (const shifted of ordered.map(shiftChunk)) {
    const mergedIndex: number[] = [];
    for (const segment of shifted.segments) {
      const previous = segments.at(-1);
      const start = previous ? Math.max(segment.start, previous.end) : segment.start;
      if (previous && segment.end <= start) {
        previous.text = `${previous.text} ${segment.text}`;
        mergedIndex.push(previous.index);
        continue;
      }
      mergedIndex.push(segments.length);
      segments.push({ ...segment, index: segments.length, start, duration: round3(segment.end - start) });
    }
    if (!shifted.words) withWords = false;
    for (const word of shifted.words ?? []) {
      placed.push({ word, segment: mergedIndex[word.segment_index] as number });
    }
  }
  if (!withWords) return { segments, words: null };
  const words: TranscriptWord[] = [];
  let previousEnd = 0;
  for (const { word, segment } of placed) {
    const owner = segments[segment] as SubtitleSegment;
    const start = Math.max(Math.min(Math.max(word.start, owner.start), owner.end), previousEnd);
    const end = Math.max(Math.min(word.end, owner.end), start);
    words.push({ start: round3(start), end: round3(end), word: word.word, segment_index: segment });
    previousEnd = end;
  }
  return { segments, words };
}

export function mergeChunkSegments(transcripts: readonly ChunkTranscript[]): SubtitleSegment[] {
  return mergeChunks(transcripts).segments;
}

export function joinTranscriptText(segments: readonly SubtitleSegment[]): string {
  return segments
    .map((segment) => segment.text)
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
}
