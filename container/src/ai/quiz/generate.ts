import type { TimedText } from "../../quiz/evidence";
import type { QuestionType } from "../../quiz/question";
import type { QuizWindow } from "../../quiz/windows";
import type { OpenAIHandle } from "../openai-client";
import { QUIZ_PROMPTS, type QuizPromptVersion } from "./prompt";
import { type ModelQuestion, ModelQuizAnswerSchema, QUIZ_ANSWER_JSON_SCHEMA, QUIZ_SCHEMA_NAMES } from "./schema";
import { type CallLedger, type Log, structuredCall } from "./structured-call";

export interface QuizRequest {
  segments: readonly TimedText[];
  types: readonly QuestionType[];
  difficulty: "easy" | "medium" | "hard" | "mixed";
  language: string;
  transcriptLanguage: string | null;
  focus?: string;
  audience?: string;
  model: string;
  promptVersion: QuizPromptVersion;
}

export interface CallDeps {
  openai: OpenAIHandle;
  signal?: AbortSignal;
  ledger: CallLedger;
  log: Log;
}

/**
 * Asks for `count` questions about one window of the lesson. An answer with more questions than asked is cut to
 * `count`; fewer is accepted (the caller tops up in its second round).
 */
export async function generateWindow(
  request: QuizRequest,
  window: QuizWindow & { count: number },
  round: { number: number; questions: number; avoid: readonly string[] },
  deps: CallDeps,
): Promise<{ questions: ModelQuestion[]; requestId: string | null }> {
  const prompt = QUIZ_PROMPTS[request.promptVersion].generation({
    window: { index: window.index, count: window.count, start: window.start, end: window.end },
    lines: window.segmentIndices.map((i) => [i, request.segments[i]!] as const),
    questions: round.questions,
    types: request.types,
    difficulty: request.difficulty,
    language: request.language,
    transcriptLanguage: request.transcriptLanguage,
    focus: request.focus,
    audience: request.audience,
    round: round.number,
    avoid: round.avoid,
  });
  const { value, requestId } = await structuredCall(
    {
      what: "Quiz generation",
      model: request.model,
      prompt,
      schemaName: QUIZ_SCHEMA_NAMES.generation,
      jsonSchema: QUIZ_ANSWER_JSON_SCHEMA,
      answerSchema: ModelQuizAnswerSchema,
      temperature: 0.4,
    },
    deps,
  );
  return { questions: value.questions.slice(0, round.questions), requestId };
}
