import { index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { timestamps } from "./columns";

/** A Whisper transcript of one asset. The newest row per asset is the current one. */
export const transcripts = sqliteTable(
  "transcripts",
  {
    id: text("id").primaryKey(),
    projectId: text("project_id").notNull(),
    assetId: text("asset_id").notNull(),
    requestId: text("request_id").notNull(),
    model: text("model").notNull(),
    language: text("language"),
    text: text("text").notNull(),
    durationSeconds: real("duration_seconds").notNull(),
    segments: text("segments", { mode: "json" }).$type<unknown[]>().notNull(),
    /** Words with timings, kept in R2 (ai/transcript-words.ts); null when the model gave none. */
    wordCount: integer("word_count"),
    usage: text("usage", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    metadata: text("metadata", { mode: "json" }).$type<Record<string, unknown>>(),
    ...timestamps,
  },
  (table) => [index("transcripts_asset_created_idx").on(table.assetId, table.createdAt)],
);

export type TranscriptRow = typeof transcripts.$inferSelect;
