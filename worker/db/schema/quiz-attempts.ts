import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { JsonObject } from "./columns";

export const ATTEMPT_STATUSES = ["in_progress", "submitted"] as const;
export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number];

/**
 * One learner's attempt at one version of a quiz. `score`, `percent` and `result` are written once, by the
 * submit that moves the status to `submitted`. `idempotency_key` makes a retried start return the same attempt.
 * `answers_revision` counts the saved answers: the submit commits its score only if no save landed after it read.
 */
export const quizAttempts = sqliteTable(
  "quiz_attempts",
  {
    id: text("id").primaryKey(),
    projectId: text("project_id").notNull(),
    quizId: text("quiz_id").notNull(),
    version: integer("version").notNull(),
    learnerId: text("learner_id").notNull(),
    status: text("status", { enum: ATTEMPT_STATUSES }).notNull(),
    idempotencyKey: text("idempotency_key"),
    score: real("score"),
    maxScore: integer("max_score").notNull(),
    percent: real("percent"),
    result: text("result", { mode: "json" }).$type<JsonObject>(),
    startedAt: text("started_at").notNull(),
    submittedAt: text("submitted_at"),
    answersRevision: integer("answers_revision").notNull().default(0),
  },
  (table) => [
    uniqueIndex("quiz_attempts_idempotency_idx").on(table.quizId, table.learnerId, table.idempotencyKey),
    index("quiz_attempts_learner_idx").on(table.quizId, table.learnerId, table.startedAt),
    index("quiz_attempts_stats_idx").on(table.quizId, table.status, table.version, table.percent),
  ],
);

export type QuizAttemptRow = typeof quizAttempts.$inferSelect;
