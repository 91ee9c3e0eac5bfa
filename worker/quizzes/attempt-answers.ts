import { eq } from "drizzle-orm";
import type { Database } from "../db/client";
import { quizAttemptAnswers } from "../db/schema/quiz-attempt-answers";
import { quizAttempts } from "../db/schema/quiz-attempts";
import { DomainError, type FieldError } from "../domain-error";
import { answerCredit, type GivenAnswer } from "./answer-scoring";
import { bumpRevision, guardedUpsert, markSubmitted, readSubmittedAt } from "./answer-statements";
import { reviewOf } from "./attempt-review";
import {
  type AttemptIdentity,
  type AttemptResult,
  noAttempt,
  type QuestionResult,
  requireAttempt,
  storedAttempt,
} from "./attempt-store";
import type { QuizVersion, VersionQuestion } from "./quiz-versions";

function invalid(message: string, path: string, code: string): DomainError {
  return new DomainError("INVALID_INPUT", message, { details: [{ path, message, code } satisfies FieldError] });
}

function submitted(attemptId: string, submittedAt: string | null): DomainError {
  return new DomainError("CONFLICT", `Attempt ${attemptId} was submitted at ${submittedAt}; answers are final`);
}

/** The question of the attempt's version, and an answer of the shape its type takes, with known option ids. */
function checkAnswer(version: QuizVersion, questionId: string, given: GivenAnswer): VersionQuestion {
  const question = version.questions.find((q) => q.id === questionId);
  if (!question)
    throw new DomainError("NOT_FOUND", `No question ${questionId} in version ${version.version} of the quiz`);
  if (question.type === "short_answer") {
    if (!("text" in given)) throw invalid("A short answer question takes {text}", "text", "wrong_shape");
    return question;
  }
  if (!("option_ids" in given))
    throw invalid(`A ${question.type} question takes {option_ids}`, "option_ids", "wrong_shape");
  const ids = given.option_ids;
  if (question.type !== "multiple_response" && ids.length !== 1) {
    throw invalid(`A ${question.type} question takes exactly one option id`, "option_ids", "wrong_count");
  }
  if (new Set(ids).size !== ids.length) throw invalid("option_ids repeats an option", "option_ids", "duplicate");
  const known = new Set(question.options.map((o) => o.id));
  const unknown = ids.findIndex((id) => !known.has(id));
  if (unknown >= 0) {
    throw invalid(`Question ${questionId} has no option ${ids[unknown]}`, `option_ids.${unknown}`, "unknown_option");
  }
  return question;
}

/**
 * Saves (replaces) one answer of an in-progress attempt in one round trip: the answer and the revision bump go in
 * one batch (one transaction), both guarded by the attempt being in progress. Nothing written means the attempt
 * was submitted (409) or is gone (404); only then is its status read, and neither ever changes back.
 */
export async function saveAnswer(
  db: Database,
  attempt: AttemptIdentity,
  version: QuizVersion,
  questionId: string,
  given: GivenAnswer,
): Promise<void> {
  try {
    checkAnswer(version, questionId, given);
  } catch (error) {
    // A submitted attempt is answered 409 whatever the answer, as before the answer is looked at.
    const current = await requireAttempt(db, attempt.projectId, attempt.quizId, attempt.id);
    if (current.status === "submitted") throw submitted(current.id, current.submittedAt);
    throw error;
  }
  const ids = { attempt_id: attempt.id };
  const [written] = await db.$client.batch([
    guardedUpsert(db, attempt.id, questionId, given, null),
    bumpRevision(db, ids),
  ]);
  if (written!.results.length > 0) return;
  const row = await readSubmittedAt(db, ids).first<{ submitted_at: string | null }>();
  if (!row) throw noAttempt(attempt.id, attempt.quizId);
  throw submitted(attempt.id, row.submitted_at);
}

function givenOf(row: { optionIds: string | null; text: string | null } | undefined): GivenAnswer | null {
  if (!row) return null;
  if (row.text !== null) return { text: row.text };
  return row.optionIds === null ? null : { option_ids: JSON.parse(row.optionIds) as string[] };
}

export async function savedAnswers(db: Database, attemptId: string) {
  const rows = await db.select().from(quizAttemptAnswers).where(eq(quizAttemptAnswers.attemptId, attemptId));
  return new Map(rows.map((row) => [row.questionId, givenOf(row)]));
}

function resultOf(question: VersionQuestion, given: GivenAnswer | null): QuestionResult {
  const credit = answerCredit(question, given);
  return {
    question_id: question.id,
    correct: credit === 1,
    credit,
    given,
    correct_answer:
      question.type === "short_answer"
        ? { accepted_answers: question.accepted_answers }
        : { option_ids: question.options.filter((o) => o.correct).map((o) => o.id) },
    explanation: question.explanation,
    review: reviewOf(question),
  };
}

/**
 * Scoring reads again when a save lands between its read and its commit. Each failed round means another save
 * was stored, so this bounds only a client that keeps saving while it submits.
 */
const SUBMIT_ROUNDS = 32;

/**
 * Scores the attempt once. It reads the attempt's answers and revision together (one batch, one snapshot), then
 * writes every question's credit row (unanswered ones too) and the status change in one batch guarded by that
 * revision. A save that landed in between bumped the revision, so the batch writes nothing and the scoring reads
 * again: the scored answers are exactly the stored ones, and every save that was answered 204 is among them. A
 * second, racing submit writes nothing and returns the first one's result.
 */
export async function submitAttempt(
  db: Database,
  attempt: AttemptIdentity,
  version: QuizVersion,
): Promise<AttemptResult> {
  for (let round = 0; round < SUBMIT_ROUNDS; round++) {
    const [attemptRows, answerRows] = await db.batch([
      db.select().from(quizAttempts).where(eq(quizAttempts.id, attempt.id)),
      db.select().from(quizAttemptAnswers).where(eq(quizAttemptAnswers.attemptId, attempt.id)),
    ]);
    const row = attemptRows[0];
    if (!row) throw noAttempt(attempt.id, attempt.quizId);
    const current = storedAttempt(row);
    if (current.result) return current.result;
    const answers = new Map(answerRows.map((answer) => [answer.questionId, givenOf(answer)]));
    const { result, score } = scored(version, answers);
    const revision = current.answersRevision;
    const written = await db.$client.batch([
      ...result.results.map((r) => guardedUpsert(db, attempt.id, r.question_id, r.given, r.credit, revision)),
      markSubmitted(db, {
        attempt_id: attempt.id,
        revision,
        score,
        percent: (score / result.max_score) * 100,
        result: JSON.stringify(result),
        submitted_at: new Date().toISOString(),
      }),
    ]);
    if (written.at(-1)!.results.length === 1) return result;
  }
  throw new DomainError("CONFLICT", `Answers of attempt ${attempt.id} kept changing while it was scored; submit again`);
}

/** The result as the learner reads it (rounded) and the unrounded score the statistics aggregate. */
function scored(version: QuizVersion, answers: Map<string, GivenAnswer | null>) {
  const results = version.questions.map((q) => resultOf(q, answers.get(q.id) ?? null));
  const score = results.reduce((sum, r) => sum + r.credit, 0);
  const maxScore = version.questions.length;
  const result: AttemptResult = {
    score: Math.round(score * 10_000) / 10_000,
    max_score: maxScore,
    percent: Math.round((score / maxScore) * 10_000) / 100,
    results,
  };
  return { result, score };
}
