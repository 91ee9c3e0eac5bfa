/**
 * The quiz question model shared by the media service (which generates and checks questions) and the Worker
 * (which stores them and re-checks every edit). Runtime-neutral: zod only, no node: imports.
 */
import { z } from "zod";

export const QUESTION_TYPES = ["multiple_choice", "multiple_response", "true_false", "short_answer"] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
export const QuestionTypeSchema = z.enum(QUESTION_TYPES);

export const QUESTION_DIFFICULTIES = ["easy", "medium", "hard"] as const;
export const QuestionDifficultySchema = z.enum(QUESTION_DIFFICULTIES);

/** Bloom's revised taxonomy, lowest to highest. */
export const BLOOM_LEVELS = ["remember", "understand", "apply", "analyze", "evaluate", "create"] as const;
export const BloomLevelSchema = z.enum(BLOOM_LEVELS);

/** Limits a question must respect, whoever wrote it; request schemas and checks read them from here. */
export const QUESTION_LIMITS = {
  stem: 2000,
  optionText: 500,
  options: 10,
  acceptedAnswers: 10,
  answerText: 200,
  explanation: 4000,
  quote: 500,
  citedSegments: 12,
} as const;

export const OptionSchema = z.object({
  id: z.string().min(1).max(32),
  text: z.string(),
  correct: z.boolean(),
});
export type QuizOption = z.infer<typeof OptionSchema>;

/** Where the answer is said: transcript segments (indices into the transcript's segments), their window, a quote. */
export const EvidenceSchema = z.object({
  segment_indices: z.array(z.number().int().min(0)),
  start: z.number().min(0),
  end: z.number().min(0),
  quote: z.string(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

/**
 * One check's verdict. `error` checks decide whether a question is kept (and whether an edit is accepted);
 * `warning` checks flag item-writing flaws and stale evidence for the teacher without rejecting anything.
 */
export const CheckSchema = z.object({
  name: z.string(),
  passed: z.boolean(),
  severity: z.enum(["error", "warning"]),
  detail: z.string(),
});
export type Check = z.infer<typeof CheckSchema>;

/** A question as generated and checked, before the Worker gives it an id and a position. */
export const QuestionDraftSchema = z.object({
  type: QuestionTypeSchema,
  stem: z.string(),
  options: z.array(OptionSchema),
  accepted_answers: z.array(z.string()),
  explanation: z.string(),
  difficulty: QuestionDifficultySchema,
  bloom_level: BloomLevelSchema,
  evidence: EvidenceSchema.nullable(),
  checks: z.array(CheckSchema),
});
export type QuestionDraft = z.infer<typeof QuestionDraftSchema>;

/** Why a question was rejected: the failed error check's name and its explanation. */
export const RejectionReasonSchema = z.object({ check: z.string(), message: z.string() });
export type RejectionReason = z.infer<typeof RejectionReasonSchema>;

export const RejectedDraftSchema = QuestionDraftSchema.extend({ reasons: z.array(RejectionReasonSchema).min(1) });
export type RejectedDraft = z.infer<typeof RejectedDraftSchema>;

/** The failed error checks of a question, as rejection reasons; empty when it may be kept. */
export function rejectionReasons(checks: readonly Check[]): RejectionReason[] {
  return checks
    .filter((check) => check.severity === "error" && !check.passed)
    .map((check) => ({ check: check.name, message: check.detail }));
}

/** The option order True, False that every true/false question uses. */
export const TRUE_FALSE_TEXTS = ["True", "False"] as const;
