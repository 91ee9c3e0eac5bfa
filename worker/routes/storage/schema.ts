import { z } from "@hono/zod-openapi";
import { STORAGE_CATEGORIES } from "../../db/schema/storage-objects";
import type { StorageStats } from "../../storage/project";

export const UsageFiguresSchema = z
  .object({
    files: z.number().int().nonnegative().openapi({ example: 12 }),
    bytes: z.number().int().nonnegative().openapi({ example: 734003200 }),
  })
  .openapi("UsageFigures");

const CategoriesSchema = z
  .object(
    Object.fromEntries(STORAGE_CATEGORIES.map((c) => [c, UsageFiguresSchema])) as Record<
      (typeof STORAGE_CATEGORIES)[number],
      typeof UsageFiguresSchema
    >,
  )
  .openapi({ description: "Per R2 folder: uploads, processed, thumbnails, exports, music, images" });

export const StorageStatsSchema = z
  .object({
    categories: CategoriesSchema,
    total: UsageFiguresSchema,
    projects: z.number().int().nonnegative().openapi({ description: "Projects holding at least one file", example: 3 }),
  })
  .openapi("StorageStats");
export type StorageStatsResponse = z.infer<typeof StorageStatsSchema>;

export const ProjectStorageStatsSchema = z
  .object({
    project_id: z.string().openapi({ example: "lesson-app" }),
    categories: CategoriesSchema,
    total: UsageFiguresSchema,
  })
  .openapi("ProjectStorageStats");
export type ProjectStorageStatsResponse = z.infer<typeof ProjectStorageStatsSchema>;

export const toStatsResponse = (stats: StorageStats): StorageStatsResponse => StorageStatsSchema.parse(stats);
