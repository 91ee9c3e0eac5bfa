import { z } from "@hono/zod-openapi";
import { BLOOM_LEVELS, QUESTION_DIFFICULTIES, QUESTION_LIMITS } from "../../../container/src/quiz/question";
import { QUIZ_STATUSES } from "../../db/schema/quizzes";
import { QuestionTypeSchema } from "./schema";

const OptionInputSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_-]{0,31}$/, "Option ids start with a letter or '_' (they become QTI identifiers)")
    .optional()
    .openapi({ description: "Keep an option's id to keep it; new options get the next free o<n>", example: "o2" }),
  text: z.string().trim().min(1).max(QUESTION_LIMITS.optionText).openapi({ example: "Water" }),
  correct: z.boolean().openapi({ example: true }),
});

const EvidenceInputSchema = z
  .strictObject({
    segment_indices: z
      .array(z.number().int().min(0))
      .min(1)
      .max(QUESTION_LIMITS.citedSegments)
      .openapi({ example: [41] }),
    quote: z
      .string()
      .trim()
      .min(1)
      .max(QUESTION_LIMITS.quote)
      .openapi({ example: "needs light, water and carbon dioxide" }),
    start: z.number().min(0).optional().openapi({ description: "Optional; must be the cited segments' start" }),
    end: z.number().min(0).optional().openapi({ description: "Optional; must be the cited segments' end" }),
  })
  .openapi("QuizEvidenceInput", { description: "Checked against the video's current transcript" });

const fields = {
  stem: z
    .string()
    .trim()
    .min(1)
    .max(QUESTION_LIMITS.stem)
    .openapi({ example: "Which of these does photosynthesis need?" }),
  options: z.array(OptionInputSchema).max(QUESTION_LIMITS.options),
  accepted_answers: z
    .array(z.string().trim().min(1).max(QUESTION_LIMITS.answerText))
    .max(QUESTION_LIMITS.acceptedAnswers),
  explanation: z.string().trim().max(QUESTION_LIMITS.explanation),
  difficulty: z.enum(QUESTION_DIFFICULTIES),
  bloom_level: z.enum(BLOOM_LEVELS),
  evidence: EvidenceInputSchema.nullable(),
  position: z.number().int().min(1).openapi({ description: "1-based place among the quiz's questions", example: 1 }),
};

export const CreateQuestionBodySchema = z
  .strictObject({
    type: QuestionTypeSchema,
    stem: fields.stem,
    options: fields.options.default([]),
    accepted_answers: fields.accepted_answers.default([]),
    explanation: fields.explanation.default(""),
    difficulty: fields.difficulty.default("medium"),
    bloom_level: fields.bloom_level.default("remember"),
    evidence: fields.evidence.default(null),
    position: fields.position.optional(),
  })
  .openapi("CreateQuizQuestion");

export const UpdateQuestionBodySchema = z
  .strictObject({
    type: QuestionTypeSchema.optional(),
    stem: fields.stem.optional(),
    options: fields.options.optional(),
    accepted_answers: fields.accepted_answers.optional(),
    explanation: fields.explanation.optional(),
    difficulty: fields.difficulty.optional(),
    bloom_level: fields.bloom_level.optional(),
    evidence: fields.evidence.optional(),
    position: fields.position.optional(),
  })
  .openapi("UpdateQuizQuestion");

export const UpdateQuizBodySchema = z
  .strictObject({
    title: z.string().trim().min(1).max(200).optional().openapi({ example: "Photosynthesis, part 1" }),
    status: z.enum(QUIZ_STATUSES).optional().openapi({ description: "published makes the quiz available to learners" }),
  })
  .openapi("UpdateQuiz");
