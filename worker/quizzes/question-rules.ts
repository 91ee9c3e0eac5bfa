/**
 * A teacher's question (new or edited) checked with the same rules as generated ones: a question that breaks
 * an error rule is refused with field errors; evidence that changed is checked against the current transcript.
 */

import type { z } from "zod";
import { checkQuestion } from "../../container/src/quiz/checks";
import type {
  BloomLevelSchema,
  Check,
  Evidence,
  QuestionDifficultySchema,
  QuestionType,
  QuizOption,
} from "../../container/src/quiz/question";
import { getCurrentTranscript } from "../ai/transcript-store";
import type { Database } from "../db/client";
import { DomainError } from "../domain-error";
import type { StoredQuestion } from "./quiz-records";
import type { LoadedQuiz } from "./quiz-store";

export interface QuestionFields {
  type: QuestionType;
  stem: string;
  options: { id?: string; text: string; correct: boolean }[];
  accepted_answers: string[];
  explanation: string;
  difficulty: z.infer<typeof QuestionDifficultySchema>;
  bloom_level: z.infer<typeof BloomLevelSchema>;
  evidence: { segment_indices: number[]; quote: string; start?: number; end?: number } | null;
}

export interface CheckedQuestion {
  options: QuizOption[];
  evidence: Evidence | null;
  transcriptId: string | null;
  checks: Check[];
}

const EVIDENCE_CHECKS = new Set(["evidence_segments", "evidence_in_range", "quote_in_segments"]);

/** Keeps the ids a client sent, gives the others the next free o<n>. */
function withIds(options: QuestionFields["options"]): QuizOption[] {
  const taken = new Set(options.flatMap((o) => (o.id ? [o.id] : [])));
  let next = 1;
  return options.map((o) => {
    if (o.id) return { id: o.id, text: o.text, correct: o.correct };
    while (taken.has(`o${next}`)) next++;
    taken.add(`o${next}`);
    return { id: `o${next}`, text: o.text, correct: o.correct };
  });
}

const answerKey = (q: { type: string; stem: string; options: readonly { text: string; correct: boolean }[] }) =>
  JSON.stringify([q.type, q.stem, q.options.map((o) => [o.text, o.correct])]);

/**
 * Runs the checks on `fields` (what the question will be). Evidence is re-checked only when it changed; the
 * answerability verdict stays only while what it judged (type, stem, options, answers, evidence) is unchanged.
 */
export async function checkTeacherQuestion(
  db: Database,
  loaded: LoadedQuiz,
  fields: QuestionFields,
  previous: StoredQuestion | null,
  evidenceChanged: boolean,
): Promise<CheckedQuestion> {
  const { quiz } = loaded;
  const transcript =
    evidenceChanged && fields.evidence ? await getCurrentTranscript(db, quiz.projectId, quiz.assetId) : null;
  if (evidenceChanged && fields.evidence && !transcript) {
    throw new DomainError("CONFLICT", `Video ${quiz.assetId} has no transcript to check the evidence against`);
  }
  const options = withIds(fields.options);
  const earlier = loaded.questions
    .filter((q) => q.id !== previous?.id)
    .map((q) => ({ stem: q.stem, label: `question ${q.position}` }));
  const verdict = checkQuestion(
    { ...fields, options, evidence: evidenceChanged ? fields.evidence : null },
    { segments: transcript?.segments ?? [], range: quiz.parameters.range, earlier },
  );
  let { checks, issues } = verdict;
  let evidence = verdict.evidence;
  let transcriptId = transcript?.id ?? null;
  if (!evidenceChanged && previous?.evidence) {
    const kept = previous.checks.filter((c) => EVIDENCE_CHECKS.has(c.name));
    checks = [...checks.filter((c) => c.name !== "evidence_present"), ...kept];
    issues = [
      ...issues,
      ...kept
        .filter((c) => c.severity === "error" && !c.passed)
        .map((c) => ({ path: "evidence", message: c.detail, code: c.name })),
    ];
    evidence = previous.evidence;
    transcriptId = previous.transcriptId;
  }
  const verified = previous?.checks.find((c) => c.name === "answerable");
  const sameContent =
    previous &&
    !evidenceChanged &&
    answerKey(previous) === answerKey({ ...fields, options }) &&
    JSON.stringify(previous.acceptedAnswers) === JSON.stringify(fields.accepted_answers);
  if (verified && sameContent) {
    checks = [...checks, verified];
    if (!verified.passed) issues = [...issues, { path: "stem", message: verified.detail, code: "answerable" }];
  }
  if (issues.length > 0) {
    throw new DomainError("INVALID_INPUT", `The question breaks the quiz rules: ${issues[0]!.message}`, {
      details: issues.map((i) => ({ path: i.path, message: i.message, code: i.code })),
    });
  }
  return { options, evidence, transcriptId, checks };
}
