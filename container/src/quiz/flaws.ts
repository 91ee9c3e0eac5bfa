/**
 * Item-writing flaws, flagged for the teacher (warning checks): they make a question worse, not wrong, so they
 * never reject one. Runtime-neutral.
 */
import type { AnswerShape } from "./options";
import type { Check } from "./question";
import { normalizeText } from "./text-match";

const ALL_OR_NONE = /^(all|none|both|neither) of (the )?(above|these|them|the options)$/;
/** A correct option this much longer than every distractor (and by this many characters) gives itself away. */
const LONG_RATIO = 1.5;
const LONG_MIN_EXTRA = 12;
const NEGATION = /\b(not|never|except|cannot)\b|n't\b/gi;
/** Emphasis a reader cannot miss: capitals, or markdown/HTML emphasis around the word. */
const EMPHASISED = /^[A-Z']+$/;

function allOrNone(shape: AnswerShape): Check {
  const hit = shape.options.find((o) => ALL_OR_NONE.test(normalizeText(o.text)));
  return {
    name: "flaw_all_none_of_the_above",
    passed: !hit,
    severity: "warning",
    detail: hit ? `"${hit.text}" lets a student answer by elimination` : 'No "all/none of the above" option',
  };
}

function longestCorrect(shape: AnswerShape): Check {
  const correct = shape.options.filter((o) => o.correct);
  const others = shape.options.filter((o) => !o.correct);
  const longestOther = Math.max(0, ...others.map((o) => o.text.trim().length));
  const giveaway = correct.find((o) => {
    const length = o.text.trim().length;
    return others.length > 0 && length > LONG_RATIO * longestOther && length - longestOther >= LONG_MIN_EXTRA;
  });
  return {
    name: "flaw_longest_option_correct",
    passed: !giveaway,
    severity: "warning",
    detail: giveaway
      ? `The correct option is much longer than the others (${giveaway.text.trim().length} vs at most ${longestOther} characters)`
      : "Options are of comparable length",
  };
}

function negatedStem(stem: string): Check {
  const plain = [...stem.matchAll(NEGATION)].filter((match) => {
    const before = stem.slice(Math.max(0, (match.index ?? 0) - 3), match.index);
    const after = stem.slice((match.index ?? 0) + match[0].length).slice(0, 3);
    const marked = /(\*|_|<(b|strong|em|u)>)$/i.test(before) && /^(\*|_|<\/)/.test(after);
    return !marked && !EMPHASISED.test(match[0]);
  });
  const word = plain[0]?.[0];
  return {
    name: "flaw_negated_stem",
    passed: !word,
    severity: "warning",
    detail: word
      ? `The stem is negated ("${word}") without emphasis; write it in capitals (NOT) or rephrase`
      : "The stem is not negated, or the negation is emphasised",
  };
}

/** The flaw checks that apply to the question's type. */
export function flawChecks(question: AnswerShape & { stem: string }): Check[] {
  const checks = [negatedStem(question.stem)];
  if (question.type === "multiple_choice" || question.type === "multiple_response") {
    checks.push(allOrNone(question), longestCorrect(question));
  }
  return checks;
}
