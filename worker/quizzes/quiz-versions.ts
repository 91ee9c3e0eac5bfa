import { and, desc, eq, sql } from "drizzle-orm";
import type { Evidence, QuizOption } from "../../container/src/quiz/question";
import { BoundedCache } from "../bounded-cache";
import type { Database } from "../db/client";
import type { JsonArray } from "../db/schema/columns";
import { quizVersions } from "../db/schema/quiz-versions";
import type { StoredQuestion, StoredQuiz } from "./quiz-records";

/** A question as a version froze it: enough to show, score and explain it, nothing about how it was checked. */
export interface VersionQuestion {
  id: string;
  position: number;
  type: StoredQuestion["type"];
  stem: string;
  options: QuizOption[];
  accepted_answers: string[];
  explanation: string;
  evidence: Evidence | null;
}

export interface QuizVersion {
  quizId: string;
  version: number;
  questions: VersionQuestion[];
  createdAt: string;
}

const frozen = (q: StoredQuestion): VersionQuestion => ({
  id: q.id,
  position: q.position,
  type: q.type,
  stem: q.stem,
  options: q.options,
  accepted_answers: q.acceptedAnswers,
  explanation: q.explanation,
  evidence: q.evidence,
});

// The column holds what recordVersion wrote.
const fromRow = (row: typeof quizVersions.$inferSelect): QuizVersion => ({
  quizId: row.quizId,
  version: row.version,
  questions: row.questions as unknown as VersionQuestion[],
  createdAt: row.createdAt,
});

export async function latestVersion(db: Database, quizId: string): Promise<QuizVersion | null> {
  const [row] = await db
    .select()
    .from(quizVersions)
    .where(eq(quizVersions.quizId, quizId))
    .orderBy(desc(quizVersions.version))
    .limit(1);
  return row ? fromRow(row) : null;
}

// A version is never changed once written (an edit writes the next one), so every save of an attempt can check
// its answer against the copy in isolate memory instead of reading and parsing the questions again.
const versions = new BoundedCache<string, QuizVersion>(256);

export async function loadVersion(db: Database, quizId: string, version: number): Promise<QuizVersion | null> {
  const key = `${quizId}:${version}`;
  const cached = versions.get(key);
  if (cached) return cached;
  const [row] = await db
    .select()
    .from(quizVersions)
    .where(and(eq(quizVersions.quizId, quizId), eq(quizVersions.version, version)));
  if (!row) return null;
  const loaded = fromRow(row);
  versions.set(key, loaded);
  return loaded;
}

/**
 * Freezes the kept questions of a published quiz as its next version, unless the latest version already holds
 * exactly them (a rename or a re-publish changes nothing a learner sees). The number is taken in the INSERT
 * itself; two edits racing for the same number collide on the primary key, and the loser reads again.
 */
export async function recordVersion(
  db: Database,
  quiz: StoredQuiz,
  questions: StoredQuestion[],
): Promise<QuizVersion | null> {
  if (quiz.status !== "published") return null;
  const snapshot = questions.filter((q) => q.state === "kept").map(frozen);
  for (let attempt = 0; ; attempt++) {
    const latest = await latestVersion(db, quiz.id);
    if (latest && JSON.stringify(latest.questions) === JSON.stringify(snapshot)) return latest;
    const createdAt = new Date().toISOString();
    const json = JSON.stringify(snapshot);
    try {
      const [row] = await db
        .insert(quizVersions)
        .select(
          db
            .select({
              quizId: sql<string>`${quiz.id}`.as("quiz_id"),
              version: sql<number>`coalesce(max(${quizVersions.version}), 0) + 1`.as("version"),
              projectId: sql<string>`${quiz.projectId}`.as("project_id"),
              questions: sql<JsonArray>`${json}`.as("questions"),
              createdAt: sql<string>`${createdAt}`.as("created_at"),
            })
            .from(quizVersions)
            .where(eq(quizVersions.quizId, quiz.id)),
        )
        .returning();
      if (row) return fromRow(row);
    } catch (error) {
      if (attempt >= 2) throw error;
    }
  }
}
