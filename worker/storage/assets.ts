import { and, desc, eq, inArray, or } from "drizzle-orm";
import type { Database } from "../db/client";
import { afterCursor, pageOf } from "../db/cursor";
import { type Asset, type AssetCategory, type AssetStatus, assets } from "../db/schema/assets";
import { chapterRuns } from "../db/schema/chapter-runs";
import { jobs } from "../db/schema/jobs";
import { quizQuestions } from "../db/schema/quiz-questions";
import { quizReviewClips } from "../db/schema/quiz-review-clips";
import { quizzes } from "../db/schema/quizzes";
import { sceneRuns } from "../db/schema/scene-runs";
import { storageObjects } from "../db/schema/storage-objects";
import { transcriptSearchRows } from "../db/schema/transcript-search-rows";
import { transcriptTranslations } from "../db/schema/transcript-translations";
import { transcripts } from "../db/schema/transcripts";
import { asEventData } from "../events/event-types";
import type { EventOutbox } from "../events/outbox";
import { assetView } from "./asset-view";
import { ASSET_FOLDERS, categoryOfKey } from "./layout";
import { type DeletedObjects, deleteTrackedObjects, type StorageDeps } from "./tracked-objects";

export interface RegisterAssetInput {
  id: string;
  projectId: string;
  category: AssetCategory;
  /** The asset's file, already in R2 under the category's folder. */
  key: string;
  filename: string;
  originalFilename: string;
  contentType: string;
  sizeBytes: number;
  /** Hex SHA-256 of the file. */
  checksum: string;
  status?: AssetStatus;
  metadata?: Record<string, unknown> | null;
  durationSeconds?: number | null;
  sourceAssetIds?: string[] | null;
  /** A derived poster already in R2 (e.g. an export's thumbnail). */
  thumbnailKey?: string | null;
  createdAt?: Date;
  /** Announces the new asset as `upload.completed` (deps.outbox required), recorded in the same batch. */
  announce?: "upload.completed";
}

/** Storage plus the event outbox, for changes that announce themselves (worker/events/outbox.ts). */
export type AnnouncingStorageDeps = StorageDeps & { outbox?: EventOutbox };

/**
 * Registers a file that is already in R2 as an asset: the asset row and its storage_objects row are
 * written (or the existing row claimed) in one batch. On failure the R2 object is deleted, so no file is left that nothing tracks.
 */
export async function registerAsset(deps: AnnouncingStorageDeps, input: RegisterAssetInput): Promise<Asset> {
  const folder = ASSET_FOLDERS[input.category];
  if (categoryOfKey(input.key) !== folder || !input.key.startsWith(`projects/${input.projectId}/`)) {
    throw new Error(`Key ${input.key} is not in project ${input.projectId}'s ${folder} folder`);
  }
  const now = (input.createdAt ?? new Date()).toISOString();
  const row: Asset = {
    id: input.id,
    projectId: input.projectId,
    category: input.category,
    status: input.status ?? "uploaded",
    r2Key: input.key,
    filename: input.filename,
    originalFilename: input.originalFilename,
    contentType: input.contentType,
    sizeBytes: input.sizeBytes,
    checksum: input.checksum,
    metadata: input.metadata ?? null,
    durationSeconds: input.durationSeconds ?? null,
    thumbnailKey: input.thumbnailKey ?? null,
    storyboardKey: null,
    sourceAssetIds: input.sourceAssetIds ?? null,
    ingestJobId: null,
    errorMessage: null,
    createdAt: now,
    updatedAt: now,
  };
  const outbox = input.announce ? requireOutbox(deps) : null;
  try {
    await deps.db.batch([
      deps.db.insert(assets).values(row),
      deps.db
        .insert(storageObjects)
        .values({
          key: input.key,
          projectId: input.projectId,
          category: folder,
          sizeBytes: input.sizeBytes,
          assetId: input.id,
          createdAt: now,
        })
        // The file may already be tracked (written with putTrackedObject so a crash cannot leave it untracked).
        .onConflictDoUpdate({ target: storageObjects.key, set: { sizeBytes: input.sizeBytes, assetId: input.id } }),
      ...(outbox ? [outbox.record(input.projectId, "upload.completed", asEventData(assetView(row)))] : []),
    ]);
  } catch (error) {
    await deps.bucket.delete(input.key).catch(() => undefined);
    throw error;
  }
  // Before anything that follows (the ingest job's own events), so the project's log has them in order.
  await outbox?.publish(input.projectId);
  return row;
}

function requireOutbox(deps: AnnouncingStorageDeps): EventOutbox {
  if (!deps.outbox) throw new Error("An announcing storage change needs the event outbox");
  return deps.outbox;
}

/** One asset of a project (optionally of one category), or null; another project's asset is never returned. */
export async function getProjectAsset(
  db: Database,
  projectId: string,
  assetId: string,
  category?: AssetCategory,
): Promise<Asset | null> {
  const [row] = await db
    .select()
    .from(assets)
    .where(
      and(
        eq(assets.id, assetId),
        eq(assets.projectId, projectId),
        category ? eq(assets.category, category) : undefined,
      ),
    )
    .limit(1);
  return row ?? null;
}

/** A page of a project's assets of one category, newest first; `nextCursor` is null on the last page. */
export async function listProjectAssets(
  db: Database,
  query: { projectId: string; category: AssetCategory; limit: number; cursor?: string },
): Promise<{ items: Asset[]; nextCursor: string | null }> {
  const rows = await db
    .select()
    .from(assets)
    .where(
      and(
        eq(assets.projectId, query.projectId),
        eq(assets.category, query.category),
        afterCursor(assets, query.cursor),
      ),
    )
    .orderBy(desc(assets.createdAt), desc(assets.id))
    .limit(query.limit + 1);
  return pageOf(rows, query.limit, (asset) => [asset.createdAt, asset.id]);
}

/**
 * Deletes an asset with everything derived from it: its file and derived objects (thumbnails, ...) from
 * R2, then its storage_objects, transcripts (with their scene and chapter runs, translations and search rows),
 * quizzes (with their questions and their review clips, which are export assets deleted the same way), jobs rows
 * and the asset row in one batch, with its `asset.deleted` event when deps.outbox is given. Deleting a review clip
 * removes its quiz_review_clips row. Returns null when the project has no such asset.
 */
export async function deleteAssetWithDerived(
  deps: AnnouncingStorageDeps,
  projectId: string,
  assetId: string,
  category?: AssetCategory,
): Promise<DeletedObjects | null> {
  const asset = await getProjectAsset(deps.db, projectId, assetId, category);
  if (!asset) return null;
  const owned = await deps.db
    .select({ key: storageObjects.key })
    .from(storageObjects)
    .where(and(eq(storageObjects.projectId, projectId), eq(storageObjects.assetId, assetId)));
  const keys = [asset.r2Key, asset.thumbnailKey, asset.storyboardKey, ...owned.map((row) => row.key)].filter(
    (key): key is string => Boolean(key),
  );
  const quizzesOfAsset = deps.db.select({ id: quizzes.id }).from(quizzes).where(eq(quizzes.assetId, assetId));
  const clips = await deps.db
    .select({ assetId: quizReviewClips.assetId })
    .from(quizReviewClips)
    .where(inArray(quizReviewClips.quizId, quizzesOfAsset));
  for (const clip of clips) await deleteAssetWithDerived(deps, projectId, clip.assetId, "export");
  const deleted = await deleteTrackedObjects(deps, keys);
  await deps.db.batch([
    deps.db
      .delete(quizReviewClips)
      .where(or(eq(quizReviewClips.assetId, assetId), inArray(quizReviewClips.quizId, quizzesOfAsset))),
    deps.db.delete(storageObjects).where(eq(storageObjects.assetId, assetId)),
    deps.db.delete(transcripts).where(eq(transcripts.assetId, assetId)),
    deps.db.delete(sceneRuns).where(eq(sceneRuns.assetId, assetId)),
    deps.db.delete(quizQuestions).where(inArray(quizQuestions.quizId, quizzesOfAsset)),
    deps.db.delete(quizzes).where(eq(quizzes.assetId, assetId)),
    deps.db.delete(chapterRuns).where(eq(chapterRuns.assetId, assetId)),
    deps.db.delete(transcriptTranslations).where(eq(transcriptTranslations.assetId, assetId)),
    deps.db.delete(transcriptSearchRows).where(eq(transcriptSearchRows.assetId, assetId)),
    deps.db.delete(jobs).where(eq(jobs.assetId, assetId)),
    deps.db.delete(assets).where(eq(assets.id, assetId)),
    ...(deps.outbox ? [deps.outbox.record(projectId, "asset.deleted", asEventData(assetView(asset)))] : []),
  ]);
  await deps.outbox?.publish(projectId);
  return deleted;
}
