/** Whether a question's options (or accepted answers) are well formed for its type. Runtime-neutral. */
import type { FieldIssue } from "./evidence";
import { QUESTION_LIMITS, type QuestionType, TRUE_FALSE_TEXTS } from "./question";
import { normalizeText } from "./text-match";

export interface AnswerShape {
  type: QuestionType;
  options: readonly { id?: string; text: string; correct: boolean }[];
  accepted_answers: readonly string[];
}

/** Option counts each type allows. */
export const OPTION_COUNTS: Record<QuestionType, { min: number; max: number }> = {
  multiple_choice: { min: 3, max: 5 },
  multiple_response: { min: 2, max: QUESTION_LIMITS.options },
  true_false: { min: 2, max: 2 },
  short_answer: { min: 0, max: 0 },
};

const issue = (path: string, message: string, code: string): FieldIssue => ({ path, message, code });

function duplicates(texts: readonly string[]): number[] {
  const seen = new Map<string, number>();
  const repeated: number[] = [];
  texts.forEach((text, i) => {
    const key = normalizeText(text);
    if (seen.has(key)) repeated.push(i);
    else seen.set(key, i);
  });
  return repeated;
}

function choiceIssues(shape: AnswerShape): FieldIssue[] {
  const { type, options } = shape;
  const issues: FieldIssue[] = [];
  const { min, max } = OPTION_COUNTS[type];
  if (options.length < min || options.length > max) {
    const wanted = min === max ? `exactly ${min}` : `${min} to ${max}`;
    issues.push(issue("options", `A ${type} question needs ${wanted} options, not ${options.length}`, "option_count"));
  }
  options.forEach((option, i) => {
    if (!option.text.trim()) issues.push(issue(`options.${i}.text`, "An option needs text", "empty_option"));
  });
  for (const i of duplicates(options.map((o) => o.text))) {
    issues.push(issue(`options.${i}.text`, "Two options say the same thing", "duplicate_option"));
  }
  const ids = options.flatMap((o) => (o.id === undefined ? [] : [o.id]));
  if (new Set(ids).size !== ids.length)
    issues.push(issue("options", "Option ids must be unique", "duplicate_option_id"));
  const correct = options.filter((o) => o.correct).length;
  if (type === "multiple_response") {
    if (correct < 1) issues.push(issue("options", "Mark at least one option correct", "no_correct_option"));
  } else if (correct !== 1) {
    issues.push(
      issue(
        "options",
        correct === 0 ? "Mark exactly one option correct" : `Exactly one option may be correct, not ${correct}`,
        correct === 0 ? "no_correct_option" : "several_correct_options",
      ),
    );
  }
  if (type === "true_false") {
    const texts = [...options.map((o) => o.text.trim())].sort();
    if (texts.join("|") !== [...TRUE_FALSE_TEXTS].sort().join("|")) {
      issues.push(issue("options", 'A true_false question has exactly the options "True" and "False"', "true_false"));
    }
  }
  if (shape.accepted_answers.length > 0) {
    issues.push(issue("accepted_answers", `Only short_answer questions have accepted answers`, "unexpected"));
  }
  return issues;
}

function shortAnswerIssues(shape: AnswerShape): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const answers = shape.accepted_answers;
  if (shape.options.length > 0) {
    issues.push(issue("options", "A short_answer question has accepted answers instead of options", "unexpected"));
  }
  if (answers.length < 1 || answers.length > QUESTION_LIMITS.acceptedAnswers) {
    issues.push(
      issue(
        "accepted_answers",
        `A short_answer question needs 1 to ${QUESTION_LIMITS.acceptedAnswers} accepted answers, not ${answers.length}`,
        "answer_count",
      ),
    );
  }
  answers.forEach((answer, i) => {
    if (!normalizeText(answer)) issues.push(issue(`accepted_answers.${i}`, "An accepted answer needs text", "empty"));
  });
  for (const i of duplicates(answers)) {
    issues.push(issue(`accepted_answers.${i}`, "The same answer is accepted twice", "duplicate_answer"));
  }
  return issues;
}

/** Every problem with the question's options or accepted answers, by field; empty when well formed. */
export function answerShapeIssues(shape: AnswerShape): FieldIssue[] {
  return shape.type === "short_answer" ? shortAnswerIssues(shape) : choiceIssues(shape);
}
