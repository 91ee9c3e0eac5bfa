import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createDb } from "../../../worker/db/client";
import { quizQuestions } from "../../../worker/db/schema/quiz-questions";
import { QuizListSchema } from "../../../worker/routes/quizzes/schema";
import { api, getQuiz, projectWithQuiz, seedLesson } from "./quiz-kit";

describe("what happens to quizzes when their video, project or transcript changes", { timeout: 60_000 }, () => {
  it("deletes a quiz; deleting the video deletes its quizzes", async () => {
    const { projectId, assetId, quizId } = await projectWithQuiz();
    expect((await api(`/projects/${projectId}/quizzes/${quizId}`, { method: "DELETE" })).status).toBe(204);
    expect((await api(`/projects/${projectId}/quizzes/${quizId}`)).status).toBe(404);
    expect((await api(`/projects/${projectId}/quizzes/${quizId}`, { method: "DELETE" })).status).toBe(404);

    const second = await projectWithQuiz();
    expect((await api(`/projects/${second.projectId}/videos/${second.assetId}`, { method: "DELETE" })).status).toBe(
      204,
    );
    expect((await api(`/projects/${second.projectId}/quizzes/${second.quizId}`)).status).toBe(404);
    const orphans = await createDb(env.DB).select().from(quizQuestions).where(eq(quizQuestions.quizId, second.quizId));
    expect(orphans).toEqual([]);
    expect(assetId).not.toBe(second.assetId);

    // Wiping a project's storage removes its quizzes and their questions, and nobody else's.
    const [wiped, neighbour] = [await projectWithQuiz(), await projectWithQuiz()];
    expect((await api(`/projects/${wiped.projectId}/storage`, { method: "DELETE" })).status).toBe(200);
    expect((await api(`/projects/${wiped.projectId}/quizzes/${wiped.quizId}`)).status).toBe(404);
    const left = await createDb(env.DB).select().from(quizQuestions).where(eq(quizQuestions.quizId, wiped.quizId));
    expect(left).toEqual([]);
    expect((await getQuiz(neighbour.projectId, neighbour.quizId)).questions).toHaveLength(4);
  });

  it("marks evidence from an older transcript after a re-transcription, and keeps the quiz", async () => {
    const { projectId, assetId, quizId } = await projectWithQuiz();
    await seedLesson(projectId, assetId);
    const quiz = await getQuiz(projectId, quizId);
    expect(quiz.questions).toHaveLength(4);
    for (const q of quiz.questions) {
      expect(q.checks.find((c) => c.name === "evidence_current")).toMatchObject({ passed: false, severity: "warning" });
    }
    const list = QuizListSchema.parse(await (await api(`/projects/${projectId}/quizzes`)).json());
    expect(list.items[0]).toMatchObject({ id: quizId });
    expect(quiz.evidence_stale).toBe(true);
  });
});
