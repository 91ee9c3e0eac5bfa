import type { Asset, AssetCategory } from "../db/schema/assets";

const SEGMENTS: Record<AssetCategory, string> = {
  video: "videos",
  music: "music",
  image: "images",
  export: "exports",
};

// Categories whose files can be downloaded through `/<segment>/{asset_id}/content`.
const DOWNLOADABLE: readonly AssetCategory[] = ["video", "export"];

/**
 * An asset as the API publishes it, with links to its content and thumbnail routes. Kept here, below the routes,
 * because project events (asset.ready, upload.completed, ...) carry the same object the API returns.
 */
export function assetView(asset: Asset) {
  const base = `/projects/${asset.projectId}/${SEGMENTS[asset.category]}/${asset.id}`;
  return {
    asset_id: asset.id,
    project_id: asset.projectId,
    category: asset.category,
    filename: asset.filename,
    original_filename: asset.originalFilename,
    content_type: asset.contentType,
    size_bytes: asset.sizeBytes,
    checksum: asset.checksum,
    status: asset.status,
    duration_seconds: asset.durationSeconds,
    metadata: asset.metadata,
    ingest_job_id: asset.ingestJobId,
    error_message: asset.errorMessage,
    source_asset_ids: asset.sourceAssetIds,
    created_at: asset.createdAt,
    updated_at: asset.updatedAt,
    links: {
      content: DOWNLOADABLE.includes(asset.category) ? `${base}/content` : null,
      thumbnail: DOWNLOADABLE.includes(asset.category) && asset.thumbnailKey ? `${base}/thumbnail` : null,
      storyboard: asset.category === "video" && asset.storyboardKey ? `${base}/storyboard` : null,
    },
  };
}
