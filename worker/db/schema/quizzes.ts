import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { type JsonObject, timestamps } from "./columns";

export const QUIZ_STATUSES = ["draft", "published"] as const;
export type QuizStatus = (typeof QUIZ_STATUSES)[number];

/**
 * A quiz generated from one transcript of a video. Its questions are quiz_questions rows. `cache_key` names the
 * generation request it answers (null once a forced run took the key over); `transcript_id` is the transcript
 * it was generated from, which stays when a re-transcription replaces that transcript.
 */
export const quizzes = sqliteTable(
  "quizzes",
  {
    id: text("id").primaryKey(),
    projectId: text("project_id").notNull(),
    assetId: text("asset_id").notNull(),
    transcriptId: text("transcript_id").notNull(),
    jobId: text("job_id"),
    cacheKey: text("cache_key").unique(),
    title: text("title").notNull(),
    language: text("language").notNull(),
    status: text("status", { enum: QUIZ_STATUSES }).notNull(),
    /** The generation parameters as resolved (defaults applied, scene_id turned into its range). */
    parameters: text("parameters", { mode: "json" }).$type<JsonObject>().notNull(),
    model: text("model").notNull(),
    promptVersion: text("prompt_version").notNull(),
    requestId: text("request_id"),
    /** Seeds the option order, so the stored order (and every export) is reproducible. */
    seed: integer("seed").notNull(),
    usage: text("usage", { mode: "json" }).$type<JsonObject>().notNull(),
    /** requested, generated, rejected and kept, as the generation job counted them. */
    counts: text("counts", { mode: "json" }).$type<JsonObject>().notNull(),
    publishedAt: text("published_at"),
    ...timestamps,
  },
  (table) => [
    index("quizzes_project_created_idx").on(table.projectId, table.createdAt),
    index("quizzes_asset_idx").on(table.assetId),
  ],
);

export type QuizRow = typeof quizzes.$inferSelect;
