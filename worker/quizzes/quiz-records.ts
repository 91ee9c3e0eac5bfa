/** Quiz and question rows as the domain sees them (parsed JSON columns), and back. */

import type { QuizCounts } from "../../container/src/protocol/quiz-contract";
import type { Check, Evidence, QuestionDraft, QuizOption, RejectionReason } from "../../container/src/quiz/question";
import type { JsonArray, JsonObject } from "../db/schema/columns";
import type { QuestionOrigin, QuestionState, QuizQuestionRow } from "../db/schema/quiz-questions";
import type { QuizRow, QuizStatus } from "../db/schema/quizzes";
import type { QuizParameters } from "./quiz-parameters";

export interface StoredQuiz {
  id: string;
  projectId: string;
  assetId: string;
  transcriptId: string;
  jobId: string | null;
  title: string;
  language: string;
  status: QuizStatus;
  parameters: QuizParameters;
  model: string;
  promptVersion: string;
  requestId: string | null;
  seed: number;
  usage: { total_tokens: number; prompt_tokens: number; completion_tokens: number; requests: number };
  counts: QuizCounts;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface StoredQuestion {
  id: string;
  quizId: string;
  projectId: string;
  state: QuestionState;
  position: number;
  origin: QuestionOrigin;
  type: QuestionDraft["type"];
  stem: string;
  options: QuizOption[];
  acceptedAnswers: string[];
  explanation: string;
  difficulty: QuestionDraft["difficulty"];
  bloomLevel: QuestionDraft["bloom_level"];
  evidence: Evidence | null;
  /** The transcript the evidence was checked against. */
  transcriptId: string | null;
  checks: Check[];
  reasons: RejectionReason[] | null;
  createdAt: string;
  updatedAt: string;
}

// JSON columns hold what these modules wrote; the casts name the shape they were written with.
export function quizFromRow(row: QuizRow): StoredQuiz {
  return {
    ...row,
    status: row.status,
    parameters: row.parameters as unknown as QuizParameters,
    usage: row.usage as unknown as StoredQuiz["usage"],
    counts: row.counts as unknown as QuizCounts,
  };
}

export function quizToRow(quiz: StoredQuiz & { cacheKey: string | null }): QuizRow {
  return {
    ...quiz,
    parameters: quiz.parameters as unknown as JsonObject,
    usage: quiz.usage as unknown as JsonObject,
    counts: quiz.counts as unknown as JsonObject,
  };
}

export function questionFromRow(row: QuizQuestionRow): StoredQuestion {
  return {
    ...row,
    type: row.type as StoredQuestion["type"],
    difficulty: row.difficulty as StoredQuestion["difficulty"],
    bloomLevel: row.bloomLevel as StoredQuestion["bloomLevel"],
    options: row.options as unknown as QuizOption[],
    evidence: row.evidence as unknown as Evidence | null,
    checks: row.checks as unknown as Check[],
    reasons: row.reasons as unknown as RejectionReason[] | null,
  };
}

export function questionToRow(question: StoredQuestion): QuizQuestionRow {
  return {
    ...question,
    options: question.options as unknown as JsonArray,
    evidence: question.evidence as unknown as JsonObject | null,
    checks: question.checks as unknown as JsonArray,
    reasons: question.reasons as unknown as JsonArray | null,
  };
}

/** A generated draft as a question row of the quiz. */
export function questionFromDraft(
  draft: QuestionDraft,
  at: { quiz: StoredQuiz; state: QuestionState; position: number; reasons: RejectionReason[] | null },
): StoredQuestion {
  return {
    id: crypto.randomUUID(),
    quizId: at.quiz.id,
    projectId: at.quiz.projectId,
    state: at.state,
    position: at.position,
    origin: "generated",
    type: draft.type,
    stem: draft.stem,
    options: draft.options,
    acceptedAnswers: draft.accepted_answers,
    explanation: draft.explanation,
    difficulty: draft.difficulty,
    bloomLevel: draft.bloom_level,
    evidence: draft.evidence,
    transcriptId: draft.evidence ? at.quiz.transcriptId : null,
    checks: draft.checks,
    reasons: at.reasons,
    createdAt: at.quiz.createdAt,
    updatedAt: at.quiz.createdAt,
  };
}
