import { describe, expect, it } from "vitest";
import { bodies, typesOf, webhookWithReceiver } from "../webhooks/webhook-kit";
import { getQuiz, projectWithVideo, quizId, runQuizJob, seedLesson } from "./quiz-kit";

describe("quiz.ready webhook", { timeout: 90_000 }, () => {
  it("delivers the quiz summary as quiz.ready after job.completed when a real quiz_generation job completes, verified per Standard Webhooks", async () => {
    const { projectId, assetId } = await projectWithVideo("video.mp4", "quiz");
    await seedLesson(projectId, assetId);
    const { receiver } = await webhookWithReceiver(projectId);
    const job = await runQuizJob(projectId, { asset_id: assetId, num_questions: 3 });
    expect(job.status, job.error_message ?? "").toBe("completed");

    const received = await receiver.until((got) =>
      expect(typesOf(got)).toEqual(["job.started", "job.completed", "quiz.ready"]),
    );
    // The receiver checks each delivery with the standardwebhooks package and the endpoint's secret.
    for (const hook of received) {
      expect(hook.verified).toEqual([true]);
      expect(hook.answered).toBe(200);
    }
    expect(new Set(received.map((hook) => hook.id)).size).toBe(3);
    const [, completed, ready] = bodies(received);
    expect(Object.keys(ready ?? {})).toEqual(["type", "timestamp", "data"]);
    // job.completed carries the job; quiz.ready carries only its result, the quiz summary.
    expect(completed?.data).toMatchObject({ id: job.id, status: "completed" });
    expect(ready?.data).toEqual(job.result);
    const quiz = await getQuiz(projectId, quizId(job));
    expect(ready?.data).toMatchObject({
      quiz_id: quiz.id,
      asset_id: assetId,
      cached: false,
      transcript_cached: true,
      title: quiz.title,
      language: quiz.language,
      counts: quiz.counts,
      model: quiz.model,
      prompt_version: quiz.prompt_version,
    });
    expect(quiz.counts.kept).toBe(3);
  });
});
