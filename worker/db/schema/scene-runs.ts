import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** One GPT scene-detection run, cached by its inputs (transcript, tone, criteria, max_scenes, model, prompt version). */
export const sceneRuns = sqliteTable(
  "scene_runs",
  {
    id: text("id").primaryKey(),
    projectId: text("project_id").notNull(),
    assetId: text("asset_id").notNull(),
    transcriptId: text("transcript_id").notNull(),
    cacheKey: text("cache_key").notNull().unique(),
    tone: text("tone"),
    criteria: text("criteria"),
    maxScenes: integer("max_scenes").notNull(),
    model: text("model").notNull(),
    promptVersion: text("prompt_version").notNull(),
    requestId: text("request_id").notNull(),
    scenes: text("scenes", { mode: "json" }).$type<unknown[]>().notNull(),
    usage: text("usage", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    generatedAt: text("generated_at").notNull(),
  },
  (table) => [index("scene_runs_asset_generated_idx").on(table.assetId, table.generatedAt)],
);

export type SceneRunRow = typeof sceneRuns.$inferSelect;
