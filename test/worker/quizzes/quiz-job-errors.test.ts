import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { getCurrentTranscript } from "../../../worker/ai/transcript-store";
import { createDb } from "../../../worker/db/client";
import { seedTranscript } from "../ai/ai-seed";
import { postJson, waitForJob } from "../jobs/job-test-kit";
import {
  api,
  createQuizJob,
  directives,
  postQuizJob,
  projectWithVideo,
  quizChats,
  runQuizJob,
  seedLesson,
} from "./quiz-kit";

describe("quiz_generation failures", { timeout: 90_000 }, () => {
  it("fails at once for a video whose audio has no speech, keeping the empty transcript", async () => {
    const { projectId, assetId } = await projectWithVideo("silent-audio.mp4", "quiz");
    const job = await runQuizJob(projectId, { asset_id: assetId }, { max_attempts: 3 });
    expect(job).toMatchObject({ status: "failed", attempts: 1 });
    expect(job.error_message).toBe(`Video ${assetId} has no speech to make a quiz from: its transcript is empty`);
    const transcript = await getCurrentTranscript(createDb(env.DB), projectId, assetId);
    expect(transcript?.segments).toEqual([]);
    const list = await (await api(`/projects/${projectId}/quizzes?asset_id=${assetId}`)).json();
    expect(list).toMatchObject({ items: [] });
  });

  it("fails at once for a video without an audio track", async () => {
    const { projectId, assetId } = await projectWithVideo("no-audio.mp4", "quiz");
    const job = await runQuizJob(projectId, { asset_id: assetId }, { max_attempts: 3 });
    expect(job).toMatchObject({ status: "failed", attempts: 1 });
    expect(job.error_message).toMatch(/no audio track/);
  });

  it("fails at once when the range holds no speech", async () => {
    const { projectId, assetId } = await projectWithVideo("video.mp4", "quiz");
    // Speech at 0-61 s and at 3725 s, nothing between.
    await seedTranscript(projectId, assetId);
    const job = await runQuizJob(
      projectId,
      { asset_id: assetId, range: { start: 100, end: 200 } },
      { max_attempts: 3 },
    );
    expect(job).toMatchObject({ status: "failed", attempts: 1 });
    expect(job.error_message).toBe(
      `Nothing is said between 100 and 200 s of video ${assetId}, so there is nothing to ask about`,
    );
  });

  it("keeps the transcript when generation fails after it, and the retry reuses it", async () => {
    const { projectId, assetId } = await projectWithVideo("video.mp4", "quiz");
    // OPENAI_MAX_RETRIES is 2 in the test media service: three 500s use up the first attempt.
    const focus = directives("fail_first=3");
    const job = await runQuizJob(projectId, { asset_id: assetId, num_questions: 1, focus }, { max_attempts: 2 });
    expect(job.status, job.error_message ?? "").toBe("completed");
    expect(job.attempts).toBe(2);
    expect(job.logs.some((log) => /Attempt 1 failed: Quiz generation failed/.test(log.message))).toBe(true);
    const phase1 = job.logs.filter((log) => log.message.startsWith("Phase 1 of 2"));
    expect(phase1).toHaveLength(1);
    expect(job.logs.some((log) => log.message.startsWith("Phase 1 of 1: generating"))).toBe(true);
    expect(job.result).toMatchObject({ transcript_cached: true });
    const statuses = (await quizChats(focus)).filter((r) => r.status !== 200).map((r) => r.status);
    expect(statuses).toEqual([500, 500, 500]);
  });

  it("is cancelled mid-generation without storing a quiz", async () => {
    const { projectId, assetId } = await projectWithVideo("video.mp4", "quiz");
    await seedLesson(projectId, assetId);
    const focus = directives("delay_ms=5000");
    const created = await createQuizJob(projectId, { asset_id: assetId, num_questions: 2, focus });
    await waitForJob(
      projectId,
      created.id,
      (job) => job.logs.some((l) => l.message.startsWith("Phase 1 of 1")),
      30_000,
    );
    const res = await postJson(`/projects/${projectId}/jobs/${created.id}/cancel`, {});
    expect(res.status).toBe(200);
    const done = await waitForJob(projectId, created.id, (job) => job.status !== "running", 30_000);
    expect(done.status).toBe("cancelled");
    const list = await (await api(`/projects/${projectId}/quizzes?asset_id=${assetId}`)).json();
    expect(list).toMatchObject({ items: [] });
  });

  it("refuses bad parameters with field errors, and an unknown or non-video asset", async () => {
    const { projectId, assetId } = await projectWithVideo("video.mp4", "quiz");
    const cases: [Record<string, unknown>, string][] = [
      [{ asset_id: assetId, num_questions: 0 }, "payload.num_questions"],
      [{ asset_id: assetId, num_questions: 51 }, "payload.num_questions"],
      [{ asset_id: assetId, question_types: ["essay"] }, "payload.question_types.0"],
      [{ asset_id: assetId, difficulty: "impossible" }, "payload.difficulty"],
      [{ asset_id: assetId, focus: "x".repeat(2001) }, "payload.focus"],
      [{ asset_id: assetId, audience: "x".repeat(201) }, "payload.audience"],
      [{ asset_id: assetId, range: { start: 10, end: 5 } }, "payload.range.end"],
      [{ asset_id: assetId, range: { start: 0, end: 5 }, scene_id: "scene_1" }, "payload.scene_id"],
      [{ asset_id: assetId, scene_id: "scene_9" }, "payload.scene_id"],
      [{ asset_id: assetId, extra: true }, "payload.extra"],
      [{}, "payload.asset_id"],
    ];
    for (const [payload, path] of cases) {
      const res = await postQuizJob(projectId, payload);
      expect(res.status, JSON.stringify(payload)).toBe(422);
      const body = (await res.json()) as { error: { code: string; details: { path: string }[] } };
      expect(body.error.code).toBe("VALIDATION_ERROR");
      expect(body.error.details.map((d) => d.path)).toContain(path);
    }
    const unknown = await postQuizJob(projectId, { asset_id: crypto.randomUUID() });
    expect([404, 422]).toContain(unknown.status);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toMatch(/not found|No asset/i);
  });
});
