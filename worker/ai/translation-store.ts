import { and, asc, eq, sql } from "drizzle-orm";
import type { ChatUsage } from "../../container/src/protocol/chat-usage";
import type { SubtitleSegment } from "../../container/src/subtitles/segment";
import type { Database } from "../db/client";
import { type TranscriptTranslationRow, transcriptTranslations } from "../db/schema/transcript-translations";
import { transcripts } from "../db/schema/transcripts";
import { indexSegments, unindexTranslation } from "../search/search-index";

/**
 * A transcript's segments in another language: one per (transcript, language). A new transcript gets new
 * translations (saveTranscript removes the old ones), so a translation always matches its transcript's segments.
 */
export interface StoredTranslation {
  id: string;
  projectId: string;
  assetId: string;
  transcriptId: string;
  language: string;
  sourceLanguage: string | null;
  model: string;
  promptVersion: string;
  requestId: string;
  segments: SubtitleSegment[];
  usage: ChatUsage;
  createdAt: string;
}

function fromRow(row: TranscriptTranslationRow): StoredTranslation {
  return {
    ...row,
    segments: row.segments as SubtitleSegment[],
    usage: row.usage as unknown as ChatUsage,
  };
}

export async function findTranslation(
  db: Database,
  scope: { projectId: string; transcriptId: string },
  language: string,
): Promise<StoredTranslation | null> {
  const [row] = await db
    .select()
    .from(transcriptTranslations)
    .where(
      and(
        eq(transcriptTranslations.projectId, scope.projectId),
        eq(transcriptTranslations.transcriptId, scope.transcriptId),
        eq(transcriptTranslations.language, language),
      ),
    )
    .limit(1);
  return row ? fromRow(row) : null;
}

/** The transcript's translations without their segments, by language. */
export async function listTranslations(db: Database, scope: { projectId: string; transcriptId: string }) {
  return db
    .select({
      language: transcriptTranslations.language,
      segmentCount: sql<number>`json_array_length(${transcriptTranslations.segments})`,
      createdAt: transcriptTranslations.createdAt,
    })
    .from(transcriptTranslations)
    .where(
      and(
        eq(transcriptTranslations.projectId, scope.projectId),
        eq(transcriptTranslations.transcriptId, scope.transcriptId),
      ),
    )
    .orderBy(asc(transcriptTranslations.language));
}

/**
 * Stores (or replaces) a translation and its search rows in one batch. Nothing is written when the transcript
 * is gone by now (replaced while it was being translated): the answer is then null.
 */
export async function saveTranslation(
  db: Database,
  input: Omit<StoredTranslation, "id" | "createdAt">,
): Promise<StoredTranslation | null> {
  const id = crypto.randomUUID();
  const createdAt = new Date().toISOString();
  const t = transcriptTranslations;
  await db.batch([
    // Insert-select (columns in table order), so nothing is written once the transcript is gone.
    db
      .insert(t)
      .select(sql`
        SELECT ${id}, ${input.projectId}, ${input.assetId}, ${input.transcriptId}, ${input.language},
          ${input.sourceLanguage}, ${input.model}, ${input.promptVersion}, ${input.requestId},
          ${JSON.stringify(input.segments)}, ${JSON.stringify(input.usage)}, ${createdAt}
        WHERE EXISTS (SELECT 1 FROM ${transcripts} WHERE ${transcripts.id} = ${input.transcriptId})`)
      .onConflictDoUpdate({
        target: [t.transcriptId, t.language],
        set: {
          id: sql`excluded.id`,
          sourceLanguage: sql`excluded.source_language`,
          model: sql`excluded.model`,
          promptVersion: sql`excluded.prompt_version`,
          requestId: sql`excluded.request_id`,
          segments: sql`excluded.segments`,
          usage: sql`excluded.usage`,
          createdAt: sql`excluded.created_at`,
        },
      }),
    unindexTranslation(db, input.projectId, input.assetId, input.language),
    indexSegments(db, { ...input, source: "translation" }),
  ]);
  return findTranslation(db, input, input.language);
}
