// Quiz generation in the media service against the fake OpenAI: prompts, checks, rejection reasons, the second
// round, windows over a long lesson, and failures.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AiError } from "../../../container/src/ai/errors";
import { createOpenAIClient } from "../../../container/src/ai/openai-client";
import { CURRENT_QUIZ_PROMPT_VERSION } from "../../../container/src/ai/quiz/prompt";
import { runQuiz } from "../../../container/src/ai/quiz/run-quiz";
import { QUIZ_ANSWER_JSON_SCHEMA, QUIZ_VERDICT_JSON_SCHEMA } from "../../../container/src/ai/quiz/schema";
import { type QuizOptions, QuizOptionsSchema, QuizResultSchema } from "../../../container/src/protocol/quiz-contract";
import { strictSchemaProblem } from "../../fake-openai/chat";
import { type FakeOpenAI, startFakeOpenAI } from "../../fake-openai/server";
import { TEST_KEY } from "./ai-fixtures";
import { lectureSegments, lessonSegments } from "./quiz-fixtures";

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI({ apiKey: TEST_KEY });
});
afterAll(() => fake?.stop());
beforeEach(() => fake.control.reset());

const options = (overrides: Partial<QuizOptions> = {}): QuizOptions =>
  QuizOptionsSchema.parse({
    duration: 100,
    num_questions: 6,
    question_types: ["multiple_choice"],
    language: "en",
    seed: 42,
    ...overrides,
  });

const openai = (key = TEST_KEY) =>
  createOpenAIClient({ apiKey: key, baseURL: fake.url, timeoutSeconds: 30, maxRetries: 1 });

async function run(overrides: Partial<QuizOptions> = {}, segments = lessonSegments(), signal?: AbortSignal) {
  const logs: string[] = [];
  const progress: number[] = [];
  const result = await runQuiz(
    options(overrides),
    segments,
    { openai: openai(), signal },
    {
      progress: (p) => void progress.push(p),
      log: (_level, message) => void logs.push(message),
    },
  );
  return { result: QuizResultSchema.parse(result), logs, progress };
}

const prompts = (name: string) =>
  fake.control
    .requests("chat")
    .filter((r) => (r.response_format as { json_schema: { name: string } }).json_schema.name === name);

describe("runQuiz", () => {
  it("asks with versioned strict prompts, checks and verifies every question, and keeps them in lesson order", async () => {
    const { result, logs, progress } = await run({
      num_questions: 5,
      question_types: ["multiple_choice", "true_false", "short_answer", "multiple_response"],
      focus: "the inputs of photosynthesis",
      audience: "grade 7",
      language: "fr",
      transcript_language: "en",
    });
    const [generation] = prompts("quiz_questions");
    expect(generation!.response_format).toEqual({
      type: "json_schema",
      json_schema: { name: "quiz_questions", strict: true, schema: QUIZ_ANSWER_JSON_SCHEMA },
    });
    expect(strictSchemaProblem(generation!.response_format)).toBeNull();
    expect(
      strictSchemaProblem({
        type: "json_schema",
        json_schema: { name: "x", strict: true, schema: QUIZ_VERDICT_JSON_SCHEMA },
      }),
    ).toBeNull();
    expect(generation!.prompt).toContain("Write exactly 5 questions.");
    expect(generation!.prompt).toContain("Focus: the inputs of photosynthesis");
    expect(generation!.prompt).toContain("Audience: grade 7");
    expect(generation!.prompt).toContain("Quiz language (stems, options, explanations): fr");
    expect(generation!.prompt).toContain("[#1 5.000 - 9.500] Photosynthesis needs sunlight, water and carbon dioxide.");
    expect(generation!.system_prompt).toContain("evidence.quote: 5 to 25 words copied exactly");

    expect(result.counts).toEqual({ requested: 5, generated: 5, rejected: 0, kept: 5 });
    expect(result).toMatchObject({
      rounds: 1,
      prompt_version: CURRENT_QUIZ_PROMPT_VERSION,
      seed: 42,
      model: "gpt-4o-mini",
    });
    expect(new Set(result.questions.map((q) => q.type))).toEqual(
      new Set(["multiple_choice", "true_false", "short_answer", "multiple_response"]),
    );
    const verifications = prompts("quiz_answer");
    expect(verifications).toHaveLength(5);
    for (const request of verifications) {
      expect(request.prompt).toMatch(/^Excerpt:\n/);
      // The checker sees the excerpt and the question, never the key or the explanation.
      expect(request.prompt).not.toMatch(/correct|explanation/i);
      for (const q of result.questions) expect(request.prompt).not.toContain(q.explanation);
    }
    const starts = result.questions.map((q) => q.evidence!.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    for (const q of result.questions) {
      expect(q.checks.filter((c) => c.severity === "error").every((c) => c.passed)).toBe(true);
      expect(q.checks.map((c) => c.name)).toContain("answerable");
    }
    expect(result.usage.requests).toBe(6);
    expect(result.usage.total_tokens).toBeGreaterThan(0);
    expect(result.request_id).toBe(prompts("quiz_questions")[0]!.request_id);
    expect(logs).toContain("Window 1/1: 5 question(s) generated");
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(90);
  });

  it("rejects each kind of mistake with its reason, then asks once more for the missing questions", async () => {
    const marker = `[[fake-quiz invented_quote out_of_range unknown_segment duplicate wrong_key bad_options ${crypto.randomUUID()}]]`;
    const { result, logs } = await run({ num_questions: 10, focus: marker, range: { start: 0, end: 80 } });
    const reasons = result.rejected.map((q) => q.reasons.map((r) => r.check).join("+"));
    expect(reasons.sort()).toEqual(
      [
        "answerable",
        "evidence_in_range+quote_in_segments",
        "evidence_segments",
        "not_duplicate",
        "options_well_formed",
        "quote_in_segments",
      ].sort(),
    );
    const byCheck = (check: string) => result.rejected.find((q) => q.reasons.some((r) => r.check === check))!;
    expect(byCheck("answerable").reasons[0]!.message).toMatch(
      /^Not answerable from the cited moment: from the excerpt alone/,
    );
    expect(byCheck("not_duplicate").reasons[0]!.message).toMatch(/^Repeats generated question 1$/);
    expect(byCheck("evidence_in_range").reasons[0]!.message).toMatch(
      /lies outside the requested range 0\.0 s to 80\.0 s/,
    );
    expect(byCheck("evidence_segments").reasons[0]!.message).toMatch(/Cites segment 99999/);
    expect(byCheck("options_well_formed").reasons[0]!.message).toBe("Exactly one option may be correct, not 2");
    expect(result.counts).toEqual({ requested: 10, generated: 16, rejected: 6, kept: 10 });
    expect(result.rounds).toBe(2);
    expect(logs).toContain("6 question(s) missing after round 1; asking once more");
    const second = prompts("quiz_questions")[1]!;
    expect(second.prompt).toContain("Round: 2");
    expect(second.prompt).toContain("Questions already written (ask something else):");
    // The range is respected: no kept question cites a segment said after 80 s.
    for (const q of result.questions) expect(q.evidence!.end).toBeLessThanOrEqual(80);
    expect(new Set(result.questions.map((q) => q.stem)).size).toBe(10);
  });

  it("catches near-duplicates, and keeps a question with item-writing flaws but flags them", async () => {
    const marker = `[[fake-quiz near_duplicate flaws ${crypto.randomUUID()}]]`;
    const { result } = await run({ num_questions: 6, focus: marker });
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]!.reasons[0]!.message).toMatch(
      /^Nearly repeats generated question 1 \(\d+ % of the words shared\)$/,
    );
    const flawed = result.questions.find((q) => q.options.some((o) => o.text === "All of the above"))!;
    const failedFlags = flawed.checks.filter((c) => !c.passed).map((c) => c.name);
    expect(failedFlags.sort()).toEqual([
      "flaw_all_none_of_the_above",
      "flaw_longest_option_correct",
      "flaw_negated_stem",
    ]);
  });

  it("with verify off makes no checking calls, so a wrong key gets through", async () => {
    const marker = `[[fake-quiz wrong_key ${crypto.randomUUID()}]]`;
    const { result } = await run({ num_questions: 4, focus: marker, verify: false });
    expect(prompts("quiz_answer")).toHaveLength(0);
    expect(result.counts).toEqual({ requested: 4, generated: 4, rejected: 0, kept: 4 });
    expect(result.questions.every((q) => !q.checks.some((c) => c.name === "answerable"))).toBe(true);
  });

  it("spreads an hour of lecture over windows generated in parallel, and verification in one more wave", async () => {
    fake.control.setLatency(300);
    const hour = lectureSegments(60);
    const { result } = await run(
      { num_questions: 20, duration: 3600, question_types: ["multiple_choice", "true_false"] },
      hour,
    );
    expect(result.windows).toHaveLength(6);
    expect(result.counts.kept).toBe(20);
    for (const window of result.windows) expect(window.kept).toBeGreaterThanOrEqual(3);
    const starts = result.questions.map((q) => q.evidence!.start);
    expect(Math.min(...starts)).toBeLessThan(600);
    expect(Math.max(...starts)).toBeGreaterThan(3000);
    const generation = prompts("quiz_questions");
    expect(generation).toHaveLength(6);
    // Every window was asked before any answered: the calls overlapped.
    expect(Math.max(...generation.map((r) => r.received_at))).toBeLessThan(
      Math.min(...generation.map((r) => r.answered_at)),
    );
    expect(result.timing.model_ms).toBeLessThan(4 * 300 + 1000);
    expect(result.timing.wall_ms).toBeGreaterThanOrEqual(result.timing.model_ms);
    // Keys are spread over the positions by the seed.
    const positions = result.questions
      .filter((q) => q.type === "multiple_choice")
      .map((q) => q.options.findIndex((o) => o.correct));
    expect(new Set(positions).size).toBeGreaterThanOrEqual(3);
  });

  it("retries an answer that is not the promised JSON", async () => {
    const marker = `[[fake-quiz invalid_json_first=1 ${crypto.randomUUID()}]]`;
    const { result, logs } = await run({ num_questions: 2, focus: marker });
    expect(result.counts.kept).toBe(2);
    expect(logs.some((m) => m.startsWith("Quiz generation answer rejected: the answer is not valid JSON"))).toBe(true);
  });

  it("fails without speech, calling nothing", async () => {
    const silent = lessonSegments(3).map((s) => ({ ...s, text: " " }));
    await expect(run({}, silent)).rejects.toMatchObject({ code: "NO_SPEECH", retryable: false });
    await expect(run({ range: { start: 500, end: 600 } })).rejects.toThrow("Nothing is said in the requested range");
    expect(fake.control.requests("chat")).toHaveLength(0);
  });

  it("fails retryably when OpenAI keeps failing, and on a bad key without leaking it", async () => {
    const marker = `[[fake-quiz fail_first=5 ${crypto.randomUUID()}]]`;
    await expect(run({ focus: marker })).rejects.toMatchObject({ code: "UPSTREAM_UNAVAILABLE", retryable: true });
    const wrongKey = "sk-wrong-0123456789abcdefSECRET";
    const failure = await runQuiz(
      options(),
      lessonSegments(),
      { openai: openai(wrongKey) },
      { progress: () => {}, log: () => {} },
    ).catch((error: AiError) => error);
    expect(failure).toBeInstanceOf(AiError);
    expect(failure).toMatchObject({ code: "UPSTREAM_AUTH", retryable: false });
    expect((failure as AiError).message).not.toContain("SECRET");
  });

  it("stops its requests when aborted", async () => {
    const marker = `[[fake-quiz delay_ms=1500 ${crypto.randomUUID()}]]`;
    const controller = new AbortController();
    const running = run({ focus: marker }, lessonSegments(), controller.signal);
    await new Promise((resolve) => setTimeout(resolve, 300));
    controller.abort();
    await expect(running).rejects.toMatchObject({ code: "ABORTED" });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(prompts("quiz_questions").map((r) => r.status)).toEqual([499]);
  });
});
