import { index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { timestamps } from "./columns";

export const ASSET_CATEGORIES = ["video", "music", "image", "export"] as const;
export type AssetCategory = (typeof ASSET_CATEGORIES)[number];

export const ASSET_STATUSES = ["uploaded", "processing", "ready", "failed"] as const;
export type AssetStatus = (typeof ASSET_STATUSES)[number];

/** A file a client uploaded or an export produced. Derived files (thumbnails, ...) are storage_objects it owns. */
export const assets = sqliteTable(
  "assets",
  {
    id: text("id").primaryKey(),
    projectId: text("project_id").notNull(),
    category: text("category", { enum: ASSET_CATEGORIES }).notNull(),
    status: text("status", { enum: ASSET_STATUSES }).notNull(),
    r2Key: text("r2_key").notNull().unique(),
    filename: text("filename").notNull(),
    originalFilename: text("original_filename").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    checksum: text("checksum").notNull(),
    /** Probe output (duration, width, height, fps, codecs, ...) as JSON, once ingested. */
    metadata: text("metadata", { mode: "json" }).$type<Record<string, unknown>>(),
    durationSeconds: real("duration_seconds"),
    thumbnailKey: text("thumbnail_key"),
    storyboardKey: text("storyboard_key"),
    /** For exports: the assets the timeline was built from. */
    sourceAssetIds: text("source_asset_ids", { mode: "json" }).$type<string[]>(),
    ingestJobId: text("ingest_job_id"),
    errorMessage: text("error_message"),
    ...timestamps,
  },
  (table) => [index("assets_project_category_created_idx").on(table.projectId, table.category, table.createdAt)],
);

export type Asset = typeof assets.$inferSelect;
export type NewAsset = typeof assets.$inferInsert;
