import { z } from "@hono/zod-openapi";
import { QUESTION_LIMITS } from "../../../container/src/quiz/question";
import { LEARNER_TOKEN_MAX_TTL_SECONDS } from "../../auth/learner-token";
import type { LearnerQuestion } from "../../quizzes/attempt-questions";
import type { StoredAttempt } from "../../quizzes/attempt-store";
import { QuestionTypeSchema, QuizParamsSchema } from "../quizzes/schema";

const pathId = (name: string, example: string) =>
  z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name, in: "path" }, example });

export const AttemptParamsSchema = QuizParamsSchema.extend({
  attempt_id: pathId("attempt_id", "0d9c8b7a-6f5e-4d3c-2b1a-0f9e8d7c6b5a"),
});
export const AnswerParamsSchema = AttemptParamsSchema.extend({
  question_id: pathId("question_id", "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d"),
});

export const LearnerIdSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[^\p{Cc}]+$/u, "No control characters")
  .openapi({ description: "The app's own, opaque id for the learner", example: "learner-42" });

export const IdempotencyHeadersSchema = z.object({
  "idempotency-key": z
    .string()
    .min(1)
    .max(255)
    .optional()
    .openapi({
      param: { name: "idempotency-key", in: "header" },
      description: "A retry with the same key never makes a second attempt",
      example: "start-7f3a",
    }),
});

export const CreateLearnerTokenRequestSchema = z
  .strictObject({
    learner_id: LearnerIdSchema,
    expires_in: z
      .number()
      .int()
      .min(60)
      .max(LEARNER_TOKEN_MAX_TTL_SECONDS)
      .optional()
      .openapi({ description: "Lifetime in seconds, 60 to 86400 (default 3600)", example: 3600 }),
  })
  .openapi("CreateLearnerTokenRequest");

export const LearnerTokenSchema = z
  .object({
    token: z.string().openapi({
      description: "Send as `Authorization: Bearer` or, on media reads, as `?token=`",
      example: "elt_eyJwdXJwb3NlIjoibGVhcm5lciIsImV4cCI6MTc5NTQ5ODQwMH0.3q2-7wX0i0yQ6q9G1qk6yXk2H1o3b0gq2ZbYqfV9c8E",
    }),
    project_id: z.string().openapi({ example: "lesson-app" }),
    quiz_id: z.string().openapi({ example: "5b0c1f3e-9d2a-4c6b-8e7f-1a2b3c4d5e6f" }),
    learner_id: z.string().openapi({ example: "learner-42" }),
    expires_at: z.iso.datetime().openapi({ example: "2026-12-06T16:00:00.000Z" }),
    expires_in: z.number().int().openapi({ example: 3600 }),
  })
  .openapi("LearnerToken");

export const StartAttemptRequestSchema = z
  .strictObject({
    learner_id: LearnerIdSchema.optional().openapi({
      description: "Required with a project key; with a learner token it is the token's learner",
    }),
  })
  .openapi("StartAttemptRequest");

const WindowSchema = z.object({
  start: z.number().openapi({ example: 203.5 }),
  end: z.number().openapi({ example: 214.25 }),
});

const LearnerQuestionSchema = z
  .object({
    id: z.string(),
    type: QuestionTypeSchema,
    stem: z.string().openapi({ example: "Which of these does photosynthesis need?" }),
    options: z.array(z.object({ id: z.string().openapi({ example: "o2" }), text: z.string() })).openapi({
      description: "Shuffled for this attempt (the same order on every read); empty for short_answer",
    }),
    cue: WindowSchema.nullable().openapi({ description: "The lesson moment the question belongs to" }),
  })
  .openapi("LearnerQuestion");

export const GivenAnswerSchema = z
  .union([
    z.strictObject({
      option_ids: z.array(z.string().min(1).max(32)).min(1).max(QUESTION_LIMITS.options),
    }),
    z.strictObject({ text: z.string().max(QUESTION_LIMITS.answerText) }),
  ])
  .openapi("GivenAnswer", {
    description:
      "`{option_ids}` for choice questions (one id for multiple_choice and true_false), `{text}` for short_answer",
    example: { option_ids: ["o2"] },
  });

export const AttemptStartSchema = z
  .object({
    attempt_id: z.string().openapi({ example: "0d9c8b7a-6f5e-4d3c-2b1a-0f9e8d7c6b5a" }),
    quiz_version: z.number().int().openapi({ example: 1 }),
    questions: z.array(LearnerQuestionSchema),
    started_at: z.iso.datetime(),
  })
  .openapi("AttemptStart");

export const AttemptResultSchema = z
  .object({
    score: z.number().openapi({ example: 3.5 }),
    max_score: z.number().int().openapi({ example: 4 }),
    percent: z.number().openapi({ example: 87.5 }),
    results: z.array(
      z.object({
        question_id: z.string(),
        correct: z.boolean(),
        credit: z.number().openapi({ description: "Points earned, 0 to 1 (partial for multiple_response)" }),
        given: GivenAnswerSchema.nullable().openapi({ description: "Null when unanswered" }),
        correct_answer: z.union([
          z.object({ option_ids: z.array(z.string()) }),
          z.object({ accepted_answers: z.array(z.string()) }),
        ]),
        explanation: z.string(),
        review: WindowSchema.extend({
          clip_url: z.string().optional().openapi({ description: "A clip of the moment, once rendered" }),
        })
          .nullable()
          .openapi({ description: "The lesson moment that explains the answer; null without evidence" }),
      }),
    ),
  })
  .openapi("AttemptResult");

const attemptSummaryFields = {
  attempt_id: z.string(),
  quiz_id: z.string(),
  learner_id: z.string(),
  quiz_version: z.number().int(),
  status: z.enum(["in_progress", "submitted"]),
  score: z.number().nullable().openapi({ description: "Null until submitted" }),
  max_score: z.number().int(),
  percent: z.number().nullable(),
  started_at: z.iso.datetime(),
  submitted_at: z.iso.datetime().nullable(),
};

export const AttemptSummarySchema = z.object(attemptSummaryFields).openapi("AttemptSummary");

export const AttemptListSchema = z.object({ items: z.array(AttemptSummarySchema) }).openapi("AttemptList");

export const AttemptSchema = z
  .object({
    ...attemptSummaryFields,
    questions: z.array(LearnerQuestionSchema),
    answers: z.array(z.object({ question_id: z.string(), given: GivenAnswerSchema })),
    result: AttemptResultSchema.nullable(),
  })
  .openapi("Attempt");

export function attemptSummary(attempt: StoredAttempt): z.infer<typeof AttemptSummarySchema> {
  return {
    attempt_id: attempt.id,
    quiz_id: attempt.quizId,
    learner_id: attempt.learnerId,
    quiz_version: attempt.version,
    status: attempt.status,
    score: attempt.result?.score ?? null,
    max_score: attempt.maxScore,
    percent: attempt.result?.percent ?? null,
    started_at: attempt.startedAt,
    submitted_at: attempt.submittedAt,
  };
}

export const startResponse = (attempt: StoredAttempt, questions: LearnerQuestion[]) =>
  AttemptStartSchema.parse({
    attempt_id: attempt.id,
    quiz_version: attempt.version,
    questions,
    started_at: attempt.startedAt,
  });
