import { and, eq } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Database } from "../db/client";
import { quizQuestions } from "../db/schema/quiz-questions";
import { quizzes } from "../db/schema/quizzes";
import { DomainError } from "../domain-error";
import { type CheckedQuestion, checkTeacherQuestion, type QuestionFields } from "./question-rules";
import { questionToRow, type StoredQuestion } from "./quiz-records";
import { type LoadedQuiz, requireQuiz } from "./quiz-store";
import { recordVersion } from "./quiz-versions";

export type QuestionPatch = Partial<QuestionFields> & { position?: number };

function positionIssue(position: number, max: number): DomainError {
  const message = `position ${position} is out of range: it must be between 1 and ${max}`;
  return new DomainError("INVALID_INPUT", message, { details: [{ path: "position", message, code: "too_big" }] });
}

/** The question's content as stored: what the teacher wrote, with the options and evidence as checked. */
const content = (fields: QuestionFields, checked: CheckedQuestion) => ({
  type: fields.type,
  stem: fields.stem,
  acceptedAnswers: fields.accepted_answers,
  explanation: fields.explanation,
  difficulty: fields.difficulty,
  bloomLevel: fields.bloom_level,
  ...checked,
});

/**
 * Writes the (kept) `question` at `position` among the kept questions, renumbering the others 1..n, and touches
 * the quiz, in one batch.
 */
async function place(db: Database, quiz: LoadedQuiz, question: StoredQuestion, position: number | null) {
  const order = quiz.questions.filter((q) => q.id !== question.id);
  order.splice((position ?? order.length + 1) - 1, 0, question);
  const now = question.updatedAt;
  const renumbered = order.map((q, i) => ({ q, position: i + 1 })).filter(({ q, position }) => q.position !== position);
  const statements: BatchItem<"sqlite">[] = [
    db
      .insert(quizQuestions)
      .values(questionToRow(question))
      .onConflictDoUpdate({
        target: quizQuestions.id,
        set: questionToRow(question),
      }),
    ...renumbered
      .filter(({ q }) => q.id !== question.id)
      .map(({ q, position: p }) => db.update(quizQuestions).set({ position: p }).where(eq(quizQuestions.id, q.id))),
    db.update(quizzes).set({ updatedAt: now }).where(eq(quizzes.id, quiz.quiz.id)),
  ];
  await db.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
  await refreeze(db, quiz);
}

/** An edit of a published quiz's questions is its next version; attempts already started keep theirs. */
async function refreeze(db: Database, before: LoadedQuiz) {
  if (before.quiz.status !== "published") return;
  const after = await requireQuiz(db, before.quiz.projectId, before.quiz.id);
  await recordVersion(db, after.quiz, after.questions);
}

/** Adds a question written by the teacher (evidence optional), at `position` or last. */
export async function addQuestion(
  db: Database,
  projectId: string,
  quizId: string,
  fields: QuestionFields & { position?: number },
): Promise<{ question: StoredQuestion; quiz: LoadedQuiz }> {
  const quiz = await requireQuiz(db, projectId, quizId);
  const max = quiz.questions.length + 1;
  if (fields.position !== undefined && fields.position > max) throw positionIssue(fields.position, max);
  const checked = await checkTeacherQuestion(db, quiz, fields, null, true);
  const now = new Date().toISOString();
  const question: StoredQuestion = {
    id: crypto.randomUUID(),
    quizId,
    projectId,
    state: "kept",
    position: fields.position ?? max,
    origin: "teacher",
    ...content(fields, checked),
    reasons: null,
    createdAt: now,
    updatedAt: now,
  };
  await place(db, quiz, question, question.position);
  return { question, quiz };
}

/**
 * Changes any field of a question, `position` to reorder. A rejected question that passes the checks after the
 * edit joins the kept ones (last, or at `position`).
 */
export async function updateQuestion(
  db: Database,
  projectId: string,
  quizId: string,
  questionId: string,
  patch: QuestionPatch,
): Promise<{ question: StoredQuestion; quiz: LoadedQuiz }> {
  const quiz = await requireQuiz(db, projectId, quizId);
  const previous = [...quiz.questions, ...quiz.rejected].find((q) => q.id === questionId);
  if (!previous) throw new DomainError("NOT_FOUND", `No question ${questionId} in quiz ${quizId}`);
  const max = quiz.questions.length + (previous.state === "kept" ? 0 : 1);
  if (patch.position !== undefined && patch.position > max) throw positionIssue(patch.position, max);
  const fields: QuestionFields = {
    type: patch.type ?? previous.type,
    stem: patch.stem ?? previous.stem,
    options: patch.options ?? previous.options,
    accepted_answers: patch.accepted_answers ?? previous.acceptedAnswers,
    explanation: patch.explanation ?? previous.explanation,
    difficulty: patch.difficulty ?? previous.difficulty,
    bloom_level: patch.bloom_level ?? previous.bloomLevel,
    evidence: patch.evidence === undefined ? previous.evidence : patch.evidence,
  };
  const checked = await checkTeacherQuestion(db, quiz, fields, previous, patch.evidence !== undefined);
  const question: StoredQuestion = {
    ...previous,
    ...content(fields, checked),
    state: "kept",
    position: patch.position ?? (previous.state === "kept" ? previous.position : max),
    reasons: null,
    updatedAt: new Date().toISOString(),
  };
  await place(db, quiz, question, question.position);
  return { question, quiz };
}

/** Deletes a question; the kept ones after it move up. */
export async function deleteQuestion(db: Database, projectId: string, quizId: string, questionId: string) {
  const quiz = await requireQuiz(db, projectId, quizId);
  const target = [...quiz.questions, ...quiz.rejected].find((q) => q.id === questionId);
  if (!target) throw new DomainError("NOT_FOUND", `No question ${questionId} in quiz ${quizId}`);
  const statements: BatchItem<"sqlite">[] = [
    db.delete(quizQuestions).where(and(eq(quizQuestions.id, questionId), eq(quizQuestions.quizId, quizId))),
    ...[...quiz.questions, ...quiz.rejected]
      .filter((q) => q.state === target.state && q.position > target.position)
      .map((q) =>
        db
          .update(quizQuestions)
          .set({ position: q.position - 1 })
          .where(eq(quizQuestions.id, q.id)),
      ),
    db.update(quizzes).set({ updatedAt: new Date().toISOString() }).where(eq(quizzes.id, quizId)),
  ];
  await db.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
  await refreeze(db, quiz);
}
