import type { QUIZ_DIFFICULTIES } from "../../container/src/protocol/quiz-contract";
import type { TimeRange } from "../../container/src/quiz/evidence";
import type { QuestionType } from "../../container/src/quiz/question";
import { sha256Hex } from "../bytes";

/** A generation request as resolved: defaults applied, types de-duplicated, a scene turned into its range. */
export interface QuizParameters {
  num_questions: number;
  question_types: QuestionType[];
  difficulty: (typeof QUIZ_DIFFICULTIES)[number];
  language: string;
  focus: string | null;
  audience: string | null;
  range: TimeRange | null;
  /** The scene the range came from, if the request named one. */
  scene_id: string | null;
  verify: boolean;
}

/**
 * SHA-256 of everything that changes a generation's answer, as a JSON array (fixed order, no separator a focus
 * text could forge). A scene and the same range written out are the same request.
 */
export function quizCacheKey(input: {
  transcriptId: string;
  parameters: QuizParameters;
  model: string;
  promptVersion: string;
}): Promise<string> {
  const p = input.parameters;
  return sha256Hex(
    JSON.stringify([
      "quiz",
      input.transcriptId,
      p.num_questions,
      [...p.question_types].sort(),
      p.difficulty,
      p.language,
      p.focus,
      p.audience,
      p.range ? [p.range.start, p.range.end] : null,
      p.verify,
      input.model,
      input.promptVersion,
    ]),
  );
}
