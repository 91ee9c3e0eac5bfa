import { primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * One answer of an attempt, replaced by each save. Submit writes a row for every question of the version
 * (unanswered ones too) with its `credit` (0..1), so the statistics aggregate over complete rows in SQL.
 */
export const quizAttemptAnswers = sqliteTable(
  "quiz_attempt_answers",
  {
    attemptId: text("attempt_id").notNull(),
    questionId: text("question_id").notNull(),
    /** JSON array of option ids for choice questions; null for short answers and unanswered questions. */
    optionIds: text("option_ids"),
    text: text("text"),
    credit: real("credit"),
    updatedAt: text("updated_at").notNull(),
  },
  (table) => [primaryKey({ columns: [table.attemptId, table.questionId] })],
);

export type QuizAttemptAnswerRow = typeof quizAttemptAnswers.$inferSelect;
