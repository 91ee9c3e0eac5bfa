/** The contract of POST /v1/quiz, shared by the service and the Worker. Runtime-neutral. */
import { z } from "zod";
import { CURRENT_QUIZ_PROMPT_VERSION, QUIZ_PROMPT_VERSIONS } from "../ai/quiz/prompt";
import { QuestionDraftSchema, QuestionTypeSchema, RejectedDraftSchema } from "../quiz/question";
import { defineOpContract } from "./op-contract";
import { SceneUsageSchema } from "./scenes-contract";

export const QUIZ_DIFFICULTIES = ["easy", "medium", "hard", "mixed"] as const;
export const QuizDifficultySchema = z.enum(QUIZ_DIFFICULTIES);

export const TimeRangeSchema = z
  .object({ start: z.number().min(0), end: z.number().positive() })
  .refine((range) => range.end > range.start, { message: "end must be after start", path: ["end"] });

export const QuizOptionsSchema = z.object({
  /** Lesson duration in seconds (probed, else the transcript's). */
  duration: z.number().positive(),
  num_questions: z.number().int().min(1).max(50),
  question_types: z.array(QuestionTypeSchema).min(1).max(4),
  difficulty: QuizDifficultySchema.default("mixed"),
  /** The quiz's language; quotes stay in the transcript's. */
  language: z.string().min(1).max(35),
  transcript_language: z.string().max(35).nullable().default(null),
  focus: z.string().max(2000).optional(),
  audience: z.string().max(200).optional(),
  /** Only segments said inside it are asked about and may be cited. */
  range: TimeRangeSchema.nullable().default(null),
  /** The answerability check; off skips its calls. */
  verify: z.boolean().default(true),
  /** Seeds the option order (stored on the quiz, so exports are stable). */
  seed: z.number().int().min(0).max(0xffffffff),
  model: z.string().min(1).default("gpt-4o-mini"),
  prompt_version: z.enum(QUIZ_PROMPT_VERSIONS).default(CURRENT_QUIZ_PROMPT_VERSION),
  /** Length of the windows a long lesson is split into; each is one generation call, all in parallel. */
  window_seconds: z.number().int().min(30).max(7200).default(600),
  /** Model calls in flight at once; the default verifies a 20-question quiz in one wave. */
  concurrency: z.number().int().min(1).max(64).default(20),
});
export type QuizOptions = z.infer<typeof QuizOptionsSchema>;

export const QuizCountsSchema = z.object({
  requested: z.number().int().min(0),
  generated: z.number().int().min(0),
  rejected: z.number().int().min(0),
  kept: z.number().int().min(0),
});
export type QuizCounts = z.infer<typeof QuizCountsSchema>;

export const QuizUsageSchema = SceneUsageSchema;

export const QuizResultSchema = z.object({
  /** Kept questions in lesson order (by evidence start), options arranged with the seed. */
  questions: z.array(QuestionDraftSchema),
  rejected: z.array(RejectedDraftSchema),
  counts: QuizCountsSchema,
  usage: QuizUsageSchema,
  model: z.string(),
  prompt_version: z.enum(QUIZ_PROMPT_VERSIONS),
  /** The first generation call's x-request-id. */
  request_id: z.string().nullable(),
  seed: z.number().int(),
  /** 1, or 2 when a second round replaced rejected questions. */
  rounds: z.number().int().min(1).max(2),
  windows: z.array(
    z.object({
      index: z.number().int().min(0),
      start: z.number(),
      end: z.number(),
      requested: z.number().int().min(0),
      generated: z.number().int().min(0),
      kept: z.number().int().min(0),
    }),
  ),
  /** The op's wall time and the part of it some model call was in flight (parallel calls counted once). */
  timing: z.object({ wall_ms: z.number().min(0), model_ms: z.number().min(0) }),
  generated_at: z.string(),
});
export type QuizResult = z.infer<typeof QuizResultSchema>;

/**
 * Input `transcript` (`{"segments": [...]}`, as for scenes: evidence cites indices into that array) and the
 * request's parameters in; checked questions, rejected ones with their reasons, and the counts out.
 */
export const quizContract = defineOpContract({
  name: "quiz",
  optionsSchema: QuizOptionsSchema,
  requiredInputs: ["transcript"],
  optionalInputs: [],
  events: {},
  resultSchema: QuizResultSchema,
});
