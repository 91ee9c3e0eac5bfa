import { and, desc, eq } from "drizzle-orm";
import type { ChapterRepairReport, ChaptersResult } from "../../container/src/protocol/chapters-contract";
import type { ChatUsage } from "../../container/src/protocol/chat-usage";
import { sha256Hex } from "../bytes";
import type { Database } from "../db/client";
import { type ChapterRunRow, chapterRuns } from "../db/schema/chapter-runs";

/** Everything that changes a chapter run's answer; equal parameters give the same cache key. */
export interface ChapterParameters {
  transcriptId: string;
  maxChapters: number;
  model: string;
  promptVersion: string;
}

export interface StoredChapterRun {
  id: string;
  projectId: string;
  assetId: string;
  transcriptId: string;
  language: string | null;
  maxChapters: number;
  model: string;
  promptVersion: string;
  requestId: string;
  chapters: ChaptersResult["chapters"];
  summary: ChaptersResult["summary"];
  usage: ChatUsage;
  repairs: ChapterRepairReport;
  generatedAt: string;
}

/** SHA-256 of the parameters as a JSON array, like scene runs' keys. */
export function chapterCacheKey(params: ChapterParameters): Promise<string> {
  return sha256Hex(JSON.stringify([params.transcriptId, params.maxChapters, params.model, params.promptVersion]));
}

function fromRow(row: ChapterRunRow): StoredChapterRun {
  return {
    ...row,
    chapters: row.chapters as StoredChapterRun["chapters"],
    summary: row.summary as StoredChapterRun["summary"],
    usage: row.usage as unknown as ChatUsage,
    repairs: row.repairs as unknown as ChapterRepairReport,
  };
}

export async function findChapterRun(
  db: Database,
  projectId: string,
  cacheKey: string,
): Promise<StoredChapterRun | null> {
  const [row] = await db
    .select()
    .from(chapterRuns)
    .where(and(eq(chapterRuns.cacheKey, cacheKey), eq(chapterRuns.projectId, projectId)))
    .limit(1);
  return row ? fromRow(row) : null;
}

/** Stores a run under its cache key; a forced re-run replaces the cached one. */
export async function saveChapterRun(
  db: Database,
  input: {
    projectId: string;
    assetId: string;
    cacheKey: string;
    language: string | null;
    params: ChapterParameters;
    result: Omit<ChaptersResult, "prompt_version">;
  },
): Promise<StoredChapterRun> {
  const { params, result } = input;
  const row: ChapterRunRow = {
    id: crypto.randomUUID(),
    projectId: input.projectId,
    assetId: input.assetId,
    transcriptId: params.transcriptId,
    cacheKey: input.cacheKey,
    language: input.language,
    maxChapters: params.maxChapters,
    model: params.model,
    promptVersion: params.promptVersion,
    // No OpenAI call is made for a transcript without speech, so there is no upstream id to keep.
    requestId: result.request_id ?? `local_${crypto.randomUUID()}`,
    chapters: result.chapters,
    summary: result.summary,
    usage: result.usage,
    repairs: result.repairs,
    generatedAt: result.generated_at,
  };
  const { id: _id, cacheKey: _key, ...update } = row;
  await db.insert(chapterRuns).values(row).onConflictDoUpdate({ target: chapterRuns.cacheKey, set: update });
  return (await findChapterRun(db, input.projectId, input.cacheKey)) ?? fromRow(row);
}

/** The newest chapter run made from the given transcript. */
export async function latestChapterRun(
  db: Database,
  scope: { projectId: string; assetId: string; transcriptId: string },
): Promise<StoredChapterRun | null> {
  const [row] = await db
    .select()
    .from(chapterRuns)
    .where(
      and(
        eq(chapterRuns.projectId, scope.projectId),
        eq(chapterRuns.assetId, scope.assetId),
        eq(chapterRuns.transcriptId, scope.transcriptId),
      ),
    )
    .orderBy(desc(chapterRuns.generatedAt), desc(chapterRuns.id))
    .limit(1);
  return row ? fromRow(row) : null;
}
