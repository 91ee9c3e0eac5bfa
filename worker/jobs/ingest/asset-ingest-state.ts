import { and, eq, exists, notInArray } from "drizzle-orm";
import type { Database } from "../../db/client";
import { type Asset, type AssetStatus, assets } from "../../db/schema/assets";
import { storageObjects } from "../../db/schema/storage-objects";

/**
 * The asset's side of an ingest run. A job claims the asset (status `processing`, `ingest_job_id` = the job);
 * every later write is conditional on still holding that claim, so when two ingest jobs overlap (an upload's
 * job and an on-demand one) only the one that claimed last changes the asset, and the other's outputs are
 * discarded instead of overwriting it.
 */
export interface IngestClaim {
  assetId: string;
  jobId: string;
  /** What to go back to when the run stops without an outcome (cancelled, or a retry is coming). */
  restore: { status: AssetStatus; errorMessage: string | null };
}

const owned = (claim: IngestClaim) => and(eq(assets.id, claim.assetId), eq(assets.ingestJobId, claim.jobId));

export async function claimAsset(db: Database, asset: Asset, jobId: string): Promise<IngestClaim> {
  // `processing` left behind by an attempt that died with its instance says nothing; fall back to what is known.
  const status: AssetStatus = asset.status !== "processing" ? asset.status : asset.metadata ? "ready" : "uploaded";
  await db
    .update(assets)
    .set({ status: "processing", ingestJobId: jobId, errorMessage: null, updatedAt: new Date().toISOString() })
    .where(eq(assets.id, asset.id));
  return { assetId: asset.id, jobId, restore: { status, errorMessage: asset.errorMessage } };
}

export interface IngestOutcome {
  metadata: Record<string, unknown>;
  durationSeconds: number;
  thumbnailKey: string | null;
  storyboardKey: string | null;
}

/** Makes the asset `ready` with its new outputs; false when the claim was lost (or the asset deleted). */
export async function commitIngest(db: Database, claim: IngestClaim, outcome: IngestOutcome): Promise<boolean> {
  const updated = await db
    .update(assets)
    .set({
      status: "ready",
      metadata: outcome.metadata,
      durationSeconds: outcome.durationSeconds,
      thumbnailKey: outcome.thumbnailKey,
      storyboardKey: outcome.storyboardKey,
      errorMessage: null,
      updatedAt: new Date().toISOString(),
    })
    .where(owned(claim))
    .returning({ id: assets.id });
  return updated.length > 0;
}

/**
 * `failed` with the reason. Outputs of an earlier successful ingest stay: they still describe the file,
 * and nothing from the failed run was committed.
 */
export async function failIngest(db: Database, claim: IngestClaim, message: string): Promise<void> {
  await db
    .update(assets)
    .set({ status: "failed", errorMessage: message, updatedAt: new Date().toISOString() })
    .where(owned(claim));
}

/** Back to the status before the claim (cancellation, or a retry will claim again). */
export async function releaseClaim(db: Database, claim: IngestClaim): Promise<void> {
  await db
    .update(assets)
    .set({
      status: claim.restore.status,
      errorMessage: claim.restore.errorMessage,
      updatedAt: new Date().toISOString(),
    })
    .where(and(owned(claim), eq(assets.status, "processing")));
}

/**
 * Keys of the asset's thumbnails-folder objects other than `keep`: the previous run's outputs and leftovers of
 * attempts that died before cleaning up. Empty unless the claim is still held, checked in the same statement,
 * so a job that lost its claim never sweeps up the outputs of the job that took over.
 */
export async function staleThumbnailKeys(db: Database, claim: IngestClaim, keep: string[]): Promise<string[]> {
  const rows = await db
    .select({ key: storageObjects.key })
    .from(storageObjects)
    .where(
      and(
        eq(storageObjects.assetId, claim.assetId),
        eq(storageObjects.category, "thumbnails"),
        keep.length > 0 ? notInArray(storageObjects.key, keep) : undefined,
        exists(db.select({ id: assets.id }).from(assets).where(owned(claim))),
      ),
    );
  return rows.map((row) => row.key);
}

/** The storyboard sprite's key: the map's (`storyboard_key`, `...-storyboard.json`) with `.jpg`; ingest names both. */
export function storyboardSpriteKey(storyboardKey: string): string {
  return storyboardKey.replace(/\.json$/, ".jpg");
}
