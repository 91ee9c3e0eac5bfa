import { and, desc, eq, ne } from "drizzle-orm";
import type { TranscribeResult } from "../../container/src/protocol/transcribe-contract";
import type { SubtitleSegment } from "../../container/src/subtitles/segment";
import type { Database } from "../db/client";
import { sceneRuns } from "../db/schema/scene-runs";
import { type TranscriptRow, transcripts } from "../db/schema/transcripts";

/**
 * Transcripts live in D1, segments included: a one-hour lesson is about 500 segments, ~100 KB of JSON,
 * far below D1's 2 MB row limit (about ten hours of continuous speech), and every reader (the transcript
 * route, SRT/VTT, scene detection) needs all of them at once, so one row read beats an extra R2 round trip.
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
  usage: { audio_seconds: number; requests: number };
  metadata: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

/** The `transcribe` op's result; how the audio was sent is the caller's metadata, not part of the transcript. */
type StoredTranscriptResult = Omit<TranscribeResult, "audio">;

function fromRow(row: TranscriptRow): StoredTranscript {
  return {
    id: row.id,
    projectId: row.projectId,
    assetId: row.assetId,
    requestId: row.requestId,
    model: row.model,
    language: row.language,
    text: row.text,
    duration: row.durationSeconds,
    segments: row.segments as SubtitleSegment[],
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
 * Stores a new transcript as the asset's current one and, in the same batch, removes the older ones and the
 * scene runs made from them: scenes are cut on a transcript's segment boundaries, so they belong to it.
 */
export async function saveTranscript(
  db: Database,
  input: { projectId: string; assetId: string; result: StoredTranscriptResult; metadata: Record<string, unknown> },
): Promise<StoredTranscript> {
  const { result } = input;
  const now = new Date().toISOString();
  const row: TranscriptRow = {
    id: crypto.randomUUID(),
    projectId: input.projectId,
    assetId: input.assetId,
    // Whisper always sends x-request-id; a missing one (a proxy in between) still needs a stable value.
    requestId: result.request_id ?? `local_${crypto.randomUUID()}`,
    model: result.model,
    language: result.language,
    text: result.text,
    durationSeconds: result.duration,
    segments: result.segments,
    usage: { audio_seconds: result.usage.audio_seconds, requests: result.usage.requests },
    metadata: input.metadata,
    createdAt: now,
    updatedAt: now,
  };
  const sameAsset = and(eq(transcripts.projectId, input.projectId), eq(transcripts.assetId, input.assetId));
  await db.batch([
    db.insert(transcripts).values(row),
    db
      .delete(sceneRuns)
      .where(
        and(
          eq(sceneRuns.projectId, input.projectId),
          eq(sceneRuns.assetId, input.assetId),
          ne(sceneRuns.transcriptId, row.id),
        ),
      ),
    db.delete(transcripts).where(and(sameAsset, ne(transcripts.id, row.id))),
  ]);
  return fromRow(row);
}
