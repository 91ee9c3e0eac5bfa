import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { QuizResult } from "../../container/src/protocol/quiz-contract";
import type { Database } from "../db/client";
import { afterCursor, pageOf } from "../db/cursor";
import { quizAttemptAnswers } from "../db/schema/quiz-attempt-answers";
import { quizAttempts } from "../db/schema/quiz-attempts";
import { quizQuestions } from "../db/schema/quiz-questions";
import { quizVersions } from "../db/schema/quiz-versions";
import { type QuizStatus, quizzes } from "../db/schema/quizzes";
import { transcripts } from "../db/schema/transcripts";
import { DomainError } from "../domain-error";
import type { QuizParameters } from "./quiz-parameters";
import {
  questionFromDraft,
  questionFromRow,
  questionToRow,
  quizFromRow,
  quizToRow,
  type StoredQuestion,
  type StoredQuiz,
} from "./quiz-records";

export interface LoadedQuiz {
  quiz: StoredQuiz;
  /** Kept questions by position. */
  questions: StoredQuestion[];
  rejected: StoredQuestion[];
  /** The video's current transcript; evidence checked against another one is stale. */
  currentTranscriptId: string | null;
}

/** The quiz answering a cached generation request, if it still exists. */
export async function findCachedQuiz(db: Database, projectId: string, cacheKey: string): Promise<StoredQuiz | null> {
  const [row] = await db
    .select()
    .from(quizzes)
    .where(and(eq(quizzes.cacheKey, cacheKey), eq(quizzes.projectId, projectId)))
    .limit(1);
  return row ? quizFromRow(row) : null;
}

export interface NewQuiz {
  projectId: string;
  assetId: string;
  transcriptId: string;
  jobId: string;
  cacheKey: string;
  title: string;
  parameters: QuizParameters;
  result: QuizResult;
  /** A forced run takes the cache key over from the quiz holding it. */
  force: boolean;
}

/**
 * Writes a finished quiz and all its questions in one batch, so no reader ever sees part of one. A forced run
 * moves the cache key to the new quiz; the quiz it came from stays, with its edits. Otherwise, when an identical
 * run stored its quiz first (the unique key refuses the second), that one is the answer.
 */
export async function saveGeneratedQuiz(db: Database, input: NewQuiz): Promise<StoredQuiz> {
  const now = new Date().toISOString();
  const { result } = input;
  const quiz: StoredQuiz = {
    id: crypto.randomUUID(),
    projectId: input.projectId,
    assetId: input.assetId,
    transcriptId: input.transcriptId,
    jobId: input.jobId,
    title: input.title,
    language: input.parameters.language,
    status: "draft",
    parameters: input.parameters,
    model: result.model,
    promptVersion: result.prompt_version,
    requestId: result.request_id,
    seed: result.seed,
    usage: result.usage,
    counts: result.counts,
    publishedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  const rows = [
    ...result.questions.map((draft, i) =>
      questionFromDraft(draft, { quiz, state: "kept", position: i + 1, reasons: null }),
    ),
    ...result.rejected.map((draft, i) =>
      questionFromDraft(draft, { quiz, state: "rejected", position: i + 1, reasons: draft.reasons }),
    ),
  ];
  const statements: BatchItem<"sqlite">[] = [
    ...(input.force ? [db.update(quizzes).set({ cacheKey: null }).where(eq(quizzes.cacheKey, input.cacheKey))] : []),
    db.insert(quizzes).values(quizToRow({ ...quiz, cacheKey: input.cacheKey })),
    // One statement per question: D1 binds at most 100 parameters per statement.
    ...rows.map((row) => db.insert(quizQuestions).values(questionToRow(row))),
  ];
  try {
    await db.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
  } catch (error) {
    const winner = await findCachedQuiz(db, input.projectId, input.cacheKey);
    if (winner && winner.id !== quiz.id) return winner;
    throw error;
  }
  return quiz;
}

/** A quiz of the project with its questions, in one round trip; null when the project has no such quiz. */
export async function loadQuiz(db: Database, projectId: string, quizId: string): Promise<LoadedQuiz | null> {
  const [quizRows, questionRows, transcriptRows] = await db.batch([
    db
      .select()
      .from(quizzes)
      .where(and(eq(quizzes.id, quizId), eq(quizzes.projectId, projectId))),
    db
      .select()
      .from(quizQuestions)
      .where(and(eq(quizQuestions.quizId, quizId), eq(quizQuestions.projectId, projectId)))
      .orderBy(asc(quizQuestions.state), asc(quizQuestions.position)),
    db
      .select({ id: transcripts.id })
      .from(transcripts)
      .where(
        and(
          eq(transcripts.projectId, projectId),
          inArray(
            transcripts.assetId,
            db.select({ assetId: quizzes.assetId }).from(quizzes).where(eq(quizzes.id, quizId)),
          ),
        ),
      )
      .orderBy(desc(transcripts.createdAt), desc(transcripts.id))
      .limit(1),
  ]);
  const [row] = quizRows;
  if (!row) return null;
  const questions = questionRows.map(questionFromRow);
  return {
    quiz: quizFromRow(row),
    questions: questions.filter((q) => q.state === "kept"),
    rejected: questions.filter((q) => q.state === "rejected"),
    currentTranscriptId: transcriptRows[0]?.id ?? null,
  };
}

/** loadQuiz, or NOT_FOUND. */
export async function requireQuiz(db: Database, projectId: string, quizId: string): Promise<LoadedQuiz> {
  const quiz = await loadQuiz(db, projectId, quizId);
  if (!quiz) throw new DomainError("NOT_FOUND", `No quiz ${quizId} in project ${projectId}`);
  return quiz;
}

export interface QuizSummary {
  quiz: StoredQuiz;
  questionCount: number;
  evidenceStale: boolean;
}

/** A page of the project's quizzes (of one video, with `assetId`), newest first. */
export async function listQuizzes(
  db: Database,
  query: { projectId: string; assetId?: string; limit: number; cursor?: string },
): Promise<{ items: QuizSummary[]; nextCursor: string | null }> {
  const rows = await db
    .select()
    .from(quizzes)
    .where(
      and(
        eq(quizzes.projectId, query.projectId),
        query.assetId ? eq(quizzes.assetId, query.assetId) : undefined,
        afterCursor(quizzes, query.cursor),
      ),
    )
    .orderBy(desc(quizzes.createdAt), desc(quizzes.id))
    .limit(query.limit + 1);
  const page = pageOf(rows, query.limit, (quiz) => [quiz.createdAt, quiz.id]);
  if (page.items.length === 0) return { items: [], nextCursor: page.nextCursor };
  const quizIds = page.items.map((q) => q.id);
  const [groups, current] = await db.batch([
    db
      .select({ quizId: quizQuestions.quizId, transcriptId: quizQuestions.transcriptId, questions: count() })
      .from(quizQuestions)
      .where(and(inArray(quizQuestions.quizId, quizIds), eq(quizQuestions.state, "kept")))
      .groupBy(quizQuestions.quizId, quizQuestions.transcriptId),
    db
      .select({ assetId: transcripts.assetId, id: transcripts.id, createdAt: transcripts.createdAt })
      .from(transcripts)
      .where(
        and(
          eq(transcripts.projectId, query.projectId),
          inArray(
            transcripts.assetId,
            page.items.map((q) => q.assetId),
          ),
        ),
      )
      .orderBy(asc(transcripts.createdAt)),
  ]);
  // Ascending, so the newest transcript of each video is the one left in the map.
  const currentOf = new Map(current.map((t) => [t.assetId, t.id]));
  const items = page.items.map((row) => {
    const mine = groups.filter((g) => g.quizId === row.id);
    return {
      quiz: quizFromRow(row),
      questionCount: mine.reduce((sum, g) => sum + g.questions, 0),
      evidenceStale: mine.some((g) => g.transcriptId !== null && g.transcriptId !== currentOf.get(row.assetId)),
    };
  });
  return { items, nextCursor: page.nextCursor };
}

/** Title and status changes; publishing stamps `published_at`. Null when the project has no such quiz. */
export async function updateQuiz(
  db: Database,
  projectId: string,
  quizId: string,
  change: { title?: string; status?: QuizStatus },
): Promise<void> {
  const now = new Date().toISOString();
  await db
    .update(quizzes)
    .set({
      ...(change.title !== undefined ? { title: change.title } : {}),
      ...(change.status !== undefined
        ? { status: change.status, publishedAt: change.status === "published" ? now : null }
        : {}),
      updatedAt: now,
    })
    .where(and(eq(quizzes.id, quizId), eq(quizzes.projectId, projectId)));
}

/** Deletes a quiz with its questions, versions and attempts; false when the project has no such quiz. */
export async function deleteQuiz(db: Database, projectId: string, quizId: string): Promise<boolean> {
  const attempts = and(eq(quizAttempts.quizId, quizId), eq(quizAttempts.projectId, projectId));
  const [, deleted] = await db.batch([
    db.delete(quizQuestions).where(and(eq(quizQuestions.quizId, quizId), eq(quizQuestions.projectId, projectId))),
    db
      .delete(quizzes)
      .where(and(eq(quizzes.id, quizId), eq(quizzes.projectId, projectId)))
      .returning({ id: quizzes.id }),
    db
      .delete(quizAttemptAnswers)
      .where(
        inArray(quizAttemptAnswers.attemptId, db.select({ id: quizAttempts.id }).from(quizAttempts).where(attempts)),
      ),
    db.delete(quizAttempts).where(attempts),
    db.delete(quizVersions).where(and(eq(quizVersions.quizId, quizId), eq(quizVersions.projectId, projectId))),
  ]);
  return deleted.length > 0;
}
