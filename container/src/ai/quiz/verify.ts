/**
 * The answerability check: a separate call answers the question from its cited excerpt alone, without the key.
 * A question whose key it does not choose is not supported by the moment it cites.
 */
import type { TimedText } from "../../quiz/evidence";
import type { Check, QuestionDraft } from "../../quiz/question";
import { shortAnswerMatches, wordsOf } from "../../quiz/text-match";
import type { CallDeps } from "./generate";
import { optionLabel, QUIZ_PROMPTS, type QuizPromptVersion } from "./prompt";
import { type ModelVerdict, ModelVerdictSchema, QUIZ_SCHEMA_NAMES, QUIZ_VERDICT_JSON_SCHEMA } from "./schema";
import { structuredCall } from "./structured-call";

export const NOT_ANSWERABLE = "Not answerable from the cited moment";

/** The cited segments' words in lesson order: all the checking call may see. */
export function excerptOf(question: QuestionDraft, segments: readonly TimedText[]): string {
  return (question.evidence?.segment_indices ?? [])
    .map((i) => segments[i]?.text.trim() ?? "")
    .filter(Boolean)
    .join(" ");
}

const contains = (answer: string, accepted: string) => {
  const haystack = ` ${wordsOf(answer).join(" ")} `;
  const needle = wordsOf(accepted).join(" ");
  return needle.length > 0 && haystack.includes(` ${needle} `);
};

/** Compares the checking call's answer with the key; the detail says what it chose. */
export function judgeVerdict(question: QuestionDraft, verdict: ModelVerdict): Check {
  const pass = (detail: string): Check => ({ name: "answerable", passed: true, severity: "error", detail });
  const fail = (why: string): Check => ({
    name: "answerable",
    passed: false,
    severity: "error",
    detail: `${NOT_ANSWERABLE}: ${why}`,
  });
  if (!verdict.answerable) return fail("the excerpt alone does not give the answer");
  if (question.type === "short_answer") {
    const given = verdict.answer_text.trim();
    const ok = question.accepted_answers.some((a) => shortAnswerMatches(given, a) || contains(given, a));
    return ok
      ? pass(`Answered "${given}" from the cited excerpt alone`)
      : fail(`the excerpt suggests "${given}", which is not an accepted answer`);
  }
  const labels = question.options.map((_, i) => optionLabel(i));
  const chosen = new Set(
    verdict.choices.map((c) =>
      c
        .trim()
        .toUpperCase()
        .replace(/[^A-Z]/g, ""),
    ),
  );
  const key = new Set(question.options.flatMap((o, i) => (o.correct ? [labels[i]!] : [])));
  const describe = (set: Set<string>) =>
    [...set]
      .sort()
      .map((label) => `${label} ("${question.options[labels.indexOf(label)]?.text ?? "?"}")`)
      .join(", ") || "nothing";
  const same = chosen.size === key.size && [...key].every((label) => chosen.has(label));
  return same
    ? pass(`Chose ${describe(chosen)} from the cited excerpt alone`)
    : fail(`from the excerpt alone the check chose ${describe(chosen)}, the key is ${describe(key)}`);
}

/** Runs the check for one question (options in the order given, labelled A, B, ...). */
export async function verifyQuestion(
  question: QuestionDraft,
  segments: readonly TimedText[],
  settings: { model: string; promptVersion: QuizPromptVersion },
  deps: CallDeps,
): Promise<Check> {
  const prompt = QUIZ_PROMPTS[settings.promptVersion].verification({
    excerpt: excerptOf(question, segments),
    stem: question.stem,
    type: question.type,
    options: question.options.map((o) => o.text),
  });
  const { value } = await structuredCall(
    {
      what: "Answerability check",
      model: settings.model,
      prompt,
      schemaName: QUIZ_SCHEMA_NAMES.verification,
      jsonSchema: QUIZ_VERDICT_JSON_SCHEMA,
      answerSchema: ModelVerdictSchema,
      temperature: 0,
    },
    deps,
  );
  return judgeVerdict(question, value);
}
