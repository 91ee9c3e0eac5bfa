import { describe, expect, it } from "vitest";
import { ErrorEnvelopeSchema } from "../../../worker/errors";
import { AttemptListSchema, AttemptResultSchema, AttemptSchema } from "../../../worker/routes/learners/schema";
import { api, asLearner, json, learnerQuiz, mintLearnerToken, startAttempt } from "./learner-kit";

const put = (token: string, base: string, attemptId: string, questionId: string, answer: unknown) =>
  asLearner(token, `${base}/attempts/${attemptId}/answers/${questionId}`, json("PUT", answer));

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  const { error } = ErrorEnvelopeSchema.parse(await res.json());
  expect(error.code).toBe(code);
  return error;
}

describe("a learner takes a published quiz", { timeout: 60_000 }, () => {
  it("starts without keys, answers (changing one), submits once and reads results with review windows", async () => {
    const { base, questionIds: q } = await learnerQuiz();
    const token = await mintLearnerToken(base, "learner-1");
    const started = await startAttempt(token, base);
    expect(started.quiz_version).toBe(1);
    expect(started.questions.map((x) => x.id)).toEqual(q);
    const raw = JSON.stringify(started);
    expect(raw).not.toMatch(/"correct"|accepted_answers|explanation|checks/);
    expect(started.questions[0]!.cue).toEqual({ start: 81, end: 90 });
    expect(started.questions[4]!.cue).toBeNull();
    expect(started.questions[1]!.options.map((o) => o.text)).toEqual(["True", "False"]);

    const id = started.attempt_id;
    expect((await put(token, base, id, q[0]!, { option_ids: ["o1"] })).status).toBe(204);
    // Changed mind: the second save replaces the first.
    expect((await put(token, base, id, q[0]!, { option_ids: ["o2"] })).status).toBe(204);
    expect((await put(token, base, id, q[1]!, { option_ids: ["o2"] })).status).toBe(204);
    expect((await put(token, base, id, q[2]!, { option_ids: ["o1", "o2", "o4"] })).status).toBe(204);
    expect((await put(token, base, id, q[3]!, { text: "  Chlorophyl! " })).status).toBe(204);
    // q[4] left unanswered.

    const read = AttemptSchema.parse(await (await asLearner(token, `${base}/attempts/${id}`)).json());
    expect(read.status).toBe("in_progress");
    expect(read.questions).toEqual(started.questions);
    expect(read.answers).toHaveLength(4);

    const submit = await asLearner(token, `${base}/attempts/${id}/submit`, { method: "POST" });
    expect(submit.status).toBe(200);
    const result = AttemptResultSchema.parse(await submit.json());
    // 1 (MC) + 0 (TF) + (2 right - 1 wrong)/3 (MR) + 1 (one typo in an 11-letter answer) + 0 (unanswered)
    expect(result.max_score).toBe(5);
    expect(result.score).toBeCloseTo(2 + 1 / 3, 4);
    expect(result.percent).toBe(46.67);
    expect(result.results.map((r) => r.correct)).toEqual([true, false, false, true, false]);
    expect(result.results[2]!.credit).toBeCloseTo(1 / 3, 10);
    expect(result.results[0]).toMatchObject({
      question_id: q[0],
      given: { option_ids: ["o2"] },
      correct_answer: { option_ids: ["o2"] },
      review: { start: 81, end: 90 },
    });
    expect(result.results[0]!.explanation).toContain("Which gas");
    expect(result.results[0]!.review).not.toHaveProperty("clip_url");
    expect(result.results[3]).toMatchObject({ correct_answer: { accepted_answers: ["Chlorophyll"] } });
    expect(result.results[4]).toMatchObject({ given: null, review: null, credit: 0 });

    const again = await asLearner(token, `${base}/attempts/${id}/submit`, { method: "POST" });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(result);
    const late = await put(token, base, id, q[4]!, { text: "water" });
    await expectError(late, 409, "CONFLICT");

    const listed = AttemptListSchema.parse(await (await api(`${base}/attempts?learner_id=learner-1`)).json());
    expect(listed.items).toEqual([
      expect.objectContaining({
        attempt_id: id,
        status: "submitted",
        score: result.score,
        percent: 46.67,
        max_score: 5,
      }),
    ]);
    const other = AttemptListSchema.parse(await (await api(`${base}/attempts?learner_id=learner-2`)).json());
    expect(other.items).toEqual([]);
    const byKey = AttemptSchema.parse(await (await api(`${base}/attempts/${id}`)).json());
    expect(byKey.result).toEqual(result);
  });

  it("shuffles options per attempt, the same order on every read of one attempt", async () => {
    const { base } = await learnerQuiz();
    const token = await mintLearnerToken(base, "learner-shuffle");
    const orders = new Set<string>();
    for (let i = 0; i < 8; i++) {
      const started = await startAttempt(token, base);
      const order = started.questions[2]!.options.map((o) => o.id).join(",");
      orders.add(order);
      const read = AttemptSchema.parse(await (await asLearner(token, `${base}/attempts/${started.attempt_id}`)).json());
      expect(read.questions[2]!.options.map((o) => o.id).join(",")).toBe(order);
    }
    expect(orders.size).toBeGreaterThan(1);
  });

  it("an Idempotency-Key makes a retried start return the same attempt; a retried submit scores once", async () => {
    const { base, questionIds: q } = await learnerQuiz();
    const token = await mintLearnerToken(base, "learner-retry");
    const first = await asLearner(token, `${base}/attempts`, json("POST", {}, { "Idempotency-Key": "k-1" }));
    expect(first.status).toBe(201);
    const retried = await asLearner(token, `${base}/attempts`, json("POST", {}, { "Idempotency-Key": "k-1" }));
    expect(retried.status).toBe(200);
    const a = (await first.json()) as { attempt_id: string };
    expect(await retried.json()).toEqual(a);
    const fresh = await startAttempt(token, base, { "Idempotency-Key": "k-2" });
    expect(fresh.attempt_id).not.toBe(a.attempt_id);
    expect((await put(token, base, a.attempt_id, q[0]!, { option_ids: ["o2"] })).status).toBe(204);
    const submits = await Promise.all(
      [1, 2, 3].map(() =>
        asLearner(token, `${base}/attempts/${a.attempt_id}/submit`, {
          method: "POST",
          headers: { "Idempotency-Key": "s" },
        }),
      ),
    );
    const bodies = await Promise.all(submits.map((r) => r.json()));
    expect(submits.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(bodies[1]).toEqual(bodies[0]);
    expect(bodies[2]).toEqual(bodies[0]);
    const listed = AttemptListSchema.parse(await (await api(`${base}/attempts?learner_id=learner-retry`)).json());
    expect(listed.items).toHaveLength(2);
  });

  it("a project key starts attempts for a named learner and must name one", async () => {
    const { base } = await learnerQuiz();
    const named = await api(`${base}/attempts`, json("POST", { learner_id: "kiosk-7" }));
    expect(named.status).toBe(201);
    const id = ((await named.json()) as { attempt_id: string }).attempt_id;
    const read = AttemptSchema.parse(await (await api(`${base}/attempts/${id}`)).json());
    expect(read.learner_id).toBe("kiosk-7");
    const error = await expectError(await api(`${base}/attempts`, json("POST", {})), 422, "VALIDATION_ERROR");
    expect(error.details?.[0]?.path).toBe("learner_id");
  });
});

describe("bad learner input is a clear 4xx", { timeout: 60_000 }, () => {
  it("unknown question or option ids, wrong shapes, another learner's attempt", async () => {
    const { base, questionIds: q } = await learnerQuiz();
    const token = await mintLearnerToken(base, "learner-a");
    const { attempt_id: id } = await startAttempt(token, base);
    await expectError(await put(token, base, id, "no-such-question", { option_ids: ["o1"] }), 404, "NOT_FOUND");
    const unknown = await expectError(
      await put(token, base, id, q[0]!, { option_ids: ["o9"] }),
      422,
      "VALIDATION_ERROR",
    );
    expect(unknown.details).toEqual([expect.objectContaining({ path: "option_ids.0", code: "unknown_option" })]);
    const two = await expectError(
      await put(token, base, id, q[0]!, { option_ids: ["o1", "o2"] }),
      422,
      "VALIDATION_ERROR",
    );
    expect(two.details?.[0]?.code).toBe("wrong_count");
    const dup = await expectError(
      await put(token, base, id, q[2]!, { option_ids: ["o1", "o1"] }),
      422,
      "VALIDATION_ERROR",
    );
    expect(dup.details?.[0]?.code).toBe("duplicate");
    const textForChoice = await expectError(
      await put(token, base, id, q[0]!, { text: "oxygen" }),
      422,
      "VALIDATION_ERROR",
    );
    expect(textForChoice.details?.[0]?.code).toBe("wrong_shape");
    const idsForText = await expectError(
      await put(token, base, id, q[3]!, { option_ids: ["o1"] }),
      422,
      "VALIDATION_ERROR",
    );
    expect(idsForText.details?.[0]?.code).toBe("wrong_shape");
    await expectError(await put(token, base, id, q[0]!, { option_ids: [] }), 422, "VALIDATION_ERROR");
    await expectError(await put(token, base, id, q[0]!, { option_ids: ["o1"], text: "x" }), 422, "VALIDATION_ERROR");
    await expectError(await put(token, base, id, q[0]!, { answer: "o1" }), 422, "VALIDATION_ERROR");
    await expectError(
      await asLearner(token, `${base}/attempts/no-such-attempt/submit`, { method: "POST" }),
      404,
      "NOT_FOUND",
    );

    const intruder = await mintLearnerToken(base, "learner-b");
    await expectError(await put(intruder, base, id, q[0]!, { option_ids: ["o1"] }), 403, "FORBIDDEN");
    await expectError(await asLearner(intruder, `${base}/attempts/${id}`), 403, "FORBIDDEN");
    await expectError(await asLearner(intruder, `${base}/attempts/${id}/submit`, { method: "POST" }), 403, "FORBIDDEN");
    await expectError(
      await asLearner(intruder, `${base}/attempts`, json("POST", { learner_id: "learner-a" })),
      403,
      "FORBIDDEN",
    );
    // Nothing the intruder did reached the attempt.
    const read = AttemptSchema.parse(await (await api(`${base}/attempts/${id}`)).json());
    expect(read).toMatchObject({ status: "in_progress", answers: [] });
  });

  it("a draft quiz takes no attempts and mints no learner tokens", async () => {
    const { base } = await learnerQuiz({ publish: false });
    await expectError(await api(`${base}/attempts`, json("POST", { learner_id: "x" })), 409, "CONFLICT");
    await expectError(await api(`${base}/learner-tokens`, json("POST", { learner_id: "x" })), 409, "CONFLICT");
    await expectError(await api(`${base}/learner-tokens`, json("POST", { learner_id: "" })), 422, "VALIDATION_ERROR");
  });
});
