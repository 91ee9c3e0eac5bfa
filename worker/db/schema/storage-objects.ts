import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const STORAGE_CATEGORIES = ["uploads", "processed", "thumbnails", "exports", "music", "images"] as const;
export type StorageCategory = (typeof STORAGE_CATEGORIES)[number];

/**
 * One row per R2 object, written and deleted together with the object, so storage
 * statistics come from D1 and still match what R2 holds.
 */
export const storageObjects = sqliteTable(
  "storage_objects",
  {
    key: text("key").primaryKey(),
    projectId: text("project_id").notNull(),
    category: text("category", { enum: STORAGE_CATEGORIES }).notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    /** The asset this object belongs to (its file or a derived file); null for project-level files. */
    assetId: text("asset_id"),
    createdAt: text("created_at").notNull(),
  },
  (table) => [
    index("storage_objects_project_category_idx").on(table.projectId, table.category),
    index("storage_objects_asset_idx").on(table.assetId),
  ],
);

export type StorageObject = typeof storageObjects.$inferSelect;
