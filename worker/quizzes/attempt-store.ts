import { and, desc, eq } from "drizzle-orm";
import { BoundedCache } from "../bounded-cache";
import type { Database } from "../db/client";
import { type AttemptStatus, type QuizAttemptRow, quizAttempts } from "../db/schema/quiz-attempts";
import { DomainError } from "../domain-error";
import type { GivenAnswer } from "./answer-scoring";
import type { ReviewWindow } from "./attempt-review";
import type { StoredQuestion, StoredQuiz } from "./quiz-records";
import { loadVersion, type QuizVersion, recordVersion } from "./quiz-versions";

export interface QuestionResult {
  question_id: string;
  correct: boolean;
  /** The points earned, 0..1: below 1 for a partly right multiple response. */
  credit: number;
  given: GivenAnswer | null;
  correct_answer: { option_ids: string[] } | { accepted_answers: string[] };
  explanation: string;
  review: ReviewWindow | null;
}

export interface AttemptResult {
  score: number;
  max_score: number;
  percent: number;
  results: QuestionResult[];
}

export interface StoredAttempt {
  id: string;
  projectId: string;
  quizId: string;
  version: number;
  learnerId: string;
  status: AttemptStatus;
  maxScore: number;
  score: number | null;
  percent: number | null;
  result: AttemptResult | null;
  startedAt: string;
  submittedAt: string | null;
  /** Bumped by every save; see quizAttempts. */
  answersRevision: number;
}

// The result column holds what submitAttempt wrote.
export const storedAttempt = ({ idempotencyKey: _key, result, ...row }: QuizAttemptRow): StoredAttempt => ({
  ...row,
  result: result as unknown as AttemptResult | null,
});

/** What never changes about an attempt: where it lives, whose it is, the version it is taken on. */
export type AttemptIdentity = Pick<StoredAttempt, "id" | "projectId" | "quizId" | "version" | "learnerId">;

// Each of an attempt's saves needs its identity; kept in isolate memory, only the first save of an attempt reads it.
const identities = new BoundedCache<string, AttemptIdentity>(4096);

function remember({ id, projectId, quizId, version, learnerId }: StoredAttempt): void {
  identities.set(id, { id, projectId, quizId, version, learnerId });
}

async function findByKey(db: Database, quizId: string, learnerId: string, key: string) {
  const [row] = await db
    .select()
    .from(quizAttempts)
    .where(
      and(eq(quizAttempts.quizId, quizId), eq(quizAttempts.learnerId, learnerId), eq(quizAttempts.idempotencyKey, key)),
    );
  return row ? storedAttempt(row) : null;
}

/**
 * Starts an attempt on the quiz's current version (frozen now if the last edit has not been yet). A start
 * with an idempotency key the learner already used on this quiz returns that attempt; the unique index settles
 * two racing retries.
 */
export async function startAttempt(
  db: Database,
  quiz: { quiz: StoredQuiz; questions: StoredQuestion[] },
  learnerId: string,
  idempotencyKey: string | null,
): Promise<{ attempt: StoredAttempt; version: QuizVersion; created: boolean }> {
  const retried = idempotencyKey ? await findByKey(db, quiz.quiz.id, learnerId, idempotencyKey) : null;
  if (retried) return { attempt: retried, version: await requireVersion(db, retried), created: false };
  if (quiz.quiz.status !== "published") {
    throw new DomainError("CONFLICT", `Quiz ${quiz.quiz.id} is a draft: publish it before learners take it`);
  }
  const version = await recordVersion(db, quiz.quiz, quiz.questions);
  if (!version || version.questions.length === 0) {
    throw new DomainError("CONFLICT", `Quiz ${quiz.quiz.id} has no questions to answer`);
  }
  const row: QuizAttemptRow = {
    id: crypto.randomUUID(),
    projectId: quiz.quiz.projectId,
    quizId: quiz.quiz.id,
    version: version.version,
    learnerId,
    status: "in_progress",
    idempotencyKey,
    score: null,
    maxScore: version.questions.length,
    percent: null,
    result: null,
    startedAt: new Date().toISOString(),
    submittedAt: null,
    answersRevision: 0,
  };
  const inserted = await db.insert(quizAttempts).values(row).onConflictDoNothing().returning();
  if (inserted[0]) {
    const attempt = storedAttempt(inserted[0]);
    remember(attempt);
    return { attempt, version, created: true };
  }
  const earlier = idempotencyKey ? await findByKey(db, quiz.quiz.id, learnerId, idempotencyKey) : null;
  if (!earlier) throw new Error(`Attempt ${row.id} was neither stored nor found by its idempotency key`);
  return { attempt: earlier, version: await requireVersion(db, earlier), created: false };
}

/** The version an attempt was started on; versions are never deleted while their quiz exists. */
export async function requireVersion(
  db: Database,
  attempt: Pick<StoredAttempt, "id" | "quizId" | "version">,
): Promise<QuizVersion> {
  const version = await loadVersion(db, attempt.quizId, attempt.version);
  if (!version) throw new Error(`Attempt ${attempt.id} points at missing version ${attempt.version}`);
  return version;
}

export async function requireAttempt(db: Database, projectId: string, quizId: string, attemptId: string) {
  const [row] = await db
    .select()
    .from(quizAttempts)
    .where(and(eq(quizAttempts.id, attemptId), eq(quizAttempts.quizId, quizId), eq(quizAttempts.projectId, projectId)));
  if (!row) throw noAttempt(attemptId, quizId);
  const attempt = storedAttempt(row);
  remember(attempt);
  return attempt;
}

export const noAttempt = (attemptId: string, quizId: string) =>
  new DomainError("NOT_FOUND", `No attempt ${attemptId} on quiz ${quizId}`);

/** An attempt's identity, from isolate memory when this isolate has seen the attempt; 404 like requireAttempt. */
export async function requireAttemptIdentity(
  db: Database,
  projectId: string,
  quizId: string,
  attemptId: string,
): Promise<AttemptIdentity> {
  const known = identities.get(attemptId);
  if (!known) return requireAttempt(db, projectId, quizId, attemptId);
  if (known.projectId !== projectId || known.quizId !== quizId) throw noAttempt(attemptId, quizId);
  return known;
}

/** Attempts on a quiz (of one learner with `learnerId`), newest first. */
export async function listAttempts(
  db: Database,
  query: { projectId: string; quizId: string; learnerId?: string; limit: number },
): Promise<StoredAttempt[]> {
  const rows = await db
    .select()
    .from(quizAttempts)
    .where(
      and(
        eq(quizAttempts.projectId, query.projectId),
        eq(quizAttempts.quizId, query.quizId),
        query.learnerId === undefined ? undefined : eq(quizAttempts.learnerId, query.learnerId),
      ),
    )
    .orderBy(desc(quizAttempts.startedAt), desc(quizAttempts.id))
    .limit(query.limit);
  return rows.map(storedAttempt);
}
