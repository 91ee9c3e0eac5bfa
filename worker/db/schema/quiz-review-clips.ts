import { index, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * The "review this moment" clip of one quiz question: an export asset rendered from the question's evidence
 * window (`start`..`end` on the lesson video's clock) by a quiz_review_clips job. One row per question; a newer
 * job's rows replace an older job's.
 */
export const quizReviewClips = sqliteTable(
  "quiz_review_clips",
  {
    quizId: text("quiz_id").notNull(),
    questionId: text("question_id").notNull(),
    projectId: text("project_id").notNull(),
    assetId: text("asset_id").notNull(),
    start: real("start").notNull(),
    end: real("end").notNull(),
    jobId: text("job_id").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.quizId, table.questionId] }),
    index("quiz_review_clips_asset_idx").on(table.assetId),
    index("quiz_review_clips_project_idx").on(table.projectId),
  ],
);

export type QuizReviewClipRow = typeof quizReviewClips.$inferSelect;
