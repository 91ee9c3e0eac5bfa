import { and, eq, ne, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { type SearchSource, transcriptSearchRows } from "../db/schema/transcript-search-rows";
import { transcripts } from "../db/schema/transcripts";

/**
 * The write side of transcript search: which rows a transcript or translation puts into
 * `transcript_search_rows` (the FTS5 index follows through triggers). Statements, not calls, so that callers
 * put them into the same `db.batch` as the transcript or translation itself.
 */

/** Composed form, as queries are read (search-query.ts), so "è" typed either way is one character. */
const indexedText = (text: string) => text.normalize("NFC");

export interface IndexedSegments {
  projectId: string;
  assetId: string;
  transcriptId: string;
  source: SearchSource;
  language: string | null;
  segments: readonly { index: number; start: number; end: number; text: string }[];
}

/**
 * One INSERT for all segments (bound as one JSON array, read back with json_each: D1 binds at most 100
 * parameters per statement). Inserts nothing unless the transcript still exists, so a translation finished
 * after its transcript was replaced cannot leave stale hits behind.
 */
export function indexSegments(db: Database, input: IndexedSegments) {
  const rows = JSON.stringify(input.segments.map((s) => [s.index, s.start, s.end, indexedText(s.text)]));
  // An insert-select builder, not db.run: only builders can go into a D1 batch. Columns in table order.
  return db.insert(transcriptSearchRows).select(sql`
    SELECT NULL, ${input.projectId}, ${input.assetId}, ${input.transcriptId}, ${input.source}, ${input.language},
      json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'),
      json_extract(value, '$[3]')
    FROM json_each(${rows})
    WHERE EXISTS (SELECT 1 FROM ${transcripts} WHERE ${transcripts.id} = ${input.transcriptId})`);
}

/** Every row of the asset except those of `keepTranscriptId` (a replaced transcript and its translations). */
export function unindexOtherTranscripts(db: Database, projectId: string, assetId: string, keepTranscriptId: string) {
  return db
    .delete(transcriptSearchRows)
    .where(
      and(
        eq(transcriptSearchRows.projectId, projectId),
        eq(transcriptSearchRows.assetId, assetId),
        ne(transcriptSearchRows.transcriptId, keepTranscriptId),
      ),
    );
}

/** The rows of one translation of the asset, before it is indexed again. */
export function unindexTranslation(db: Database, projectId: string, assetId: string, language: string) {
  return db
    .delete(transcriptSearchRows)
    .where(
      and(
        eq(transcriptSearchRows.projectId, projectId),
        eq(transcriptSearchRows.assetId, assetId),
        eq(transcriptSearchRows.source, "translation"),
        eq(transcriptSearchRows.language, language),
      ),
    );
}
