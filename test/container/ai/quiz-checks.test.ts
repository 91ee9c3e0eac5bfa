// The deterministic quiz checks (container/src/quiz), pure functions shared by the service and the Worker.
import { describe, expect, it } from "vitest";
import { checkQuestion, type QuestionUnderCheck } from "../../../container/src/quiz/checks";
import { duplicateCheck } from "../../../container/src/quiz/duplicates";
import { checkEvidence } from "../../../container/src/quiz/evidence";
import { flawChecks } from "../../../container/src/quiz/flaws";
import { answerShapeIssues } from "../../../container/src/quiz/options";
import { rejectionReasons } from "../../../container/src/quiz/question";
import { arrangeOptions } from "../../../container/src/quiz/shuffle";
import { normalizeText, shortAnswerMatches } from "../../../container/src/quiz/text-match";
import { planWindows, spreadQuestions } from "../../../container/src/quiz/windows";

const segments = [
  { start: 0, end: 4, text: "Welcome to today's lesson about plants." },
  { start: 4, end: 9.5, text: "Photosynthesis needs light, water and carbon dioxide." },
  { start: 9.5, end: 14, text: "The leaves turn those inputs into sugar and oxygen." },
  { start: 20, end: 25, text: "Next week we will look at the roots." },
];

const mc = (overrides: Partial<QuestionUnderCheck> = {}): QuestionUnderCheck => ({
  type: "multiple_choice",
  stem: "Which of these is an input of photosynthesis?",
  options: [
    { id: "o1", text: "Water", correct: true },
    { id: "o2", text: "Sugar", correct: false },
    { id: "o3", text: "Oxygen", correct: false },
  ],
  accepted_answers: [],
  evidence: { segment_indices: [1], quote: "needs light, water and carbon dioxide" },
  ...overrides,
});

const names = (checks: { name: string; passed: boolean }[]) =>
  Object.fromEntries(checks.map((check) => [check.name, check.passed]));

describe("evidence", () => {
  it("accepts a quote after normalising case, punctuation, accents and whitespace, and derives the window", () => {
    const verdict = checkEvidence(
      { segment_indices: [2, 1], quote: "NEEDS light;   water and carbon-dioxide" },
      segments,
      null,
    );
    expect(names(verdict.checks)).toEqual({
      evidence_segments: true,
      evidence_in_range: true,
      quote_in_segments: true,
    });
    expect(verdict.window).toEqual({ start: 4, end: 14 });
    expect(checkEvidence({ segment_indices: [0], quote: "Welcome to todays lessón" }, segments, null).issues).toEqual(
      [],
    );
  });

  it("tolerates a word of transcription noise per six words, not invented text", () => {
    const noisy = "the leaves turn those imputs into sugar and oxygen";
    expect(checkEvidence({ segment_indices: [2], quote: noisy }, segments, null).issues).toEqual([]);
    const swapped = "the leaves turn those inputs into salt and oxygen";
    expect(checkEvidence({ segment_indices: [2], quote: swapped }, segments, null).issues).toEqual([]);
    const invented = checkEvidence(
      { segment_indices: [2], quote: "chlorophyll absorbs mostly red and blue light" },
      segments,
      null,
    );
    expect(invented.issues.map((i) => i.code)).toEqual(["quote_not_found"]);
    expect(invented.checks.find((c) => c.name === "quote_in_segments")?.detail).toBe(
      "The quote does not appear in the cited segments",
    );
    // A quote from another segment than the cited one is not evidence either.
    const elsewhere = checkEvidence(
      { segment_indices: [0], quote: "needs light, water and carbon dioxide" },
      segments,
      null,
    );
    expect(elsewhere.issues.map((i) => i.path)).toEqual(["evidence.quote"]);
  });

  it("rejects segments that do not exist, without checking what depends on them", () => {
    const verdict = checkEvidence({ segment_indices: [1, 7], quote: "needs light" }, segments, null);
    expect(verdict.checks).toEqual([
      expect.objectContaining({
        name: "evidence_segments",
        passed: false,
        detail: expect.stringContaining("segment 7"),
      }),
    ]);
    expect(verdict.issues).toEqual([
      expect.objectContaining({ path: "evidence.segment_indices", code: "unknown_segment" }),
    ]);
    expect(checkEvidence({ segment_indices: [], quote: "x" }, segments, null).issues[0]?.code).toBe("unknown_segment");
  });

  it("rejects segments outside the requested range; a segment overlapping it counts as inside", () => {
    const outside = checkEvidence({ segment_indices: [3], quote: "look at the roots" }, segments, {
      start: 0,
      end: 15,
    });
    expect(names(outside.checks)).toMatchObject({ evidence_in_range: false, quote_in_segments: true });
    expect(outside.issues[0]).toMatchObject({ path: "evidence.segment_indices", code: "out_of_range" });
    const overlap = checkEvidence({ segment_indices: [2], quote: "into sugar and oxygen" }, segments, {
      start: 12,
      end: 30,
    });
    expect(overlap.issues).toEqual([]);
  });

  it("requires a given start and end to be the cited segments' window", () => {
    const verdict = checkEvidence(
      { segment_indices: [1], quote: "needs light, water and", start: 4, end: 12 },
      segments,
      null,
    );
    expect(verdict.issues).toEqual([expect.objectContaining({ path: "evidence.end", code: "window_mismatch" })]);
  });
});

describe("options", () => {
  it("multiple choice: 3-5 distinct options, exactly one correct", () => {
    expect(answerShapeIssues(mc())).toEqual([]);
    const none = mc({ options: mc().options.map((o) => ({ ...o, correct: false })) });
    expect(answerShapeIssues(none)).toEqual([expect.objectContaining({ path: "options", code: "no_correct_option" })]);
    const two = mc({ options: mc().options.map((o, i) => ({ ...o, correct: i < 2 })) });
    expect(answerShapeIssues(two)[0]?.code).toBe("several_correct_options");
    const twoOptions = mc({ options: mc().options.slice(0, 2) });
    expect(answerShapeIssues(twoOptions)[0]?.code).toBe("option_count");
    const same = mc({ options: [...mc().options.slice(0, 2), { id: "o3", text: " water! ", correct: false }] });
    expect(answerShapeIssues(same)).toEqual([
      expect.objectContaining({ path: "options.2.text", code: "duplicate_option" }),
    ]);
  });

  it("multiple response needs a correct option; true/false exactly True and False; short answers 1-10", () => {
    const mr = mc({ type: "multiple_response", options: mc().options.map((o) => ({ ...o, correct: false })) });
    expect(answerShapeIssues(mr)[0]?.code).toBe("no_correct_option");
    expect(answerShapeIssues({ ...mr, options: mr.options.map((o) => ({ ...o, correct: true })) })).toEqual([]);
    const tf = (texts: string[]) =>
      answerShapeIssues({
        type: "true_false",
        accepted_answers: [],
        options: texts.map((text, i) => ({ text, correct: i === 0 })),
      });
    expect(tf(["True", "False"])).toEqual([]);
    expect(tf(["Yes", "No"])[0]?.code).toBe("true_false");
    const sa = (answers: string[], options: { text: string; correct: boolean }[] = []) =>
      answerShapeIssues({ type: "short_answer", options, accepted_answers: answers });
    expect(sa(["water"])).toEqual([]);
    expect(sa([])[0]?.code).toBe("answer_count");
    expect(sa(Array.from({ length: 11 }, (_, i) => `a${i}`))[0]?.code).toBe("answer_count");
    expect(sa(["water", "Water."])[0]?.code).toBe("duplicate_answer");
    expect(sa(["water"], [{ text: "x", correct: true }])[0]?.path).toBe("options");
  });
});

describe("duplicates and item-writing flaws", () => {
  const earlier = [{ stem: "Which of these is an input of photosynthesis?", label: "question 1" }];

  it("catches the same normalised stem and near-duplicates", () => {
    expect(duplicateCheck("which of these is an INPUT of photosynthesis", earlier)).toMatchObject({
      passed: false,
      detail: "Repeats question 1",
    });
    const near = duplicateCheck("Which one of these is an input of photosynthesis?", earlier);
    expect(near).toMatchObject({ passed: false, detail: expect.stringMatching(/^Nearly repeats question 1 \(\d+ %/) });
    expect(duplicateCheck("What do the leaves make from the inputs?", earlier).passed).toBe(true);
  });

  it("flags all/none of the above, a giveaway long key and an unemphasised negation, without rejecting", () => {
    const flawed = mc({
      stem: "Which of these is not an output of photosynthesis?",
      options: [
        { id: "o1", text: "Water, which the roots take up from the soil every day", correct: true },
        { id: "o2", text: "Sugar", correct: false },
        { id: "o3", text: "None of the above", correct: false },
      ],
    });
    const checks = flawChecks(flawed);
    expect(names(checks)).toEqual({
      flaw_negated_stem: false,
      flaw_all_none_of_the_above: false,
      flaw_longest_option_correct: false,
    });
    expect(checks.every((c) => c.severity === "warning")).toBe(true);
    expect(names(flawChecks(mc({ stem: "Which of these is NOT an output of photosynthesis?" })))).toMatchObject({
      flaw_negated_stem: true,
    });
    expect(names(flawChecks(mc({ stem: "Which is *not* an output?" })))).toMatchObject({ flaw_negated_stem: true });
    const verdict = checkQuestion(flawed, { segments, range: null, earlier: [] });
    expect(rejectionReasons(verdict.checks)).toEqual([]);
  });
});

describe("checkQuestion", () => {
  it("lists every verdict; the failed error checks become rejection reasons with field issues", () => {
    const verdict = checkQuestion(
      mc({
        type: "short_answer",
        options: [],
        accepted_answers: [],
        evidence: { segment_indices: [1], quote: "moon" },
      }),
      { segments, range: null, allowedTypes: ["multiple_choice"], earlier: [] },
    );
    expect(rejectionReasons(verdict.checks).map((r) => r.check)).toEqual([
      "type_requested",
      "options_well_formed",
      "quote_in_segments",
    ]);
    expect(verdict.issues.map((i) => i.path)).toEqual(["type", "accepted_answers", "evidence.quote"]);
    const clean = checkQuestion(mc(), { segments, range: null, earlier: [] });
    expect(clean.issues).toEqual([]);
    expect(clean.evidence).toEqual({
      segment_indices: [1],
      start: 4,
      end: 9.5,
      quote: "needs light, water and carbon dioxide",
    });
  });

  it("flags a question without evidence instead of rejecting it (teacher-written questions)", () => {
    const verdict = checkQuestion(mc({ evidence: null }), { segments, range: null, earlier: [] });
    expect(verdict.issues).toEqual([]);
    expect(verdict.checks).toContainEqual(
      expect.objectContaining({ name: "evidence_present", passed: false, severity: "warning" }),
    );
  });
});

describe("text matching", () => {
  it("normalises and accepts one typo in answers longer than five letters", () => {
    expect(normalizeText("  Crème   Brûlée! ")).toBe("creme brulee");
    expect(shortAnswerMatches("Photosynthesys", "photosynthesis")).toBe(true);
    expect(shortAnswerMatches("wter", "water")).toBe(false);
    expect(shortAnswerMatches("WATER.", "water")).toBe(true);
    expect(shortAnswerMatches("photosinthesys", "photosynthesis")).toBe(false);
  });
});

describe("option order", () => {
  it("spreads multiple-choice keys over the positions and is stable for a seed", () => {
    const questions = Array.from({ length: 20 }, (_, i) => ({
      type: "multiple_choice" as const,
      options: ["k", "a", "b", "c"].map((text, j) => ({ text: `${text}${i}`, correct: j === 0 })),
    }));
    const arranged = arrangeOptions(questions, 1234);
    const positions = arranged.map((q) => q.options.findIndex((o) => o.correct));
    expect([0, 1, 2, 3].map((p) => positions.filter((x) => x === p).length)).toEqual([5, 5, 5, 5]);
    expect(arrangeOptions(questions, 1234)).toEqual(arranged);
    expect(arrangeOptions(questions, 99).map((q) => q.options.findIndex((o) => o.correct))).not.toEqual(positions);
    const tf = arrangeOptions(
      [
        {
          type: "true_false" as const,
          options: [
            { text: "False", correct: true },
            { text: "True", correct: false },
          ],
        },
      ],
      1,
    );
    expect(tf[0]!.options.map((o) => o.text)).toEqual(["True", "False"]);
  });
});

describe("windows", () => {
  it("covers an hour with windows of about ten minutes and shares questions by how much is said", () => {
    const hour = Array.from({ length: 720 }, (_, i) => ({
      start: i * 5,
      end: i * 5 + 4.5,
      text: `Sentence number ${i}.`,
    }));
    const windows = planWindows(hour, null, { numQuestions: 20, windowSeconds: 600 });
    expect(windows).toHaveLength(6);
    expect(windows.map((w) => w.questions).reduce((a, b) => a + b)).toBe(20);
    expect(Math.min(...windows.map((w) => w.questions))).toBeGreaterThanOrEqual(3);
    expect(windows[0]!.start).toBe(0);
    expect(windows.at(-1)!.end).toBe(3599.5);
    expect(windows.flatMap((w) => w.segmentIndices)).toHaveLength(720);
    expect(planWindows(hour, { start: 600, end: 900 }, { numQuestions: 5, windowSeconds: 600 })).toEqual([
      expect.objectContaining({ start: 600, end: 899.5, questions: 5 }),
    ]);
    expect(planWindows(hour, null, { numQuestions: 2, windowSeconds: 600 })).toHaveLength(2);
    expect(planWindows([{ start: 0, end: 1, text: "  " }], null, { numQuestions: 2, windowSeconds: 600 })).toEqual([]);
  });

  it("spreads a total by weight, largest remainder first", () => {
    expect(spreadQuestions(10, [1, 1, 2])).toEqual([3, 3, 4]);
    expect(spreadQuestions(10, [1, 1, 6])).toEqual([2, 2, 6]);
    expect(spreadQuestions(3, [0, 5, 0], 0)).toEqual([0, 3, 0]);
    expect(spreadQuestions(2, [1, 1, 1])).toEqual([1, 1, 0]);
  });
});
