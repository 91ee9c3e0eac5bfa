import { sqliteTable, text } from "drizzle-orm/sqlite-core";
import { timestamps } from "./columns";

/** A project's subject vocabulary, passed to Whisper as the transcription prompt. One row per project. */
export const glossaries = sqliteTable("glossaries", {
  projectId: text("project_id").primaryKey(),
  terms: text("terms", { mode: "json" }).$type<string[]>().notNull(),
  ...timestamps,
});

export type GlossaryRow = typeof glossaries.$inferSelect;
