import { describe, expect, it } from "vitest";
import {
  answerCredit,
  normaliseAnswer,
  shortAnswerMatches,
  withinOneEdit,
} from "../../../worker/quizzes/answer-scoring";
import type { VersionQuestion } from "../../../worker/quizzes/quiz-versions";

const question = (type: VersionQuestion["type"], correct: string[], all: string[], accepted: string[] = []) =>
  ({
    id: "q",
    position: 1,
    type,
    stem: "?",
    options: all.map((id) => ({ id, text: id, correct: correct.includes(id) })),
    accepted_answers: accepted,
    explanation: "",
    evidence: null,
  }) satisfies VersionQuestion;

describe("answer scoring", () => {
  it("multiple choice and true/false are all or nothing", () => {
    const mc = question("multiple_choice", ["b"], ["a", "b", "c"]);
    expect(answerCredit(mc, { option_ids: ["b"] })).toBe(1);
    expect(answerCredit(mc, { option_ids: ["a"] })).toBe(0);
    expect(answerCredit(mc, null)).toBe(0);
    const tf = question("true_false", ["f"], ["t", "f"]);
    expect(answerCredit(tf, { option_ids: ["f"] })).toBe(1);
    expect(answerCredit(tf, { option_ids: ["t"] })).toBe(0);
  });

  it("multiple response: (right chosen - wrong chosen) / number right, floored at 0", () => {
    const mr = question("multiple_response", ["a", "b", "c"], ["a", "b", "c", "d", "e"]);
    expect(answerCredit(mr, { option_ids: ["a", "b", "c"] })).toBe(1);
    expect(answerCredit(mr, { option_ids: ["a", "b"] })).toBe(2 / 3);
    expect(answerCredit(mr, { option_ids: ["a", "b", "c", "d"] })).toBe(2 / 3);
    expect(answerCredit(mr, { option_ids: ["a", "d"] })).toBe(0);
    expect(answerCredit(mr, { option_ids: ["a", "d", "e"] })).toBe(0);
    expect(answerCredit(mr, { option_ids: ["d"] })).toBe(0);
    const two = question("multiple_response", ["a", "b"], ["a", "b", "c", "d"]);
    expect(answerCredit(two, { option_ids: ["a"] })).toBe(0.5);
  });

  it("short answers ignore case, whitespace, punctuation and accents", () => {
    expect(normaliseAnswer("  Crème   Brûlée! ")).toBe("creme brulee");
    expect(normaliseAnswer("Carbon-dioxide.")).toBe("carbon dioxide");
    expect(shortAnswerMatches("CARBON   dioxide", ["carbon dioxide"])).toBe(true);
    expect(shortAnswerMatches("Água", ["agua"])).toBe(true);
    expect(shortAnswerMatches("", ["water"])).toBe(false);
    expect(shortAnswerMatches("...", ["water"])).toBe(false);
  });

  it("one typo (Damerau: insertion, deletion, substitution or adjacent swap) only in answers of six letters or more", () => {
    expect(shortAnswerMatches("chlorophyl", ["chlorophyll"])).toBe(true);
    expect(shortAnswerMatches("chlorophylll", ["chlorophyll"])).toBe(true);
    expect(shortAnswerMatches("chlorophull", ["chlorophyll"])).toBe(true);
    expect(shortAnswerMatches("chloropyhll", ["chlorophyll"])).toBe(true);
    expect(shortAnswerMatches("chlorphyl", ["chlorophyll"])).toBe(false);
    expect(shortAnswerMatches("oxygne", ["oxygen"])).toBe(true);
    expect(shortAnswerMatches("wtaer", ["water"])).toBe(false);
    expect(shortAnswerMatches("wate", ["water"])).toBe(false);
    expect(shortAnswerMatches("water", ["water"])).toBe(true);
    expect(withinOneEdit("abcd", "abdc")).toBe(true);
    expect(withinOneEdit("abcd", "badc")).toBe(false);
    expect(withinOneEdit("abc", "abcde")).toBe(false);
    const sa = question("short_answer", [], [], ["Glucose", "sugar"]);
    expect(answerCredit(sa, { text: "glucsoe" })).toBe(1);
    expect(answerCredit(sa, { text: "Sugar." })).toBe(1);
    expect(answerCredit(sa, { text: "sugr" })).toBe(0);
  });
});
