import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Chapters and a summary of one transcript, cached by (transcript, max_chapters, model, prompt version). */
export const chapterRuns = sqliteTable(
  "chapter_runs",
  {
    id: text("id").primaryKey(),
    projectId: text("project_id").notNull(),
    assetId: text("asset_id").notNull(),
    transcriptId: text("transcript_id").notNull(),
    cacheKey: text("cache_key").notNull().unique(),
    language: text("language"),
    maxChapters: integer("max_chapters").notNull(),
    model: text("model").notNull(),
    promptVersion: text("prompt_version").notNull(),
    requestId: text("request_id").notNull(),
    chapters: text("chapters", { mode: "json" }).$type<unknown[]>().notNull(),
    summary: text("summary", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    usage: text("usage", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    repairs: text("repairs", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    generatedAt: text("generated_at").notNull(),
  },
  (table) => [index("chapter_runs_asset_generated_idx").on(table.assetId, table.generatedAt)],
);

export type ChapterRunRow = typeof chapterRuns.$inferSelect;
