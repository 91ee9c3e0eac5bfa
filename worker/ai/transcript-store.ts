import { and, desc, eq, ne } from "drizzle-orm";
import { toLanguageCode } from "../../container/src/protocol/language";
import type { TranscribeResult } from "../../container/src/protocol/transcribe-contract";
import type { SubtitleSegment } from "../../container/src/subtitles/segment";
import type { Database } from "../db/client";
import { chapterRuns } from "../db/schema/chapter-runs";
import { sceneRuns } from "../db/schema/scene-runs";
import { transcriptTranslations } from "../db/schema/transcript-translations";
import { type TranscriptRow, transcripts } from "../db/schema/transcripts";
import { indexSegments, unindexOtherTranscripts } from "../search/search-index";

/**
 * Transcripts live in D1, segments included: a one-hour lesson is about 500 segments, ~100 KB of JSON,
 * far below D1's 2 MB row limit (about ten hours of continuous speech), and every reader (the transcript
 * route, SRT/VTT, scene detection) needs all of them at once, so one row read beats an extra R2 round trip.
 * Word timings are ten times that size and read only for captions and `granularity=word`; they live in R2
 * (transcript-words.ts), and the row only counts them.
 */
export interface StoredTranscript {
  id: string;
  projectId: string;
  assetId: string;
  requestId: string;
  model: string;
  language: string | null;
  text: string;
  duration: number;
  segments: SubtitleSegment[];
  /** How many words have timings in R2; null when the transcript has none (older transcripts, gpt-4o models). */
  wordCount: number | null;
  usage: { audio_seconds: number; requests: number };
  metadata: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

/**
 * The `transcribe` op's result; how the audio was sent is the caller's metadata, not part of the transcript,
 * and the words go to R2 (transcript-words.ts).
 */
export type StoredTranscriptResult = Omit<TranscribeResult, "audio" | "words">;

function fromRow(row: TranscriptRow): StoredTranscript {
  return {
    id: row.id,
    projectId: row.projectId,
    assetId: row.assetId,
    requestId: row.requestId,
    model: row.model,
    // Rows written before languages were normalised hold Whisper's names ("english").
    language: toLanguageCode(row.language),
    text: row.text,
    duration: row.durationSeconds,
    segments: row.segments as SubtitleSegment[],
    wordCount: row.wordCount,
    usage: row.usage as StoredTranscript["usage"],
    metadata: row.metadata ?? {},
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** The asset's current (newest) transcript, or null. Another project's asset never matches. */
export async function getCurrentTranscript(
  db: Database,
  projectId: string,
  assetId: string,
): Promise<StoredTranscript | null> {
  const [row] = await db
    .select()
    .from(transcripts)
    .where(and(eq(transcripts.projectId, projectId), eq(transcripts.assetId, assetId)))
    .orderBy(desc(transcripts.createdAt), desc(transcripts.id))
    .limit(1);
  return row ? fromRow(row) : null;
}

/**
 * Stores a new transcript as the asset's current one and, in the same batch, indexes its segments for search
 * and removes the older transcripts with everything made from them: scene runs, chapter runs (cut on their
 * segment boundaries), translations (of their segments) and their search rows.
 */
export async function saveTranscript(
  db: Database,
  input: {
    /** Chosen by the caller when something stored elsewhere (the words in R2) is named after it. */
    id?: string;
    projectId: string;
    assetId: string;
    result: StoredTranscriptResult;
    wordCount?: number | null;
    metadata: Record<string, unknown>;
  },
): Promise<StoredTranscript> {
  const { result, projectId, assetId } = input;
  const now = new Date().toISOString();
  const row: TranscriptRow = {
    id: input.id ?? crypto.randomUUID(),
    projectId,
    assetId,
    // Whisper always sends x-request-id; a missing one (a proxy in between) still needs a stable value.
    requestId: result.request_id ?? `local_${crypto.randomUUID()}`,
    model: result.model,
    language: toLanguageCode(result.language),
    text: result.text,
    durationSeconds: result.duration,
    segments: result.segments,
    wordCount: input.wordCount ?? null,
    usage: { audio_seconds: result.usage.audio_seconds, requests: result.usage.requests },
    metadata: input.metadata,
    createdAt: now,
    updatedAt: now,
  };
  const made = <T extends typeof sceneRuns | typeof chapterRuns | typeof transcriptTranslations>(table: T) =>
    db
      .delete(table)
      .where(and(eq(table.projectId, projectId), eq(table.assetId, assetId), ne(table.transcriptId, row.id)));
  await db.batch([
    db.insert(transcripts).values(row),
    indexSegments(db, {
      projectId,
      assetId,
      transcriptId: row.id,
      source: "transcript",
      language: row.language,
      segments: result.segments,
    }),
    unindexOtherTranscripts(db, projectId, assetId, row.id),
    made(sceneRuns),
    made(chapterRuns),
    made(transcriptTranslations),
    db
      .delete(transcripts)
      .where(and(eq(transcripts.projectId, projectId), eq(transcripts.assetId, assetId), ne(transcripts.id, row.id))),
  ]);
  return fromRow(row);
}
