import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { JsonArray } from "./columns";

/**
 * What a published quiz asked, frozen: every kept question with its key, in order. Publishing writes version 1;
 * each later edit of a published quiz's questions writes the next one. Attempts point at a version, so an edit
 * never rescores anyone.
 */
export const quizVersions = sqliteTable(
  "quiz_versions",
  {
    quizId: text("quiz_id").notNull(),
    version: integer("version").notNull(),
    projectId: text("project_id").notNull(),
    questions: text("questions", { mode: "json" }).$type<JsonArray>().notNull(),
    createdAt: text("created_at").notNull(),
  },
  (table) => [primaryKey({ columns: [table.quizId, table.version] })],
);

export type QuizVersionRow = typeof quizVersions.$inferSelect;
