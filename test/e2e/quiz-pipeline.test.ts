// Quizzes end to end: wrangler dev + the media service + the fake OpenAI. A spoken lesson (espeak-ng) is uploaded
// and quizzed without a prior transcript, the job is watched over SSE, and the quiz is read, edited and exported.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { XMLValidator } from "fast-xml-parser";
import { parse as parseGift } from "gift-pegjs";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { AssetSchema } from "../../worker/routes/assets/schema";
import { type JobResponse, JobSchema } from "../../worker/routes/jobs/schema";
import { QuizSchema } from "../../worker/routes/quizzes/schema";
import { type FakeOpenAI, startFakeOpenAI } from "../fake-openai/server";
import { makeSpeech, makeVideoWithAudio } from "../media/speech-video";
import { type LocalStack, startLocalStack } from "../stack/local-stack";
import { sseFrames } from "../worker/jobs/sse-reader";

const ADMIN_KEY = "e2e-quiz-admin-key";
const OPENAI_KEY = "sk-e2e-quiz-fake-openai-key";
const PROJECT = `e2e-quiz-${Date.now()}`;
const work = mkdtempSync(path.join(tmpdir(), "e2e-quiz-"));
let stack: LocalStack;
let fake: FakeOpenAI;
let video: string;

beforeAll(async () => {
  fake = await startFakeOpenAI({ port: 18_953, apiKey: OPENAI_KEY });
  const [started, file] = await Promise.all([
    startLocalStack({
      port: 18_951,
      mediaPort: 18_952,
      persistTo: path.join(work, "state"),
      migratedD1From: inject("migratedD1"),
      env: { ADMIN_API_KEY: ADMIN_KEY, OPENAI_API_KEY: OPENAI_KEY, OPENAI_BASE_URL: fake.url, LOG_LEVEL: "WARNING" },
    }),
    makeSpeech(work).then((speech) => makeVideoWithAudio(work, speech, "lesson.mp4")),
  ]);
  stack = started;
  video = file;
}, 240_000);

afterAll(async () => {
  await stack?.stop();
  await fake?.stop();
  rmSync(work, { recursive: true, force: true });
});

/** wrangler dev reloads the Worker when files change (other work in the same tree); a refused connection is retried. */
async function api(route: string, init: RequestInit = {}): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(`${stack.apiUrl}/projects/${PROJECT}${route}`, {
        ...init,
        headers: { Authorization: `Bearer ${ADMIN_KEY}`, ...init.headers },
      });
    } catch (error) {
      if (attempt >= 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}

/** Every job state the SSE stream delivers until it ends (after the terminal event); reconnects after a reload. */
async function watch(jobId: string): Promise<JobResponse[]> {
  const states: JobResponse[] = [];
  for (let attempt = 1; attempt <= 5; attempt++) {
    const res = await api(`/jobs/${jobId}/events`);
    expect(res.status).toBe(200);
    try {
      for (const event of await sseFrames(res).rest()) states.push(JobSchema.parse(JSON.parse(event.data)));
    } catch {
      // A dropped stream: the job's Durable Object keeps its state, so reconnecting continues.
    }
    if (["completed", "failed", "cancelled"].includes(states.at(-1)?.status ?? "")) return states;
  }
  throw new Error(`job ${jobId} was not seen to finish; last: ${JSON.stringify(states.at(-1))}`);
}

it("quizzes a spoken lesson without a transcript, watched over SSE, then edits and exports the quiz", async () => {
  const form = new FormData();
  form.append("file", new File([readFileSync(video)], "Photosynthesis lesson.mp4", { type: "video/mp4" }));
  const uploaded = await api("/videos", { method: "POST", body: form });
  expect(uploaded.status).toBe(201);
  const asset = AssetSchema.parse(await uploaded.json());
  expect((await watch(asset.ingest_job_id!)).at(-1)).toMatchObject({ status: "completed" });

  const created = await api("/jobs", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      job_type: "quiz_generation",
      payload: { asset_id: asset.asset_id, num_questions: 3, question_types: ["multiple_choice", "true_false"] },
    }),
  });
  expect(created.status).toBe(202);
  const states = await watch(JobSchema.parse(await created.json()).id);
  const done = states.at(-1)!;
  expect(done, done.error_message ?? "").toMatchObject({ status: "completed", result: { transcript_cached: false } });
  const messages = done.logs.map((log) => log.message);
  expect(messages.some((m) => m.startsWith("Phase 1 of 2"))).toBe(true);
  expect(messages.some((m) => m.startsWith("Phase 2 of 2"))).toBe(true);
  expect(states.some((s) => s.status === "running" && s.progress > 0 && s.progress < 100)).toBe(true);
  expect(fake.control.requests("transcriptions").length).toBeGreaterThan(0);

  const quizId = (done.result as { quiz_id: string }).quiz_id;
  const quiz = QuizSchema.parse(await (await api(`/quizzes/${quizId}`)).json());
  expect(quiz).toMatchObject({ asset_id: asset.asset_id, title: "Quiz: Photosynthesis lesson", status: "draft" });
  expect(quiz.questions.length).toBeGreaterThan(0);
  for (const q of quiz.questions) expect(q.checks.find((c) => c.name === "answerable")?.passed).toBe(true);

  const edited = await api(`/quizzes/${quizId}`, {
    method: "PATCH",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ title: "Photosynthesis: check", status: "published" }),
  });
  expect(edited.status).toBe(200);

  const gift = await api(`/quizzes/${quizId}/export?format=gift`);
  expect(gift.headers.get("content-disposition")).toMatch(/filename="photosynthesis-check\.gift\.txt"/);
  const parsed = parseGift(await gift.text()).filter((q) => q.type === "MC" || q.type === "TF");
  expect(parsed).toHaveLength(quiz.questions.length);
  const moodle = await api(`/quizzes/${quizId}/export?format=moodle_xml`);
  expect(XMLValidator.validate(await moodle.text())).toBe(true);
}, 240_000);
