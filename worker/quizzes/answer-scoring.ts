/**
 * Scores one answer against a question of a quiz version, as credit between 0 and 1. Multiple choice and
 * true/false are all-or-nothing; multiple response earns (correct chosen - wrong chosen) / number correct,
 * floored at 0; a short answer matches an accepted answer after normalising, with one typo allowed in answers
 * longer than five letters (optimal string alignment distance 1: one insertion, deletion, substitution, or swap
 * of two adjacent letters).
 */
import type { VersionQuestion } from "./quiz-versions";

export type GivenAnswer = { option_ids: string[] } | { text: string };

/** Case, accents, punctuation and runs of whitespace do not count. */
export function normaliseAnswer(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[\p{P}\p{S}]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const TYPO_MIN_LETTERS = 6;

/** True when `a` and `b` are at most one edit apart, an adjacent swap counting as one edit. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
  return longer.slice(i + 1) === shorter.slice(i);
}

export function shortAnswerMatches(given: string, accepted: readonly string[]): boolean {
  const answer = normaliseAnswer(given);
  if (answer === "") return false;
  return accepted.some((candidate) => {
    const key = normaliseAnswer(candidate);
    if (answer === key) return true;
    return key.replaceAll(" ", "").length >= TYPO_MIN_LETTERS && withinOneEdit(answer, key);
  });
}

export function answerCredit(question: VersionQuestion, given: GivenAnswer | null): number {
  if (given === null) return 0;
  if ("text" in given) return shortAnswerMatches(given.text, question.accepted_answers) ? 1 : 0;
  const correct = new Set(question.options.filter((o) => o.correct).map((o) => o.id));
  if (question.type !== "multiple_response")
    return given.option_ids.length === 1 && correct.has(given.option_ids[0]!) ? 1 : 0;
  const right = given.option_ids.filter((id) => correct.has(id)).length;
  const wrong = given.option_ids.length - right;
  return correct.size === 0 ? 0 : Math.max(0, right - wrong) / correct.size;
}
