import { describe, expect, it } from "vitest";
import type { QuestionDraft } from "../../../container/src/quiz/question";
import { ErrorEnvelopeSchema } from "../../../worker/errors";
import { AttemptResultSchema } from "../../../worker/routes/learners/schema";
import { api, asLearner, json, learnerQuiz, mintLearnerToken, startAttempt } from "./learner-kit";

const QUESTION_COUNT = 20;
/** Milliseconds between two saves, per round. */
const SPACING_MS = [0, 0, 0, 0, 1, 2, 4, 8];
const ROUNDS = SPACING_MS.length;
const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const question = (n: number): QuestionDraft => ({
  type: "multiple_choice",
  stem: `Question ${n}: which option is the right one here?`,
  options: ["o1", "o2", "o3", "o4"].map((id, i) => ({ id, text: `Option ${i + 1} of ${n}`, correct: id === "o2" })),
  accepted_answers: [],
  explanation: `Option 2 of ${n}`,
  difficulty: "easy",
  bloom_level: "remember",
  evidence: null,
  checks: [],
});

describe("answer saves racing a submit", { timeout: 120_000 }, () => {
  it("a save that returns 2xx is in the scored result; any other save is a 409", async () => {
    const { base, questionIds } = await learnerQuiz({
      questions: Array.from({ length: QUESTION_COUNT }, (_, n) => question(n + 1)),
    });
    let inResult = 0;
    let refused = 0;
    for (let round = 0; round < ROUNDS; round++) {
      // A learner per round keeps each under its rate limit.
      const token = await mintLearnerToken(base, `learner-race-${round}`);
      const save = (attemptId: string, questionId: string, optionId: string) =>
        asLearner(
          token,
          `${base}/attempts/${attemptId}/answers/${questionId}`,
          json("PUT", { option_ids: [optionId] }),
        );
      const { attempt_id: id } = await startAttempt(token, base);
      for (const q of questionIds) expect((await save(id, q, "o1")).status).toBe(204);
      // Every question's answer changes from o1 to o3 while the submit runs, fired between the 10th and 11th save.
      // The first rounds send all at once; later ones space the saves out, so some arrive after the submit committed.
      const saves: Promise<Response>[] = [];
      let submit: Promise<Response> | undefined;
      for (const [k, q] of questionIds.entries()) {
        if (k === QUESTION_COUNT / 2) submit = asLearner(token, `${base}/attempts/${id}/submit`, { method: "POST" });
        saves.push(save(id, q, "o3"));
        if (SPACING_MS[round]! > 0) await later(SPACING_MS[round]!);
      }
      const submitted = await submit!;
      const responses = await Promise.all(saves);
      expect(submitted.status).toBe(200);
      const result = AttemptResultSchema.parse(await submitted.json());
      const given = new Map(result.results.map((r) => [r.question_id, r.given]));
      for (const [k, res] of responses.entries()) {
        const scored = given.get(questionIds[k]!);
        if (res.status === 204) {
          inResult++;
          expect(scored, `round ${round}: save ${k} returned 204 but was not scored`).toEqual({ option_ids: ["o3"] });
        } else {
          refused++;
          expect(res.status, `round ${round}: save ${k}`).toBe(409);
          expect(ErrorEnvelopeSchema.parse(await res.json()).error.code).toBe("CONFLICT");
          expect(scored, `round ${round}: save ${k} was refused but scored`).toEqual({ option_ids: ["o1"] });
        }
      }
      // The stored result is the one the submit returned.
      const again = await asLearner(token, `${base}/attempts/${id}/submit`, { method: "POST" });
      expect(AttemptResultSchema.parse(await again.json())).toEqual(result);
    }
    expect(inResult + refused).toBe(ROUNDS * QUESTION_COUNT);
    expect(inResult).toBeGreaterThan(0);
  });
});

describe("a save of an attempt this isolate already knows", { timeout: 60_000 }, () => {
  const put = (token: string, base: string, id: string, questionId: string, answer: unknown) =>
    asLearner(token, `${base}/attempts/${id}/answers/${questionId}`, json("PUT", answer));
  const errorOf = async (res: Response) => ({
    status: res.status,
    ...ErrorEnvelopeSchema.parse(await res.json()).error,
  });

  it("is 409 once submitted, even with an answer that would be refused; 404 once its quiz is deleted", async () => {
    const { base, questionIds: q } = await learnerQuiz();
    const token = await mintLearnerToken(base, "learner-known");
    const { attempt_id: id } = await startAttempt(token, base);
    expect((await put(token, base, id, q[0]!, { option_ids: ["o2"] })).status).toBe(204);
    // Still in progress: a bad answer is judged on its own.
    expect(await errorOf(await put(token, base, id, q[0]!, { option_ids: ["o9"] }))).toMatchObject({
      status: 422,
      code: "VALIDATION_ERROR",
    });
    expect((await asLearner(token, `${base}/attempts/${id}/submit`, { method: "POST" })).status).toBe(200);
    expect(await errorOf(await put(token, base, id, q[0]!, { option_ids: ["o9"] }))).toMatchObject({
      status: 409,
      code: "CONFLICT",
    });
    expect(await errorOf(await put(token, base, id, "no-such-question", { option_ids: ["o1"] }))).toMatchObject({
      status: 409,
      code: "CONFLICT",
    });

    const { attempt_id: open } = await startAttempt(token, base);
    expect((await put(token, base, open, q[0]!, { option_ids: ["o1"] })).status).toBe(204);
    expect((await api(base, { method: "DELETE" })).status).toBe(204);
    expect(await errorOf(await put(token, base, open, q[0]!, { option_ids: ["o2"] }))).toMatchObject({
      status: 404,
      code: "NOT_FOUND",
    });
    // A known attempt is not reached through another quiz's route: the write alone would find it in progress.
    const other = await learnerQuiz();
    const otherToken = await mintLearnerToken(other.base, "learner-known");
    const { attempt_id: mine } = await startAttempt(otherToken, other.base);
    expect((await put(otherToken, other.base, mine, other.questionIds[0]!, { option_ids: ["o2"] })).status).toBe(204);
    const wrongQuiz = await api(
      `${base}/attempts/${mine}/answers/${other.questionIds[0]}`,
      json("PUT", { option_ids: ["o2"] }),
    );
    expect(await errorOf(wrongQuiz)).toMatchObject({ status: 404, code: "NOT_FOUND" });
  });
});
