import { z } from "zod";
import { BLOOM_LEVELS, QUESTION_DIFFICULTIES, QUESTION_TYPES } from "../../quiz/question";

/** What the generation call must answer. Types only: everything else is the deterministic checks' job. */
export const ModelQuestionSchema = z.object({
  type: z.enum(QUESTION_TYPES),
  stem: z.string(),
  options: z.array(z.object({ text: z.string(), correct: z.boolean() })),
  accepted_answers: z.array(z.string()),
  explanation: z.string(),
  difficulty: z.enum(QUESTION_DIFFICULTIES),
  bloom_level: z.enum(BLOOM_LEVELS),
  evidence: z.object({ segment_indices: z.array(z.number().int()), quote: z.string() }),
});
export const ModelQuizAnswerSchema = z.object({ questions: z.array(ModelQuestionSchema) });
export type ModelQuestion = z.infer<typeof ModelQuestionSchema>;

/** What the verification call must answer: the letters it chooses, or its own short answer. */
export const ModelVerdictSchema = z.object({
  answerable: z.boolean(),
  choices: z.array(z.string()),
  answer_text: z.string(),
});
export type ModelVerdict = z.infer<typeof ModelVerdictSchema>;

const closed = <P extends Record<string, unknown>>(properties: P) =>
  ({ type: "object", additionalProperties: false, required: Object.keys(properties), properties }) as const;

/**
 * The two answers as JSON Schemas for `response_format: {type:"json_schema", strict:true}`: every property
 * required and `additionalProperties: false` on each object, as strict mode demands.
 */
export const QUIZ_ANSWER_JSON_SCHEMA = closed({
  questions: {
    type: "array",
    items: closed({
      type: { type: "string", enum: [...QUESTION_TYPES] },
      stem: { type: "string", description: "The question, or the statement for true_false" },
      options: { type: "array", items: closed({ text: { type: "string" }, correct: { type: "boolean" } }) },
      accepted_answers: { type: "array", items: { type: "string" } },
      explanation: { type: "string" },
      difficulty: { type: "string", enum: [...QUESTION_DIFFICULTIES] },
      bloom_level: { type: "string", enum: [...BLOOM_LEVELS] },
      evidence: closed({
        segment_indices: { type: "array", items: { type: "integer" }, description: "#numbers of the cited lines" },
        quote: { type: "string", description: "Verbatim words from the cited lines" },
      }),
    }),
  },
});

export const QUIZ_VERDICT_JSON_SCHEMA = closed({
  answerable: { type: "boolean", description: "False when the excerpt does not give the answer" },
  choices: { type: "array", items: { type: "string" }, description: "Letters of the chosen options" },
  answer_text: { type: "string", description: "The answer, for questions without options" },
});

export const QUIZ_SCHEMA_NAMES = { generation: "quiz_questions", verification: "quiz_answer" } as const;
