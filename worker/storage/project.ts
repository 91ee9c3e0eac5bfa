import { count, countDistinct, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { assets } from "../db/schema/assets";
import { chapterRuns } from "../db/schema/chapter-runs";
import { jobs } from "../db/schema/jobs";
import { quizQuestions } from "../db/schema/quiz-questions";
import { quizReviewClips } from "../db/schema/quiz-review-clips";
import { quizzes } from "../db/schema/quizzes";
import { sceneRuns } from "../db/schema/scene-runs";
import { STORAGE_CATEGORIES, type StorageCategory, storageObjects } from "../db/schema/storage-objects";
import { transcriptSearchRows } from "../db/schema/transcript-search-rows";
import { transcriptTranslations } from "../db/schema/transcript-translations";
import { transcripts } from "../db/schema/transcripts";
import { projectPrefix } from "./layout";
import { type DeletedObjects, R2_DELETE_BATCH, type StorageDeps } from "./tracked-objects";

/**
 * Removes every R2 object under the project's prefix (listed page by page, deleted in batches), then
 * every storage, asset, transcript (with what was made from it: runs, translations, search rows), quiz, question
 * and job row of the project. The counts come from the R2
 * listing, i.e. what was really removed. API keys are left alone: wiping files must not lock the owner out.
 */
export async function wipeProject(deps: StorageDeps, projectId: string): Promise<DeletedObjects> {
  const prefix = projectPrefix(projectId);
  const result: DeletedObjects = { deleted_objects: 0, deleted_bytes: 0 };
  let cursor: string | undefined;
  do {
    const page = await deps.bucket.list({ prefix, cursor, limit: R2_DELETE_BATCH });
    if (page.objects.length > 0) {
      await deps.bucket.delete(page.objects.map((object) => object.key));
      result.deleted_objects += page.objects.length;
      result.deleted_bytes += page.objects.reduce((sum, object) => sum + object.size, 0);
    }
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);

  await deps.db.batch([
    deps.db.delete(storageObjects).where(eq(storageObjects.projectId, projectId)),
    deps.db.delete(transcripts).where(eq(transcripts.projectId, projectId)),
    deps.db.delete(sceneRuns).where(eq(sceneRuns.projectId, projectId)),
    deps.db.delete(quizQuestions).where(eq(quizQuestions.projectId, projectId)),
    deps.db.delete(quizReviewClips).where(eq(quizReviewClips.projectId, projectId)),
    deps.db.delete(quizzes).where(eq(quizzes.projectId, projectId)),
    deps.db.delete(chapterRuns).where(eq(chapterRuns.projectId, projectId)),
    deps.db.delete(transcriptTranslations).where(eq(transcriptTranslations.projectId, projectId)),
    deps.db.delete(transcriptSearchRows).where(eq(transcriptSearchRows.projectId, projectId)),
    deps.db.delete(jobs).where(eq(jobs.projectId, projectId)),
    deps.db.delete(assets).where(eq(assets.projectId, projectId)),
  ]);
  return result;
}

export interface UsageFigures {
  files: number;
  bytes: number;
}

export interface StorageStats {
  categories: Record<StorageCategory, UsageFigures>;
  total: UsageFigures;
  /** Projects that hold at least one file. */
  projects: number;
}

/** Storage use per category from storage_objects, for one project or (without projectId) all of them. */
export async function storageStats(db: Database, projectId?: string): Promise<StorageStats> {
  const scope = projectId ? eq(storageObjects.projectId, projectId) : undefined;
  const [rows, [projects]] = await Promise.all([
    db
      .select({
        category: storageObjects.category,
        files: count(),
        bytes: sql<number>`coalesce(sum(${storageObjects.sizeBytes}), 0)`,
      })
      .from(storageObjects)
      .where(scope)
      .groupBy(storageObjects.category),
    db
      .select({ projects: countDistinct(storageObjects.projectId) })
      .from(storageObjects)
      .where(scope),
  ]);
  const categories = Object.fromEntries(STORAGE_CATEGORIES.map((c) => [c, { files: 0, bytes: 0 }])) as Record<
    StorageCategory,
    UsageFigures
  >;
  for (const row of rows) categories[row.category] = { files: row.files, bytes: Number(row.bytes) };
  const total = Object.values(categories).reduce(
    (sum, c) => ({ files: sum.files + c.files, bytes: sum.bytes + c.bytes }),
    {
      files: 0,
      bytes: 0,
    },
  );
  return { categories, total, projects: projects?.projects ?? 0 };
}
