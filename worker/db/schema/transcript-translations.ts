import { index, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/** A transcript's segments in another language, one row per (transcript, language): replacing the transcript drops it. */
export const transcriptTranslations = sqliteTable(
  "transcript_translations",
  {
    id: text("id").primaryKey(),
    projectId: text("project_id").notNull(),
    assetId: text("asset_id").notNull(),
    transcriptId: text("transcript_id").notNull(),
    language: text("language").notNull(),
    sourceLanguage: text("source_language"),
    model: text("model").notNull(),
    promptVersion: text("prompt_version").notNull(),
    requestId: text("request_id").notNull(),
    segments: text("segments", { mode: "json" }).$type<unknown[]>().notNull(),
    usage: text("usage", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    createdAt: text("created_at").notNull(),
  },
  (table) => [
    uniqueIndex("transcript_translations_transcript_language_idx").on(table.transcriptId, table.language),
    index("transcript_translations_asset_idx").on(table.assetId),
  ],
);

export type TranscriptTranslationRow = typeof transcriptTranslations.$inferSelect;
