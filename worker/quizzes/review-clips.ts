import { and, asc, eq, inArray, notInArray } from "drizzle-orm";
import type { Database } from "../db/client";
import { quizReviewClips } from "../db/schema/quiz-review-clips";
import { deleteAssetWithDerived, type StorageDeps } from "../storage";

export interface ReviewClip {
  asset_id: string;
  start: number;
  end: number;
  /** The export's content route (Range works); absolute when the caller passes `toUrl`. */
  clip_url: string;
}

export interface ReviewClipListItem extends ReviewClip {
  question_id: string;
  job_id: string;
  created_at: string;
}

const contentPath = (projectId: string, assetId: string) => `/projects/${projectId}/exports/${assetId}/content`;

/** The quiz's clips, in question order of storage (question id), as the routes list them. */
export async function listReviewClips(
  db: Database,
  quizId: string,
  toUrl: (path: string) => string = (path) => path,
): Promise<ReviewClipListItem[]> {
  const rows = await db
    .select()
    .from(quizReviewClips)
    .where(eq(quizReviewClips.quizId, quizId))
    .orderBy(asc(quizReviewClips.start), asc(quizReviewClips.questionId));
  return rows.map((row) => ({
    question_id: row.questionId,
    asset_id: row.assetId,
    start: row.start,
    end: row.end,
    clip_url: toUrl(contentPath(row.projectId, row.assetId)),
    job_id: row.jobId,
    created_at: row.createdAt,
  }));
}

/** question id -> its review clip, for attempt results (`review.clip_url`). Questions without a clip are absent. */
export async function reviewClipsOf(
  db: Database,
  quizId: string,
  toUrl?: (path: string) => string,
): Promise<Map<string, ReviewClip>> {
  const items = await listReviewClips(db, quizId, toUrl);
  return new Map(
    items.map(({ question_id, asset_id, start, end, clip_url }) => [question_id, { asset_id, start, end, clip_url }]),
  );
}

/** Whether the export asset is a review clip of this quiz (what a learner token for the quiz may read). */
export async function isReviewClipOf(db: Database, quizId: string, assetId: string): Promise<boolean> {
  const [row] = await db
    .select({ assetId: quizReviewClips.assetId })
    .from(quizReviewClips)
    .where(and(eq(quizReviewClips.quizId, quizId), eq(quizReviewClips.assetId, assetId)))
    .limit(1);
  return row !== undefined;
}

export interface NewReviewClip {
  questionId: string;
  assetId: string;
  start: number;
  end: number;
}

/**
 * Makes `clips` the quiz's clips in one batch, then deletes the export assets (files included) of the clips they
 * replaced: the old ones go only once the new ones are stored, so a failure in between loses nothing.
 * Returns the replaced asset ids.
 */
export async function replaceReviewClips(
  deps: StorageDeps,
  scope: { projectId: string; quizId: string; jobId: string },
  clips: readonly NewReviewClip[],
): Promise<string[]> {
  const { db } = deps;
  const newIds = clips.map((clip) => clip.assetId);
  const createdAt = new Date().toISOString();
  const old = await db
    .select({ assetId: quizReviewClips.assetId })
    .from(quizReviewClips)
    .where(and(eq(quizReviewClips.quizId, scope.quizId), notInArray(quizReviewClips.assetId, newIds)));
  await db.batch([
    db.delete(quizReviewClips).where(eq(quizReviewClips.quizId, scope.quizId)),
    ...clips.map((clip) => db.insert(quizReviewClips).values({ ...clip, ...scope, createdAt })),
  ]);
  for (const { assetId } of old) await deleteAssetWithDerived(deps, scope.projectId, assetId, "export");
  return old.map((row) => row.assetId);
}

/** Deletes every review clip of the quizzes (their export assets and files included). */
export async function deleteReviewClips(deps: StorageDeps, projectId: string, quizIds: readonly string[]) {
  if (quizIds.length === 0) return;
  const rows = await deps.db
    .select({ assetId: quizReviewClips.assetId })
    .from(quizReviewClips)
    .where(and(eq(quizReviewClips.projectId, projectId), inArray(quizReviewClips.quizId, [...quizIds])));
  for (const { assetId } of rows) await deleteAssetWithDerived(deps, projectId, assetId, "export");
  await deps.db.delete(quizReviewClips).where(inArray(quizReviewClips.quizId, [...quizIds]));
}
