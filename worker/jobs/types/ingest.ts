import { z } from "zod";
import {
  ProbeFieldsSchema,
  STORYBOARD_MAP_FILE_NAME,
  STORYBOARD_SPRITE_FILE_NAME,
  THUMBNAIL_FILE_NAME,
} from "../../../container/src/protocol/probe-contract";
import type { Asset } from "../../db/schema/assets";
import { MediaServiceError, type ProbeResultData, r2Input } from "../../media/media-client";
import { deleteTrackedObjects, getProjectAsset, objectKey, putTrackedObject } from "../../storage";
import { AssetIdSchema, assetInProject } from "../asset-in-project";
import { JobCancelledError, type JobContext, PermanentJobError, RetryableJobError } from "../handler";
import {
  claimAsset,
  commitIngest,
  failIngest,
  type IngestClaim,
  releaseClaim,
  staleThumbnailKeys,
} from "../ingest/asset-ingest-state";
import { INGEST_EVENTS } from "../ingest/ingest-events";
import { defineJobType } from "../job-type";

const IngestPayloadSchema = z.strictObject({
  asset_id: AssetIdSchema.describe("The uploaded asset to probe and make thumbnails for"),
});
type IngestPayload = z.infer<typeof IngestPayloadSchema>;

/** What ingest stores as the asset's `metadata` and returns in the job's result. */
const IngestMetadataSchema = ProbeFieldsSchema.omit({ size: true }).extend({
  thumbnail: z.object({ width: z.number(), height: z.number(), at_seconds: z.number() }).nullable(),
  storyboard: z
    .object({
      tile_width: z.number(),
      tile_height: z.number(),
      columns: z.number(),
      rows: z.number(),
      tile_count: z.number(),
    })
    .nullable(),
});
type IngestMetadata = z.infer<typeof IngestMetadataSchema>;

const IngestResultSchema = z.object({
  asset_id: z.string(),
  metadata: IngestMetadataSchema,
  thumbnail_key: z.string().nullable(),
  storyboard_key: z.string().nullable(),
});

// The service's files and the suffix each gets in thumbnails/.
const OUTPUT_SUFFIXES: Record<string, string> = {
  [THUMBNAIL_FILE_NAME]: "poster.jpg",
  [STORYBOARD_SPRITE_FILE_NAME]: "storyboard.jpg",
  [STORYBOARD_MAP_FILE_NAME]: "storyboard.json",
};
// The service's progress (0-100) is shown as 5-90; storing the result takes the rest.
const PROBE_PROGRESS = { from: 5, to: 90 };

/**
 * Names unique to this job and attempt, so a run never overwrites the outputs the asset currently points to:
 * the old thumbnail stays served until the new one is committed, and a failed run only removes its own files.
 */
function outputName(asset: Asset, ctx: JobContext<IngestPayload>, serviceName: string): string | null {
  const suffix = OUTPUT_SUFFIXES[serviceName];
  if (!suffix) return null;
  const stem = asset.filename.replace(/\.[^.]*$/, "");
  return `${stem}-${ctx.job.id.replace(/-/g, "").slice(0, 12)}-${ctx.job.attempt}-${suffix}`;
}

function metadataOf(result: ProbeResultData): IngestMetadata {
  const { probe, thumbnail, storyboard } = result;
  return {
    duration: probe.duration,
    width: probe.width,
    height: probe.height,
    fps: probe.fps,
    rotation: probe.rotation,
    video_codec: probe.video_codec,
    audio_codec: probe.audio_codec,
    has_audio: probe.has_audio,
    bitrate: probe.bitrate,
    container: probe.container,
    thumbnail: thumbnail && { width: thumbnail.width, height: thumbnail.height, at_seconds: thumbnail.at_seconds },
    storyboard: storyboard && {
      tile_width: storyboard.tile_width,
      tile_height: storyboard.tile_height,
      columns: storyboard.columns,
      rows: storyboard.rows,
      tile_count: storyboard.tile_count,
    },
  };
}

/** Media-service failures keep their plain-words message; `retryable` decides whether another attempt helps. */
function jobError(error: unknown): Error {
  if (error instanceof MediaServiceError) {
    return error.retryable ? new RetryableJobError(error.message) : new PermanentJobError(error.message);
  }
  return error instanceof Error ? error : new RetryableJobError(String(error));
}

async function probeAndStore(ctx: JobContext<IngestPayload>, asset: Asset, written: Map<string, string>) {
  const { db, bucket, media } = ctx.services;
  const object = await bucket.head(asset.r2Key);
  if (!object) throw new PermanentJobError("The uploaded file is missing from storage");
  const span = PROBE_PROGRESS.to - PROBE_PROGRESS.from;
  return media.probe(await r2Input("video", bucket, object), {
    signal: ctx.signal,
    storyboard: {},
    onProgress: (percent) => ctx.progress(PROBE_PROGRESS.from + (percent * span) / 100),
    onLog: (event) => ctx.log(event.level, event.message, event.details),
    onFile: async (file) => {
      const name = outputName(asset, ctx, file.name);
      if (!name) return file.body.cancel();
      // Recorded before the put, so a put that fails halfway is cleaned up too.
      written.set(file.name, objectKey(asset.projectId, "thumbnails", name));
      await putTrackedObject(
        { db, bucket },
        {
          projectId: asset.projectId,
          category: "thumbnails",
          name,
          assetId: asset.id,
          body: file.body,
          contentType: file.contentType,
        },
      );
    },
  });
}

/** After a commit: removes the previous run's outputs and leftovers of crashed attempts. Never fails the job. */
async function sweep(ctx: JobContext<IngestPayload>, claim: IngestClaim, keep: string[]) {
  const deps = { db: ctx.services.db, bucket: ctx.services.bucket };
  try {
    const stale = await staleThumbnailKeys(deps.db, claim, keep);
    if (stale.length > 0) await deleteTrackedObjects(deps, stale);
  } catch (error) {
    // Still tracked and owned by the asset: the next ingest or the asset's deletion removes them.
    ctx.services.logger.warn("ingest_sweep_failed", { asset_id: claim.assetId, error: String(error) });
  }
}

export const ingestJob = defineJobType({
  type: "ingest",
  payloadSchema: IngestPayloadSchema,
  ...assetInProject,
  resultSchema: IngestResultSchema,
  events: INGEST_EVENTS,
  async run(ctx) {
    const { db, bucket } = ctx.services;
    const { projectId, payload } = ctx.job;
    const asset = await getProjectAsset(db, projectId, payload.asset_id);
    if (!asset) throw new PermanentJobError(`Asset ${payload.asset_id} no longer exists in project ${projectId}`);
    if (asset.category !== "video") {
      throw new PermanentJobError(
        `Asset ${asset.id} is not a video (it is in ${asset.category}); only videos are ingested`,
      );
    }
    ctx.checkpoint();
    const claim = await claimAsset(db, asset, ctx.job.id);
    const written = new Map<string, string>();
    let committed = false;
    try {
      await ctx.progress(PROBE_PROGRESS.from, "Probing the video and making its thumbnails");
      const result = await probeAndStore(ctx, asset, written);
      ctx.checkpoint();
      const thumbnailKey = written.get(THUMBNAIL_FILE_NAME) ?? null;
      const storyboardKey = written.get(STORYBOARD_MAP_FILE_NAME) ?? null;
      const metadata = metadataOf(result);
      committed = await commitIngest(db, claim, {
        metadata,
        durationSeconds: result.probe.duration,
        thumbnailKey,
        storyboardKey,
      });
      if (!committed) {
        throw new PermanentJobError(
          "The asset was deleted or another ingest job took it over while this one ran; this run's results were discarded",
        );
      }
      await sweep(ctx, claim, [...written.values()]);
      await ctx.log("info", "Asset is ready", { duration: result.probe.duration, thumbnail_key: thumbnailKey });
      return { asset_id: asset.id, metadata, thumbnail_key: thumbnailKey, storyboard_key: storyboardKey };
    } catch (error) {
      if (!committed && written.size > 0) {
        await deleteTrackedObjects({ db, bucket }, [...written.values()]).catch((cleanup) =>
          ctx.services.logger.warn("ingest_cleanup_failed", { asset_id: asset.id, error: String(cleanup) }),
        );
      }
      if (committed) throw error;
      if (ctx.signal.aborted || error instanceof JobCancelledError) {
        await releaseClaim(db, claim);
        throw error;
      }
      const failure = jobError(error);
      const final = failure instanceof PermanentJobError || ctx.job.attempt >= ctx.job.maxAttempts;
      if (final) await failIngest(db, claim, failure.message);
      else await releaseClaim(db, claim);
      throw failure;
    }
  },
});
