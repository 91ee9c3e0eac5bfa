import { env } from "cloudflare:test";
import { expect, inject } from "vitest";
import { quizQuestions } from "../../../worker/db/schema/quiz-questions";
import { quizzes } from "../../../worker/db/schema/quizzes";
import { type JobResponse, JobSchema } from "../../../worker/routes/jobs/schema";
import { ADMIN, api, db, seedAsset, seedTranscript, waitForFinish } from "../exports/export-kit";
import { uniqueProjectId } from "../helpers/project-key";

export { ADMIN, api, db };

/** The lesson's transcript: ten 6 s sentences over the first minute of lesson-clock.mp4. */
export const SEGMENTS = Array.from({ length: 10 }, (_, i) => ({
  start: i * 6,
  end: (i + 1) * 6,
  text: `Sentence number ${i + 1} of the lesson.`,
}));

/**
 * A quiz stored as the generation job stores one, on a 60 s video with a transcript: one kept multiple-choice
 * question per evidence window (null: a teacher's question without a moment), in that order.
 */
export async function seedQuiz(
  evidence: ({ start: number; end: number } | null)[],
  projectId = uniqueProjectId("rvc"),
) {
  const video = await seedAsset(projectId, "lesson-clock.mp4", { duration: 60 });
  const transcriptId = await seedTranscript(projectId, video.id, SEGMENTS);
  const quizId = crypto.randomUUID();
  const now = new Date().toISOString();
  await db()
    .insert(quizzes)
    .values({
      id: quizId,
      projectId,
      assetId: video.id,
      transcriptId,
      jobId: null,
      cacheKey: null,
      title: "Clock lesson",
      language: "en",
      status: "draft",
      parameters: {
        num_questions: evidence.length,
        question_types: ["multiple_choice"],
        difficulty: "easy",
        language: "en",
        focus: null,
        audience: null,
        range: null,
        scene_id: null,
        verify: false,
      },
      model: "gpt-4o-mini",
      promptVersion: "test",
      requestId: null,
      seed: 1,
      usage: { total_tokens: 0, prompt_tokens: 0, completion_tokens: 0, requests: 0 },
      counts: { requested: evidence.length, generated: evidence.length, rejected: 0, kept: evidence.length },
      createdAt: now,
      updatedAt: now,
    });
  const questionIds = evidence.map(() => crypto.randomUUID());
  for (const [i, window] of evidence.entries()) {
    await db()
      .insert(quizQuestions)
      .values({
        id: questionIds[i]!,
        quizId,
        projectId,
        state: "kept",
        position: i + 1,
        origin: window ? "generated" : "teacher",
        type: "multiple_choice",
        stem: `What does sentence ${i + 1} say?`,
        options: [
          { id: "a", text: "This", correct: true },
          { id: "b", text: "That", correct: false },
        ],
        acceptedAnswers: [],
        explanation: "It says so.",
        difficulty: "easy",
        bloomLevel: "remember",
        evidence: window && { segment_indices: [], start: window.start, end: window.end, quote: "Sentence" },
        transcriptId: window ? transcriptId : null,
        checks: [],
        reasons: null,
        createdAt: now,
        updatedAt: now,
      });
  }
  return { projectId, video, quizId, questionIds };
}

export const postClipsJob = (projectId: string, payload: unknown, extra: Record<string, unknown> = {}) =>
  api(`/projects/${projectId}/jobs`, {
    method: "POST",
    headers: { ...ADMIN, "Content-Type": "application/json" },
    body: JSON.stringify({ job_type: "quiz_review_clips", payload, max_attempts: 1, ...extra }),
  });

export interface ClipResult {
  question_id: string;
  asset_id: string;
  start: number;
  end: number;
  duration: number;
  download_path: string;
}

/** Runs a quiz_review_clips job to its end and returns it with its clips. */
export async function runClipsJob(projectId: string, payload: unknown): Promise<JobResponse & { clips: ClipResult[] }> {
  const res = await postClipsJob(projectId, payload);
  expect(res.status, await res.clone().text()).toBe(202);
  const job = await waitForFinish(projectId, JobSchema.parse(await res.json()).id, 180_000);
  expect(job.status, job.error_message ?? "").toBe("completed");
  return { ...job, clips: (job.result as { clips: ClipResult[] }).clips };
}

/** Rows, export assets and R2 objects (exports/ and thumbnails/) of the project's clips, counted. */
export async function clipState(projectId: string) {
  const count = async (sql: string) => (await env.DB.prepare(sql).bind(projectId).first<{ n: number }>())?.n ?? -1;
  const listed = async (folder: string) =>
    (await env.BUCKET.list({ prefix: `projects/${projectId}/${folder}/` })).objects.length;
  return {
    rows: await count("SELECT count(*) AS n FROM quiz_review_clips WHERE project_id = ?"),
    assets: await count("SELECT count(*) AS n FROM assets WHERE project_id = ? AND category = 'export'"),
    exports: await listed("exports"),
    thumbnails: await listed("thumbnails"),
  };
}

export const NO_CLIPS = { rows: 0, assets: 0, exports: 0, thumbnails: 0 };

/** The frame at `at` seconds of a video, 16x9 RGB, decoded by the real ffmpeg (test/frame-reader). */
export async function frameAt(bytes: Uint8Array, at: number): Promise<number[]> {
  const res = await fetch(`${inject("frameReaderUrl")}/frame?at=${at}`, { method: "POST", body: bytes });
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as { rgb: number[] }).rgb;
}

/** Mean absolute channel difference of the top two thirds of two frames (burned subtitles sit at the bottom). */
export function frameDistance(a: number[], b: number[]): number {
  const top = 16 * 6 * 3;
  let sum = 0;
  for (let i = 0; i < top; i++) sum += Math.abs((a[i] ?? 0) - (b[i] ?? 0));
  return sum / top;
}
