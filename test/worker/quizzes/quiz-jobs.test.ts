import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { getCurrentTranscript } from "../../../worker/ai/transcript-store";
import { createDb } from "../../../worker/db/client";
import { JobSchema } from "../../../worker/routes/jobs/schema";
import { seedSceneRun } from "../ai/ai-seed";
import { sseFrames } from "../jobs/sse-reader";
import {
  api,
  createQuizJob,
  directives,
  getQuiz,
  projectWithVideo,
  quizChats,
  quizId,
  runQuizJob,
  SEGMENT_SECONDS,
  seedLesson,
} from "./quiz-kit";

describe("quiz_generation jobs", { timeout: 90_000 }, () => {
  it("transcribes a video without a transcript first, then generates, logging both phases", async () => {
    const { projectId, assetId } = await projectWithVideo("lesson.mp4", "quiz");
    const created = await createQuizJob(projectId, { asset_id: assetId, num_questions: 2 });
    // Watched over SSE as a client would: the stream ends when the job does.
    const events = await sseFrames(await api(`/projects/${projectId}/jobs/${created.id}/events`)).rest();
    const states = events.map((e) => JobSchema.parse(JSON.parse(e.data)));
    const job = states.at(-1)!;
    expect(job.status, job.error_message ?? "").toBe("completed");
    expect(job.progress).toBe(100);
    const progress = states.map((s) => s.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.some((p) => p > 0 && p < 50)).toBe(true);
    expect(progress.some((p) => p >= 50 && p < 100)).toBe(true);
    // No quiz exists before the job completes.
    expect(states.filter((s) => s.status !== "completed").every((s) => s.result === null)).toBe(true);
    const messages = job.logs.map((log) => log.message);
    const phase1 = messages.findIndex((m) => m.startsWith("Phase 1 of 2: the video has no transcript yet"));
    const chunk = messages.findIndex((m) => /^Chunk 1 transcribed/.test(m));
    const phase2 = messages.findIndex((m) => m.startsWith("Phase 2 of 2: generating 2 questions"));
    expect(phase1).toBeGreaterThanOrEqual(0);
    expect(chunk).toBeGreaterThan(phase1);
    expect(phase2).toBeGreaterThan(chunk);
    expect(job.result).toMatchObject({ asset_id: assetId, cached: false, transcript_cached: false });

    const transcript = await getCurrentTranscript(createDb(env.DB), projectId, assetId);
    expect(transcript).not.toBeNull();
    const quiz = await getQuiz(projectId, quizId(job));
    expect(quiz).toMatchObject({
      asset_id: assetId,
      project_id: projectId,
      status: "draft",
      transcript_id: transcript!.id,
    });
    expect(quiz.title).toBe("Quiz: lesson");
    expect(quiz.questions.length).toBeGreaterThanOrEqual(1);
    expect(quiz.counts.kept).toBe(quiz.questions.length);
    for (const q of quiz.questions) {
      expect(q.evidence).not.toBeNull();
      for (const index of q.evidence!.segment_indices) {
        expect(transcript!.segments[index]!.text.toLowerCase()).toContain(
          q.evidence!.quote.toLowerCase().split(" ")[0],
        );
      }
      expect(q.checks.find((c) => c.name === "answerable")).toMatchObject({ passed: true });
      expect(q.checks.find((c) => c.name === "quote_in_segments")).toMatchObject({ passed: true });
    }
    // Then edited and exported like any quiz (the formats themselves are checked in quiz-exports.test.ts).
    const first = quiz.questions[0]!;
    const edit = await api(`/projects/${projectId}/quizzes/${quiz.id}/questions/${first.id}`, {
      method: "PATCH",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ explanation: "Said in the first minute." }),
    });
    expect(edit.status).toBe(200);
    const exported = await api(`/projects/${projectId}/quizzes/${quiz.id}/export?format=json`);
    expect(exported.status).toBe(200);
    const body = (await exported.json()) as { id: string; questions: { id: string; explanation: string }[] };
    expect(body.id).toBe(quiz.id);
    expect(body.questions[0]).toMatchObject({ id: first.id, explanation: "Said in the first minute." });
  });

  it("rejects an invented quote, segments outside the range, a duplicate and a wrong key, keeping each with its reasons", async () => {
    const { projectId, assetId } = await projectWithVideo("video.mp4", "quiz");
    const transcript = await seedLesson(projectId, assetId);
    const focus = directives("invented_quote", "out_of_range", "duplicate", "wrong_key");
    const range = { start: 0, end: 10 * SEGMENT_SECONDS };
    const job = await runQuizJob(projectId, {
      asset_id: assetId,
      num_questions: 6,
      question_types: ["multiple_choice"],
      range,
      focus,
    });
    expect(job.status, job.error_message ?? "").toBe("completed");
    const quiz = await getQuiz(projectId, quizId(job));
    const reasons = quiz.rejected.map((q) => q.reasons.map((r) => r.check).join("+")).sort();
    // Segments past the range are cited with a quote from inside it: both checks fail.
    expect(reasons).toEqual([
      "answerable",
      "evidence_in_range+quote_in_segments",
      "not_duplicate",
      "quote_in_segments",
    ]);
    const rejectedFor = (check: string) => quiz.rejected.find((q) => q.reasons[0]!.check === check)!;
    expect(rejectedFor("answerable").reasons[0]!.message).toMatch(/not answerable from the cited moment/i);
    expect(rejectedFor("not_duplicate").reasons[0]!.message).toMatch(/^Repeats generated question 1$/);
    expect(rejectedFor("quote_in_segments").evidence!.quote).toMatch(/Volcanoes/);
    expect(rejectedFor("evidence_in_range").evidence!.segment_indices[0]).toBeGreaterThanOrEqual(10);
    expect(quiz.counts).toMatchObject({ requested: 6, rejected: 4, kept: quiz.questions.length });
    expect(quiz.counts.generated).toBe(quiz.counts.rejected + quiz.counts.kept);
    // The second round replaced what was rejected, inside the range.
    expect(quiz.questions).toHaveLength(6);
    quiz.questions.forEach((q, i) => {
      expect(q.position).toBe(i + 1);
      expect(q.evidence!.end).toBeLessThanOrEqual(range.end);
      expect(q.options.filter((o) => o.correct)).toHaveLength(1);
    });
    expect(quiz.parameters).toMatchObject({ range, focus, num_questions: 6, verify: true });
    expect(quiz.transcript_id).toBe(transcript.id);
    const chats = await quizChats(focus);
    expect(chats.length).toBeGreaterThan(0);
    for (const chat of chats) {
      expect(chat.response_format).toMatchObject({ type: "json_schema", json_schema: { strict: true } });
    }
  });

  it("quizzes one scene of the latest scene run, citing only what is said in it", async () => {
    const { projectId, assetId } = await projectWithVideo("video.mp4", "quiz");
    const transcript = await seedLesson(projectId, assetId);
    // seedSceneRun's one scene, scene_1, spans 0-61.25 s: segments 0-6 of the lesson.
    await seedSceneRun(transcript, { tone: null, criteria: null });
    const job = await runQuizJob(projectId, {
      asset_id: assetId,
      scene_id: "scene_1",
      num_questions: 3,
      focus: directives(),
    });
    expect(job.status, job.error_message ?? "").toBe("completed");
    const quiz = await getQuiz(projectId, quizId(job));
    expect(quiz.parameters).toMatchObject({ scene_id: "scene_1", range: { start: 0, end: 61.25 } });
    expect(quiz.questions.length).toBeGreaterThan(0);
    for (const q of quiz.questions) expect(Math.max(...q.evidence!.segment_indices)).toBeLessThanOrEqual(6);
  });

  it("writes the quiz in another language than the lesson when asked, quotes staying in the lesson's", async () => {
    const { projectId, assetId } = await projectWithVideo("video.mp4", "quiz");
    await seedLesson(projectId, assetId);
    const focus = directives();
    const job = await runQuizJob(projectId, { asset_id: assetId, num_questions: 1, language: "fr", focus });
    expect(job.status, job.error_message ?? "").toBe("completed");
    expect(await getQuiz(projectId, quizId(job))).toMatchObject({ language: "fr", parameters: { language: "fr" } });
    const [generation] = (await quizChats(focus)).filter((r) => r.prompt?.includes("Quiz language"));
    expect(generation!.prompt).toContain("Quiz language (stems, options, explanations): fr");
    expect(generation!.prompt).toContain("Transcript language (quotes stay in it): en");
    const defaulted = await runQuizJob(projectId, { asset_id: assetId, num_questions: 1, focus: directives() });
    expect(defaulted.result).toMatchObject({ language: "en" });
  });

  it("answers an identical request from the stored quiz, and generates again with force", async () => {
    const { projectId, assetId } = await projectWithVideo("video.mp4", "quiz");
    await seedLesson(projectId, assetId);
    const focus = directives();
    const payload = { asset_id: assetId, num_questions: 2, focus };
    const first = await runQuizJob(projectId, payload);
    expect(first.status, first.error_message ?? "").toBe("completed");
    const calls = (await quizChats(focus)).length;

    const cached = await runQuizJob(projectId, payload);
    expect(cached.result).toMatchObject({ cached: true, quiz_id: quizId(first), transcript_cached: true });
    expect(await quizChats(focus)).toHaveLength(calls);

    const forced = await runQuizJob(projectId, { ...payload, force: true });
    expect(forced.result).toMatchObject({ cached: false });
    expect(quizId(forced)).not.toBe(quizId(first));
    expect((await quizChats(focus)).length).toBeGreaterThan(calls);
    // The older quiz stays, with its edits; the next identical request is answered by the forced one.
    expect((await getQuiz(projectId, quizId(first))).id).toBe(quizId(first));
    const again = await runQuizJob(projectId, payload);
    expect(again.result).toMatchObject({ cached: true, quiz_id: quizId(forced) });
  });
});
