import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { preparedSql } from "../db/prepared-sql";
import { quizAttemptAnswers } from "../db/schema/quiz-attempt-answers";
import { quizAttempts } from "../db/schema/quiz-attempts";
import type { GivenAnswer } from "./answer-scoring";

// The statements a save and a submit run, written once per isolate (see preparedSql): a submit of 20 questions
// runs 21 of them, and a learner saves every answer.

const param = sql.placeholder;

/** The attempt while it is in progress (and, with `revision`, still at the revision the submit read). */
const openAt = (withRevision: boolean) =>
  and(
    eq(quizAttempts.id, param("attempt_id")),
    eq(quizAttempts.status, "in_progress"),
    withRevision ? eq(quizAttempts.answersRevision, param("revision")) : undefined,
  );

/**
 * Writes an answer row only while the attempt is open: the check and the write are one statement, so no answer
 * slips in after the submit. Returns the question id of a written row.
 */
const upsertWhereOpen = (withRevision: boolean) =>
  preparedSql<UpsertValues & { revision?: number }>((db: Database) =>
    db
      .insert(quizAttemptAnswers)
      .select(
        db
          .select({
            attemptId: quizAttempts.id,
            questionId: sql<string>`${param("question_id")}`.as("question_id"),
            optionIds: sql<string | null>`${param("option_ids")}`.as("option_ids"),
            text: sql<string | null>`${param("text")}`.as("text"),
            credit: sql<number | null>`${param("credit")}`.as("credit"),
            updatedAt: sql<string>`${param("updated_at")}`.as("updated_at"),
          })
          .from(quizAttempts)
          .where(openAt(withRevision)),
      )
      .onConflictDoUpdate({
        target: [quizAttemptAnswers.attemptId, quizAttemptAnswers.questionId],
        set: {
          optionIds: sql`excluded.option_ids`,
          text: sql`excluded.text`,
          credit: sql`excluded.credit`,
          updatedAt: sql`excluded.updated_at`,
        },
      })
      .returning({ questionId: quizAttemptAnswers.questionId }),
  );

type UpsertValues = {
  attempt_id: string;
  question_id: string;
  option_ids: string | null;
  text: string | null;
  credit: number | null;
  updated_at: string;
};

const upsertOpen = upsertWhereOpen(false);
const upsertAtRevision = upsertWhereOpen(true);

/** An answer row written while the attempt is open (at `revision`, when given); see upsertWhereOpen. */
export function guardedUpsert(
  db: Database,
  attemptId: string,
  questionId: string,
  given: GivenAnswer | null,
  credit: number | null,
  revision?: number,
): D1PreparedStatement {
  const values: UpsertValues = {
    attempt_id: attemptId,
    question_id: questionId,
    option_ids: given && "option_ids" in given ? JSON.stringify(given.option_ids) : null,
    text: given && "text" in given ? given.text : null,
    credit,
    updated_at: new Date().toISOString(),
  };
  return revision === undefined ? upsertOpen(db, values) : upsertAtRevision(db, { ...values, revision });
}

/** Counts a save in the attempt's revision while it is open, so a submit that read before it scores again. */
export const bumpRevision = preparedSql<{ attempt_id: string }>((db) =>
  db
    .update(quizAttempts)
    .set({ answersRevision: sql`${quizAttempts.answersRevision} + 1` })
    .where(openAt(false)),
);

/** The attempt's `submitted_at`; no row when the attempt is gone. */
export const readSubmittedAt = preparedSql<{ attempt_id: string }>((db) =>
  db
    .select({ submittedAt: quizAttempts.submittedAt })
    .from(quizAttempts)
    .where(eq(quizAttempts.id, param("attempt_id"))),
);

/** Moves an attempt still at `revision` to submitted with its score; returns its id when it did. */
export const markSubmitted = preparedSql<{
  attempt_id: string;
  revision: number;
  score: number;
  percent: number;
  /** The result as JSON text, as the column stores it. */
  result: string;
  submitted_at: string;
}>((db) =>
  db
    .update(quizAttempts)
    .set({
      status: "submitted",
      score: sql`${param("score")}`,
      percent: sql`${param("percent")}`,
      result: sql`${param("result")}`,
      submittedAt: sql`${param("submitted_at")}`,
    })
    .where(openAt(true))
    .returning({ id: quizAttempts.id }),
);
