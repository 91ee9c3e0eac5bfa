// The AI pipeline end to end: wrangler dev + the media service + the fake OpenAI, driven over HTTP and WebSocket.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import WebSocket from "ws";
import { SceneRunSchema, TranscriptSchema } from "../../worker/routes/ai/schema";
import { AssetSchema } from "../../worker/routes/assets/schema";
import { type JobResponse, JobSchema } from "../../worker/routes/jobs/schema";
import { type FakeOpenAI, startFakeOpenAI } from "../fake-openai/server";
import { LESSON_SENTENCES, makeSpeech, makeVideoWithAudio } from "../media/speech-video";
import { type LocalStack, startLocalStack } from "../stack/local-stack";

const ADMIN_KEY = "e2e-ai-admin-key";
const OPENAI_KEY = "sk-e2e-fake-openai-key";
const ADMIN = { Authorization: `Bearer ${ADMIN_KEY}` };
const PROJECT = `e2e-ai-${Date.now()}`;
const work = mkdtempSync(path.join(tmpdir(), "e2e-ai-"));
let stack: LocalStack;
let fake: FakeOpenAI;
let video: string;

beforeAll(async () => {
  fake = await startFakeOpenAI({ port: 18_863, apiKey: OPENAI_KEY });
  const [started, file] = await Promise.all([
    startLocalStack({
      port: 18_861,
      mediaPort: 18_862,
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
        headers: { ...ADMIN, ...init.headers },
      });
    } catch (error) {
      if (attempt >= 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}

async function streamToken(): Promise<string> {
  const res = await api("/stream-tokens", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: "{}",
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { token: string }).token;
}

/** "pong" answers to the "ping" every session sends when it opens. */
let pongs = 0;

/** One WebSocket session: the snapshots it delivered and the close code (1000 after the terminal event). */
function session(url: string, snapshots: JobResponse[]): Promise<number> {
  const socket = new WebSocket(url);
  return new Promise((resolve) => {
    const timer = setTimeout(() => socket.terminate(), 120_000);
    socket.on("open", () => socket.send("ping"));
    socket.on("message", (data) => {
      if (String(data) === "pong") {
        pongs += 1;
        return;
      }
      const message = JSON.parse(String(data)) as { id: number; job: unknown };
      snapshots.push(JobSchema.parse(message.job));
    });
    socket.on("close", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
    socket.on("error", () => undefined);
  });
}

/**
 * Every job snapshot the WebSocket delivers, until the server closes it with 1000 after the terminal event.
 * A reload of wrangler dev drops the socket (1006); the job's Durable Object keeps its state, so reconnecting
 * continues with the current snapshot.
 */
async function watch(jobId: string): Promise<JobResponse[]> {
  const snapshots: JobResponse[] = [];
  for (let attempt = 1; attempt <= 5; attempt++) {
    const token = await streamToken();
    const url = `${stack.apiUrl.replace(/^http/, "ws")}/projects/${PROJECT}/jobs/${jobId}/ws?access_token=${encodeURIComponent(token)}`;
    if ((await session(url, snapshots)) === 1000) return snapshots;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`job ${jobId} was not seen to finish; last: ${JSON.stringify(snapshots.at(-1))}`);
}

async function startJob(jobType: string, payload: Record<string, unknown>): Promise<JobResponse> {
  const res = await api("/jobs", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ job_type: jobType, payload }),
  });
  expect(res.status).toBe(202);
  return JobSchema.parse(await res.json());
}

it("uploads a spoken lesson, ingests, transcribes and finds scenes, watched live over WebSocket", async () => {
  const form = new FormData();
  form.append("file", new File([readFileSync(video)], "lesson.mp4", { type: "video/mp4" }));
  const uploaded = await api("/videos", { method: "POST", body: form });
  expect(uploaded.status).toBe(201);
  const asset = AssetSchema.parse(await uploaded.json());
  expect(asset.ingest_job_id).toBeTruthy();

  const ingest = await watch(asset.ingest_job_id!);
  expect(ingest.at(-1)).toMatchObject({ status: "completed", progress: 100 });

  // Each chunk answers after 800 ms, so the socket sees the job run rather than only its end.
  fake.control.setLatency(800);
  const transcription = await startJob("transcription", { asset_id: asset.asset_id, language: "en" });
  const pongsBefore = pongs;
  const transcribing = await watch(transcription.id);
  // The job ran for seconds after the socket opened, so its ping was answered.
  expect(pongs).toBeGreaterThan(pongsBefore);
  expect(["queued", "running"]).toContain(transcribing[0]!.status);
  expect(transcribing.some((job) => job.status === "running" && job.progress > 0 && job.progress < 100)).toBe(true);
  const done = transcribing.at(-1)!;
  expect(done).toMatchObject({ status: "completed", progress: 100, result: { cached: false } });
  const chunkLogs = done.logs.filter((log) => log.details?.kind === "transcript_segments");
  expect(chunkLogs.length).toBeGreaterThanOrEqual(1);
  expect(
    transcribing.findIndex((job) => job.logs.some((log) => log.details?.kind === "transcript_segments")),
  ).toBeLessThan(transcribing.length - 1);
  fake.control.setLatency(0);

  const sent = fake.control.requests("transcriptions");
  expect(sent.length).toBeGreaterThanOrEqual(1);
  expect(sent[0]).toMatchObject({ model: "whisper-1", audio: { sample_rate: 16000, channels: 1 } });

  const transcriptRes = await api(`/videos/${asset.asset_id}/ai/transcript`);
  expect(transcriptRes.status).toBe(200);
  const transcript = TranscriptSchema.parse(await transcriptRes.json());
  expect(transcript).toMatchObject({ asset_id: asset.asset_id, project_id: PROJECT, language: "en", cached: true });
  expect(transcript.segment_count).toBeGreaterThanOrEqual(2);
  expect(transcript.duration).toBeGreaterThan(LESSON_SENTENCES.length);
  expect(transcript.text.length).toBeGreaterThan(0);

  const srt = await api(`/videos/${asset.asset_id}/ai/transcript?format=srt`);
  expect(srt.headers.get("content-type")).toBe("application/x-subrip; charset=utf-8");
  const srtText = await srt.text();
  expect(srtText).toMatch(/^1\n\d{2}:\d{2}:\d{2},\d{3} --> \d{2}:\d{2}:\d{2},\d{3}\n\S/);
  expect(srtText.split("\n\n").filter(Boolean)).toHaveLength(transcript.segment_count);
  const vtt = await api(`/videos/${asset.asset_id}/ai/transcript?format=vtt`);
  expect(vtt.headers.get("content-type")).toBe("text/vtt; charset=utf-8");
  expect(await vtt.text()).toMatch(/^WEBVTT\n\n\d{2}:\d{2}:\d{2}\.\d{3} --> /);

  const scenesJob = await startJob("scene_detection", { asset_id: asset.asset_id, tone: "playful", max_scenes: 3 });
  const detecting = await watch(scenesJob.id);
  expect(detecting.at(-1)).toMatchObject({
    status: "completed",
    result: { cached: false, scene_count: expect.any(Number) },
  });
  const chat = fake.control.requests("chat");
  expect(chat).toHaveLength(1);
  expect(chat[0]!.prompt).toContain("Tone: playful");

  const scenesRes = await api(`/videos/${asset.asset_id}/ai/scenes`);
  expect(scenesRes.status).toBe(200);
  const scenes = SceneRunSchema.parse(await scenesRes.json());
  expect(scenes.parameters).toEqual({ tone: "playful", criteria: null, max_scenes: 3 });
  expect(scenes.scenes.length).toBeGreaterThan(0);
  const starts = new Set(transcript.segments.map((s) => s.start));
  const ends = new Set(transcript.segments.map((s) => s.end));
  for (const scene of scenes.scenes) {
    expect(starts.has(scene.start)).toBe(true);
    expect(ends.has(scene.end)).toBe(true);
  }

  // The same parameters again: answered from D1, OpenAI is not asked.
  const again = await startJob("scene_detection", { asset_id: asset.asset_id, tone: "playful", max_scenes: 3 });
  expect((await watch(again.id)).at(-1)).toMatchObject({ status: "completed", result: { cached: true } });
  expect(fake.control.requests("chat")).toHaveLength(1);
  expect((await api(`/videos/${asset.asset_id}/ai/scenes?tone=playful`)).status).toBe(200);
});
