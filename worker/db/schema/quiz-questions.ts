import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { type JsonArray, type JsonObject, timestamps } from "./columns";

export const QUESTION_STATES = ["kept", "rejected"] as const;
export type QuestionState = (typeof QUESTION_STATES)[number];

export const QUESTION_ORIGINS = ["generated", "teacher"] as const;
export type QuestionOrigin = (typeof QUESTION_ORIGINS)[number];

/**
 * One question of a quiz, self-contained (type, stem, options with their keys, evidence, checks), so a version
 * snapshot is a copy of rows. Kept questions are numbered 1..n by `position`; rejected ones keep their own order
 * and their `reasons`. `transcript_id` is the transcript the evidence was checked against.
 */
export const quizQuestions = sqliteTable(
  "quiz_questions",
  {
    id: text("id").primaryKey(),
    quizId: text("quiz_id").notNull(),
    projectId: text("project_id").notNull(),
    state: text("state", { enum: QUESTION_STATES }).notNull(),
    position: integer("position").notNull(),
    origin: text("origin", { enum: QUESTION_ORIGINS }).notNull(),
    type: text("type").notNull(),
    stem: text("stem").notNull(),
    options: text("options", { mode: "json" }).$type<JsonArray>().notNull(),
    acceptedAnswers: text("accepted_answers", { mode: "json" }).$type<string[]>().notNull(),
    explanation: text("explanation").notNull(),
    difficulty: text("difficulty").notNull(),
    bloomLevel: text("bloom_level").notNull(),
    evidence: text("evidence", { mode: "json" }).$type<JsonObject>(),
    transcriptId: text("transcript_id"),
    checks: text("checks", { mode: "json" }).$type<JsonArray>().notNull(),
    reasons: text("reasons", { mode: "json" }).$type<JsonArray>(),
    ...timestamps,
  },
  (table) => [index("quiz_questions_quiz_state_position_idx").on(table.quizId, table.state, table.position)],
);

export type QuizQuestionRow = typeof quizQuestions.$inferSelect;
