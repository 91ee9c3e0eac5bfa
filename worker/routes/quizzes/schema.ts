import { z } from "@hono/zod-openapi";
import { QUIZ_DIFFICULTIES } from "../../../container/src/protocol/quiz-contract";
import { BLOOM_LEVELS, QUESTION_DIFFICULTIES, QUESTION_TYPES } from "../../../container/src/quiz/question";
import { QUIZ_STATUSES } from "../../db/schema/quizzes";
import type { StoredQuestion } from "../../quizzes/quiz-records";
import type { LoadedQuiz } from "../../quizzes/quiz-store";
import { currentChecks, isStale } from "../../quizzes/stale-evidence";
import { ProjectIdSchema } from "../project-params";

const id = (name: string, example: string) =>
  z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name, in: "path" }, example });

export const QuizParamsSchema = z.object({
  project_id: ProjectIdSchema,
  quiz_id: id("quiz_id", "5b0c1f3e-9d2a-4c6b-8e7f-1a2b3c4d5e6f"),
});
export const QuestionParamsSchema = QuizParamsSchema.extend({
  question_id: id("question_id", "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d"),
});

export const QuestionTypeSchema = z.enum(QUESTION_TYPES).openapi({ example: "multiple_choice" });

export const QuizOptionSchema = z
  .object({
    id: z.string().openapi({ description: "Stable within the question", example: "o2" }),
    text: z.string().openapi({ example: "Water" }),
    correct: z.boolean().openapi({ example: true }),
  })
  .openapi("QuizOption");

export const EvidenceSchema = z
  .object({
    segment_indices: z.array(z.number().int().min(0)).openapi({
      description: "Transcript segments that contain the answer (indices into the transcript's segments)",
      example: [41, 42],
    }),
    start: z.number().min(0).openapi({ description: "Start of the first cited segment, seconds", example: 203.5 }),
    end: z.number().min(0).openapi({ description: "End of the last cited segment, seconds", example: 214.25 }),
    quote: z.string().openapi({
      description: "Verbatim words from the cited segments",
      example: "needs light, water and carbon dioxide",
    }),
  })
  .openapi("QuizEvidence");

export const QuizCheckSchema = z
  .object({
    name: z.string().openapi({ example: "quote_in_segments" }),
    passed: z.boolean().openapi({ example: true }),
    severity: z
      .enum(["error", "warning"])
      .openapi({ description: "error: decides whether the question is kept; warning: a flag for the teacher" }),
    detail: z.string().openapi({ example: "The quote appears in the cited segments" }),
  })
  .openapi("QuizCheck");

const questionFields = {
  id: z.string().openapi({ example: "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d" }),
  position: z.number().int().min(1).openapi({ example: 1 }),
  type: QuestionTypeSchema,
  stem: z.string().openapi({ example: "Which of these does photosynthesis need?" }),
  options: z.array(QuizOptionSchema).openapi({ description: "Empty for short_answer" }),
  accepted_answers: z.array(z.string()).openapi({ description: "short_answer only", example: [] }),
  explanation: z.string().openapi({ example: "The teacher lists light, water and carbon dioxide as the inputs." }),
  difficulty: z.enum(QUESTION_DIFFICULTIES).openapi({ example: "easy" }),
  bloom_level: z.enum(BLOOM_LEVELS).openapi({ example: "remember" }),
  evidence: EvidenceSchema.nullable(),
  checks: z.array(QuizCheckSchema),
  origin: z.enum(["generated", "teacher"]).openapi({ example: "generated" }),
};

export const QuizQuestionSchema = z.object(questionFields).openapi("QuizQuestion");

export const RejectedQuestionSchema = z
  .object({
    ...questionFields,
    reasons: z.array(
      z.object({
        check: z.string().openapi({ example: "answerable" }),
        message: z.string().openapi({ example: "Not answerable from the cited moment: ..." }),
      }),
    ),
  })
  .openapi("RejectedQuizQuestion");

export const QuizParametersSchema = z
  .object({
    num_questions: z.number().int().openapi({ example: 10 }),
    question_types: z.array(QuestionTypeSchema),
    difficulty: z.enum(QUIZ_DIFFICULTIES).openapi({ example: "mixed" }),
    language: z.string().openapi({ example: "en" }),
    focus: z.string().nullable().openapi({ example: null }),
    audience: z.string().nullable().openapi({ example: "grade 7" }),
    range: z.object({ start: z.number(), end: z.number() }).nullable(),
    scene_id: z.string().nullable().openapi({ example: null }),
    verify: z.boolean().openapi({ example: true }),
  })
  .openapi("QuizParameters");

const CountsSchema = z
  .object({
    requested: z.number().int().openapi({ example: 10 }),
    generated: z.number().int().openapi({ example: 12 }),
    rejected: z.number().int().openapi({ example: 2 }),
    kept: z.number().int().openapi({ example: 10 }),
  })
  .openapi({ description: "As the generation counted them (later edits do not change them)" });

const summaryFields = {
  id: z.string().openapi({ example: "5b0c1f3e-9d2a-4c6b-8e7f-1a2b3c4d5e6f" }),
  project_id: z.string().openapi({ example: "lesson-app" }),
  asset_id: z.string().openapi({ example: "3f0c9a2e-8a4b-4a57-9b0e-2d6c1f7e5a10" }),
  transcript_id: z.string().openapi({ description: "The transcript the quiz was generated from" }),
  evidence_stale: z.boolean().openapi({
    description: "True when some question's evidence was checked against an older transcript of the video",
    example: false,
  }),
  title: z.string().openapi({ example: "Quiz: photosynthesis" }),
  language: z.string().openapi({ example: "en" }),
  status: z.enum(QUIZ_STATUSES).openapi({ example: "draft" }),
  parameters: QuizParametersSchema,
  model: z.string().openapi({ example: "gpt-4o-mini" }),
  prompt_version: z.string().openapi({ example: "quiz-v1" }),
  usage: z.object({
    total_tokens: z.number().int(),
    prompt_tokens: z.number().int(),
    completion_tokens: z.number().int(),
    requests: z.number().int(),
  }),
  counts: CountsSchema,
  seed: z.number().int().openapi({ description: "Seed of the option order", example: 2718281828 }),
  job_id: z.string().nullable(),
  published_at: z.string().nullable().openapi({ example: null }),
  created_at: z.string().openapi({ example: "2026-11-24T03:00:00.000Z" }),
  updated_at: z.string().openapi({ example: "2026-11-24T03:00:00.000Z" }),
};

export const QuizSchema = z
  .object({
    ...summaryFields,
    questions: z.array(QuizQuestionSchema),
    rejected: z.array(RejectedQuestionSchema).openapi({ description: "Questions the checks rejected, with reasons" }),
  })
  .openapi("Quiz");
export type QuizResponse = z.infer<typeof QuizSchema>;

export const QuizSummarySchema = z
  .object({ ...summaryFields, question_count: z.number().int().openapi({ example: 10 }) })
  .openapi("QuizSummary");

export const QuizListSchema = z
  .object({ items: z.array(QuizSummarySchema), next_cursor: z.string().nullable() })
  .openapi("QuizList");

export function questionResponse(question: StoredQuestion, currentTranscriptId: string | null) {
  return {
    id: question.id,
    position: question.position,
    type: question.type,
    stem: question.stem,
    options: question.options,
    accepted_answers: question.acceptedAnswers,
    explanation: question.explanation,
    difficulty: question.difficulty,
    bloom_level: question.bloomLevel,
    evidence: question.evidence,
    checks: currentChecks(question, currentTranscriptId),
    origin: question.origin,
  };
}

export function summaryFieldsOf(quiz: LoadedQuiz["quiz"], evidenceStale: boolean) {
  return {
    id: quiz.id,
    project_id: quiz.projectId,
    asset_id: quiz.assetId,
    transcript_id: quiz.transcriptId,
    evidence_stale: evidenceStale,
    title: quiz.title,
    language: quiz.language,
    status: quiz.status,
    parameters: quiz.parameters,
    model: quiz.model,
    prompt_version: quiz.promptVersion,
    usage: quiz.usage,
    counts: quiz.counts,
    seed: quiz.seed,
    job_id: quiz.jobId,
    published_at: quiz.publishedAt,
    created_at: quiz.createdAt,
    updated_at: quiz.updatedAt,
  };
}

export function quizResponse(loaded: LoadedQuiz): QuizResponse {
  const current = loaded.currentTranscriptId;
  return QuizSchema.parse({
    ...summaryFieldsOf(
      loaded.quiz,
      loaded.questions.some((q) => isStale(q, current)),
    ),
    questions: loaded.questions.map((q) => questionResponse(q, current)),
    rejected: loaded.rejected.map((q) => ({ ...questionResponse(q, current), reasons: q.reasons ?? [] })),
  });
}
