import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ErrorEnvelopeSchema } from "../../../worker/errors";
import { ADMIN, api, clipState, NO_CLIPS, postClipsJob, seedQuiz } from "./review-clips-kit";

async function rejected(res: Response, status: number) {
  expect(res.status, await res.clone().text()).toBe(status);
  return ErrorEnvelopeSchema.parse(await res.json()).error;
}

async function jobCount(projectId: string) {
  const res = await api(`/projects/${projectId}/jobs`, { headers: ADMIN });
  return ((await res.json()) as { items: unknown[] }).items.length;
}

describe("quiz_review_clips job: payloads refused at creation", () => {
  it("an unknown quiz is a 404 on payload.quiz_id", async () => {
    const { projectId } = await seedQuiz([{ start: 10, end: 12 }]);
    const error = await rejected(await postClipsJob(projectId, { quiz_id: crypto.randomUUID() }), 404);
    expect(error.code).toBe("NOT_FOUND");
    expect(error.details).toEqual([expect.objectContaining({ path: "payload.quiz_id", code: "not_found" })]);
    expect(await jobCount(projectId)).toBe(0);
  });

  it("another project's quiz is a 404, and nothing is made in either project", async () => {
    const victim = await seedQuiz([{ start: 10, end: 12 }]);
    const attacker = await seedQuiz([{ start: 10, end: 12 }]);
    const error = await rejected(await postClipsJob(attacker.projectId, { quiz_id: victim.quizId }), 404);
    expect(error.code).toBe("NOT_FOUND");
    expect(await jobCount(attacker.projectId)).toBe(0);
    expect(await clipState(victim.projectId)).toEqual(NO_CLIPS);
  });

  it("a quiz without questions, or only with questions that have no moment in the video, is a 422", async () => {
    for (const evidence of [[], [null, null]]) {
      const { projectId, quizId } = await seedQuiz(evidence);
      const error = await rejected(await postClipsJob(projectId, { quiz_id: quizId }), 422);
      expect(error.code).toBe("VALIDATION_ERROR");
      expect(error.details).toEqual([expect.objectContaining({ path: "payload.quiz_id", code: "no_questions" })]);
    }
  });

  it("a quiz whose video is not ready is a 422; once the video is deleted (and its quizzes with it), a 404", async () => {
    const { projectId, quizId, video } = await seedQuiz([{ start: 10, end: 12 }]);
    await env.DB.prepare("UPDATE assets SET status = 'processing' WHERE id = ?").bind(video.id).run();
    const error = await rejected(await postClipsJob(projectId, { quiz_id: quizId }), 422);
    expect(error.details).toEqual([expect.objectContaining({ path: "payload.quiz_id", code: "not_ready" })]);
    const deleted = await api(`/projects/${projectId}/videos/${video.id}`, { method: "DELETE", headers: ADMIN });
    expect(deleted.status).toBe(204);
    await rejected(await postClipsJob(projectId, { quiz_id: quizId }), 404);
  });

  it("bad padding, a bad quiz id, unknown fields and a missing quiz id are 422s naming the field", async () => {
    const { projectId, quizId } = await seedQuiz([{ start: 10, end: 12 }]);
    const cases: [unknown, string][] = [
      [{ quiz_id: quizId, padding_seconds: -1 }, "payload.padding_seconds"],
      [{ quiz_id: quizId, padding_seconds: 10.5 }, "payload.padding_seconds"],
      [{ quiz_id: quizId, padding_seconds: "2" }, "payload.padding_seconds"],
      [{ quiz_id: quizId, subtitles: "yes" }, "payload.subtitles"],
      [{ quiz_id: "not-a-uuid" }, "payload.quiz_id"],
      [{}, "payload.quiz_id"],
      [{ quiz_id: quizId, resolution: "1080p" }, "payload.resolution"],
    ];
    for (const [payload, path] of cases) {
      const error = await rejected(await postClipsJob(projectId, payload), 422);
      expect(error.code, JSON.stringify(payload)).toBe("VALIDATION_ERROR");
      expect(
        error.details?.map((d) => d.path),
        JSON.stringify(payload),
      ).toContain(path);
    }
    expect(await jobCount(projectId)).toBe(0);
  });
});
