import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createDb } from "../../../worker/db/client";
import { transcripts } from "../../../worker/db/schema/transcripts";
import { QuizListSchema, QuizQuestionSchema } from "../../../worker/routes/quizzes/schema";
import { api, getQuiz, LESSON, projectWithQuiz } from "./quiz-kit";

const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify(body),
});

type ErrorBody = { error: { code: string; message: string; details?: { path: string; code: string }[] } };

const teacherQuestion = {
  type: "multiple_choice",
  stem: "What is the green pigment in leaves called?",
  options: [
    { text: "Chlorophyll", correct: true },
    { text: "Glucose", correct: false },
    { text: "Stomata", correct: false },
  ],
  explanation: "The teacher names it.",
  evidence: { segment_indices: [2], quote: "the green pigment in leaves is called chlorophyll" },
};

describe("quiz routes", { timeout: 60_000 }, () => {
  it("lists quizzes per project and video, paginated, and reads one with its questions", async () => {
    const { projectId, assetId, quizId, quiz } = await projectWithQuiz();
    expect(quiz.questions).toHaveLength(4);
    expect(new Set(quiz.questions.map((q) => q.type))).toEqual(
      new Set(["multiple_choice", "true_false", "short_answer", "multiple_response"]),
    );
    for (const q of quiz.questions) {
      expect(Object.keys(q)).toEqual(
        expect.arrayContaining(["id", "position", "type", "stem", "options", "accepted_answers", "explanation"]),
      );
      expect(Object.keys(q)).toEqual(expect.arrayContaining(["difficulty", "bloom_level", "evidence", "checks"]));
      if (q.type === "short_answer") expect(q.accepted_answers.length).toBeGreaterThan(0);
      if (q.type === "true_false") expect(q.options.map((o) => o.text)).toEqual(["True", "False"]);
    }
    expect(quiz).toMatchObject({ id: quizId, status: "draft", prompt_version: expect.any(String), rejected: [] });
    expect(quiz.usage.requests).toBeGreaterThan(0);

    const forced = await api(`/projects/${projectId}/jobs`, {
      ...json("POST", { job_type: "quiz_generation", payload: { asset_id: assetId, num_questions: 1 } }),
    });
    expect(forced.status).toBe(202);
    await expect
      .poll(async () => QuizListSchema.parse(await (await api(`/projects/${projectId}/quizzes`)).json()).items.length, {
        timeout: 30_000,
      })
      .toBe(2);
    const page1 = QuizListSchema.parse(await (await api(`/projects/${projectId}/quizzes?limit=1`)).json());
    expect(page1.items).toHaveLength(1);
    expect(page1.next_cursor).not.toBeNull();
    const page2 = QuizListSchema.parse(
      await (await api(`/projects/${projectId}/quizzes?limit=1&cursor=${page1.next_cursor}`)).json(),
    );
    expect(page2.items).toHaveLength(1);
    expect(page2.items[0]!.id).not.toBe(page1.items[0]!.id);
    expect(page2.items[0]).toMatchObject({ id: quizId, question_count: 4, asset_id: assetId });
    const other = QuizListSchema.parse(
      await (await api(`/projects/${projectId}/quizzes?asset_id=${crypto.randomUUID()}`)).json(),
    );
    expect(other.items).toEqual([]);
    expect((await api(`/projects/${projectId}/quizzes?asset_id=bad%20id`)).status).toBe(422);
    expect((await api(`/projects/${projectId}/quizzes/${crypto.randomUUID()}`)).status).toBe(404);
  });

  it("renames and publishes a quiz, refusing bad fields", async () => {
    const { projectId, quizId } = await projectWithQuiz();
    const url = `/projects/${projectId}/quizzes/${quizId}`;
    const res = await api(url, json("PATCH", { title: "Photosynthesis check", status: "published" }));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ title: "Photosynthesis check", status: "published" });
    expect((await getQuiz(projectId, quizId)).published_at).not.toBeNull();
    const bad = await api(url, json("PATCH", { status: "archived", colour: "red" }));
    expect(bad.status).toBe(422);
    const paths = ((await bad.json()) as ErrorBody).error.details!.map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(["status", "colour"]));
    expect(
      (await api(`/projects/${projectId}/quizzes/${crypto.randomUUID()}`, json("PATCH", { title: "x" }))).status,
    ).toBe(404);
  });

  it("adds a teacher's question, checking its evidence against the transcript and its options", async () => {
    const { projectId, quizId } = await projectWithQuiz();
    const url = `/projects/${projectId}/quizzes/${quizId}/questions`;
    const res = await api(url, json("POST", { ...teacherQuestion, position: 1 }));
    expect(res.status, await res.clone().text()).toBe(201);
    const added = QuizQuestionSchema.parse(await res.json());
    expect(added).toMatchObject({
      position: 1,
      origin: "teacher",
      evidence: { segment_indices: [2], start: 18, end: 27 },
    });
    expect(added.checks.find((c) => c.name === "quote_in_segments")).toMatchObject({ passed: true });
    expect(added.options.map((o) => o.id)).toEqual(["o1", "o2", "o3"]);
    const quiz = await getQuiz(projectId, quizId);
    expect(quiz.questions.map((q) => q.position)).toEqual([1, 2, 3, 4, 5]);
    expect(quiz.questions[0]!.id).toBe(added.id);

    const noEvidence = await api(
      url,
      json("POST", { ...teacherQuestion, stem: "Name the leaf pigment.", evidence: null }),
    );
    expect(noEvidence.status).toBe(201);
    expect(QuizQuestionSchema.parse(await noEvidence.json()).evidence).toBeNull();

    const refusals: [Record<string, unknown>, string][] = [
      [
        {
          ...teacherQuestion,
          stem: "Which is right?",
          options: teacherQuestion.options.map((o) => ({ ...o, correct: false })),
        },
        "options",
      ],
      [
        {
          ...teacherQuestion,
          stem: "Which one?",
          evidence: { segment_indices: [2], quote: "volcanoes grow every winter" },
        },
        "evidence.quote",
      ],
      [
        { ...teacherQuestion, stem: "Which two?", evidence: { segment_indices: [99], quote: "chlorophyll" } },
        "evidence.segment_indices",
      ],
      [{ ...teacherQuestion }, "stem"],
      [
        {
          type: "true_false",
          stem: "Leaves are green.",
          options: [
            { text: "Yes", correct: true },
            { text: "No", correct: false },
          ],
        },
        "options",
      ],
      [{ type: "short_answer", stem: "Name it.", accepted_answers: [] }, "accepted_answers"],
    ];
    for (const [body, path] of refusals) {
      const bad = await api(url, json("POST", body));
      expect(bad.status, JSON.stringify(body)).toBe(422);
      const error = ((await bad.json()) as ErrorBody).error;
      expect(error.code).toBe("VALIDATION_ERROR");
      expect(error.details!.map((d) => d.path).join(" ")).toContain(path);
    }
    expect((await getQuiz(projectId, quizId)).questions).toHaveLength(6);
  });

  it("edits, reorders and deletes questions, re-checking what changed", async () => {
    const { projectId, quizId, quiz } = await projectWithQuiz({ question_types: ["multiple_choice"] });
    const [first, second, third] = quiz.questions;
    const url = (id: string) => `/projects/${projectId}/quizzes/${quizId}/questions/${id}`;

    const moved = await api(url(third!.id), json("PATCH", { position: 1 }));
    expect(moved.status, await moved.clone().text()).toBe(200);
    expect((await getQuiz(projectId, quizId)).questions.map((q) => q.id).slice(0, 3)).toEqual([
      third!.id,
      first!.id,
      second!.id,
    ]);

    const noKey = await api(
      url(first!.id),
      json("PATCH", { options: first!.options.map((o) => ({ ...o, correct: false })) }),
    );
    expect(noKey.status).toBe(422);
    expect(((await noKey.json()) as ErrorBody).error.details!.map((d) => d.path)).toContain("options");

    const reworded = await api(
      url(first!.id),
      json("PATCH", { stem: "Fill the gap: which word does the teacher use?", explanation: "Said at the start." }),
    );
    expect(reworded.status).toBe(200);
    const edited = QuizQuestionSchema.parse(await reworded.json());
    expect(edited).toMatchObject({ stem: "Fill the gap: which word does the teacher use?", evidence: first!.evidence });
    // The answerability verdict judged the old stem; it is not carried over to a new one.
    expect(edited.checks.some((c) => c.name === "answerable")).toBe(false);

    const newEvidence = { segment_indices: [5], quote: LESSON[5]!.slice(0, 30) };
    const cited = await api(url(first!.id), json("PATCH", { evidence: newEvidence }));
    expect(cited.status).toBe(200);
    expect(QuizQuestionSchema.parse(await cited.json()).evidence).toMatchObject({
      segment_indices: [5],
      start: 45,
      end: 54,
    });
    const invented = await api(
      url(first!.id),
      json("PATCH", { evidence: { segment_indices: [5], quote: "the moon is cheese" } }),
    );
    expect(invented.status).toBe(422);

    expect((await api(url(third!.id), { method: "DELETE" })).status).toBe(204);
    expect((await api(url(third!.id), { method: "DELETE" })).status).toBe(404);
    expect((await api(url(crypto.randomUUID()), json("PATCH", { stem: "x" }))).status).toBe(404);
    const after = await getQuiz(projectId, quizId);
    expect(after.questions.map((q) => q.position)).toEqual([1, 2, 3]);
    expect(after.questions[0]!.id).toBe(first!.id);
    expect((await api(url(first!.id), json("PATCH", { position: 9 }))).status).toBe(422);
  });

  it("lets a teacher repair a rejected question, which then joins the quiz", async () => {
    const { projectId, quizId, quiz } = await projectWithQuiz({
      question_types: ["multiple_choice"],
      focus: `[[fake-quiz invented_quote ${crypto.randomUUID()}]]`,
      num_questions: 4,
    });
    const rejected = quiz.rejected.find((q) => q.reasons[0]!.check === "quote_in_segments")!;
    expect(rejected).toBeDefined();
    const index = rejected.evidence!.segment_indices[0]!;
    const res = await api(
      `/projects/${projectId}/quizzes/${quizId}/questions/${rejected.id}`,
      json("PATCH", { evidence: { segment_indices: [index], quote: LESSON[index]!.split(" ").slice(0, 5).join(" ") } }),
    );
    expect(res.status, await res.clone().text()).toBe(200);
    const after = await getQuiz(projectId, quizId);
    expect(after.rejected.map((q) => q.id)).not.toContain(rejected.id);
    expect(after.questions.at(-1)!.id).toBe(rejected.id);
  });

  it("answers 409 to new evidence when the video has no transcript to check it against", async () => {
    const { projectId, assetId, quizId } = await projectWithQuiz();
    await createDb(env.DB).delete(transcripts).where(eq(transcripts.assetId, assetId));
    const res = await api(`/projects/${projectId}/quizzes/${quizId}/questions`, json("POST", teacherQuestion));
    expect(res.status).toBe(409);
    expect(((await res.json()) as ErrorBody).error.message).toBe(
      `Video ${assetId} has no transcript to check the evidence against`,
    );
    const without = await api(
      `/projects/${projectId}/quizzes/${quizId}/questions`,
      json("POST", { ...teacherQuestion, evidence: null }),
    );
    expect(without.status).toBe(201);
  });
});
