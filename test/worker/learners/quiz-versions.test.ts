import { describe, expect, it } from "vitest";
import { AttemptResultSchema, AttemptSchema } from "../../../worker/routes/learners/schema";
import { api, asLearner, json, learnerQuiz, mintLearnerToken, startAttempt } from "./learner-kit";

const submit = async (token: string, base: string, id: string) =>
  AttemptResultSchema.parse(await (await asLearner(token, `${base}/attempts/${id}/submit`, { method: "POST" })).json());

describe("quiz versions", { timeout: 60_000 }, () => {
  it("an attempt started before an edit is scored on its own version; a new attempt gets the edit", async () => {
    const { base, questionIds: q } = await learnerQuiz();
    const token = await mintLearnerToken(base, "learner-v");
    const before = await startAttempt(token, base);
    expect(before.quiz_version).toBe(1);
    // A rename is not a new version: learners see no difference.
    expect((await api(base, json("PATCH", { title: "Plants" }))).status).toBe(200);
    expect((await startAttempt(token, base)).quiz_version).toBe(1);

    const edit = await api(
      `${base}/questions/${q[0]}`,
      json("PATCH", {
        stem: "Which gas leaves the plant through the stomata?",
        options: [
          { id: "o1", text: "Oxygen", correct: true },
          { id: "o2", text: "Carbon dioxide", correct: false },
          { id: "o3", text: "Nitrogen", correct: false },
          { id: "o4", text: "Helium", correct: false },
        ],
      }),
    );
    expect(edit.status, await edit.clone().text()).toBe(200);
    const after = await startAttempt(token, base);
    expect(after.quiz_version).toBe(2);
    expect(after.questions[0]!.stem).toBe("Which gas leaves the plant through the stomata?");
    const old = AttemptSchema.parse(await (await asLearner(token, `${base}/attempts/${before.attempt_id}`)).json());
    expect(old.quiz_version).toBe(1);
    expect(old.questions[0]!.stem).toBe("Which gas enters the leaf from the air?");

    for (const id of [before.attempt_id, after.attempt_id]) {
      const put = await asLearner(token, `${base}/attempts/${id}/answers/${q[0]}`, json("PUT", { option_ids: ["o2"] }));
      expect(put.status).toBe(204);
    }
    const oldResult = await submit(token, base, before.attempt_id);
    const newResult = await submit(token, base, after.attempt_id);
    expect(oldResult.results[0]).toMatchObject({ correct: true, correct_answer: { option_ids: ["o2"] } });
    expect(newResult.results[0]).toMatchObject({ correct: false, correct_answer: { option_ids: ["o1"] } });
    expect(oldResult.score).toBe(1);
    expect(newResult.score).toBe(0);

    // Deleting a question of the published quiz is a third version; unpublishing and re-publishing is none.
    expect((await api(`${base}/questions/${q[4]}`, { method: "DELETE" })).status).toBe(204);
    expect((await api(base, json("PATCH", { status: "draft" }))).status).toBe(200);
    expect((await api(base, json("PATCH", { status: "published" }))).status).toBe(200);
    const third = await startAttempt(token, base);
    expect(third.quiz_version).toBe(3);
    expect(third.questions).toHaveLength(4);

    const stats = async (query: string) =>
      (await (await api(`${base}/stats${query}`)).json()) as Record<string, unknown>;
    expect(await stats("?version=1")).toMatchObject({ version: 1, versions: [1], attempts: 1 });
    expect(await stats("?version=2")).toMatchObject({ version: 2, versions: [2], attempts: 1 });
    expect(await stats("")).toMatchObject({ version: null, versions: [1, 2], attempts: 2, mean_percent: 10 });
    expect((await api(`${base}/stats?version=9`)).status).toBe(404);
  });
});
