// Every test that makes the fake OpenAI answer lives in this one file: files run in parallel, and the fake's
// behaviour queue is shared, so a second file could take a behaviour meant for this one.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SceneRunSchema, TranscriptSchema } from "../../../worker/routes/ai/schema";
import {
  api,
  chatsMentioning,
  fakeEnqueue,
  fakeReset,
  projectWithVideo,
  runJob,
  transcriptionsWithPrompt,
  withSettings,
} from "./ai-kit";

let restore: (() => void) | undefined;
beforeEach(fakeReset);
afterEach(() => {
  restore?.();
  restore = undefined;
});

const marker = (label: string) => `${label}-${crypto.randomUUID()}`;
// Each test runs real jobs through the media service and the fake OpenAI, retries and backoff included: a few
// seconds on a quiet machine, more than vitest's default 5 s on a loaded one.
const JOB_TEST_TIMEOUT_MS = 30_000;

async function transcribed(fixture: "video.mp4" | "lesson.mp4" = "video.mp4") {
  const video = await projectWithVideo(fixture);
  const prompt = marker("lesson");
  const job = await runJob(video.projectId, "transcription", { asset_id: video.assetId, prompt, language: "en" });
  expect(job.status, job.error_message ?? "").toBe("completed");
  return { ...video, prompt, job };
}

describe("transcription jobs", { timeout: JOB_TEST_TIMEOUT_MS }, () => {
  it("transcribes in chunks with the configured settings, logs each chunk's segments and stores the transcript", async () => {
    restore = withSettings({ OPENAI_TRANSCRIPTION_CHUNK_SECONDS: 10, OPENAI_TRANSCRIPTION_SAMPLE_RATE: 8000 });
    const { projectId, assetId, prompt, job } = await transcribed("lesson.mp4");
    expect(job).toMatchObject({ attempts: 1, progress: 100, result: { cached: false, asset_id: assetId } });

    const sent = await transcriptionsWithPrompt(prompt);
    expect(sent.length).toBeGreaterThanOrEqual(3);
    for (const request of sent) {
      expect(request.model).toBe("whisper-1");
      expect(request.fields).toMatchObject({ language: "en", response_format: "verbose_json" });
      expect(request.audio).toMatchObject({ sample_rate: 8000, channels: 1 });
      expect(request.audio!.duration!).toBeLessThanOrEqual(10.05);
    }
    const audioSeconds = sent.reduce((sum, r) => sum + (r.audio?.duration ?? 0), 0);
    expect(audioSeconds).toBeGreaterThan(24);

    const chunkLogs = job.logs.filter((log) => log.details?.kind === "transcript_segments");
    expect(chunkLogs).toHaveLength(sent.length);
    expect(chunkLogs.map((log) => log.details?.chunk_index).sort()).toEqual(sent.map((_, i) => i));
    // Messages count chunks from 1, the chunk_index field from 0 (as the service's).
    for (const log of chunkLogs)
      expect(log.message).toMatch(`Chunk ${Number(log.details?.chunk_index) + 1} transcribed (`);
    // Chunks finish in any order; in chunk order, their segments are the stored transcript.
    const streamed = [...chunkLogs]
      .sort((a, b) => Number(a.details?.chunk_index) - Number(b.details?.chunk_index))
      .flatMap((log) => log.details?.segments as { text: string }[]);

    const res = await api(`/projects/${projectId}/videos/${assetId}/ai/transcript`);
    expect(res.status).toBe(200);
    const transcript = TranscriptSchema.parse(await res.json());
    expect(transcript).toMatchObject({ asset_id: assetId, project_id: projectId, language: "en", cached: true });
    expect(transcript.segment_count).toBe(transcript.segments.length);
    expect(transcript.segments.map((s) => s.text)).toEqual(streamed.map((s) => s.text));
    expect(transcript.usage.requests).toBe(sent.length);
    expect(transcript.duration).toBeGreaterThan(24);
    // The first chunk's request id, whichever request reached OpenAI first.
    const chunks = transcript.metadata.chunks as { index: number; request_id: string }[];
    expect(transcript.request_id).toBe(chunks.find((chunk) => chunk.index === 0)?.request_id);
    expect(sent.map((r) => r.request_id)).toContain(transcript.request_id);
    transcript.segments.forEach((segment, i) => {
      expect(segment.index).toBe(i);
      if (i > 0) expect(segment.start).toBeGreaterThanOrEqual(transcript.segments[i - 1]!.end);
    });
    expect(transcript.metadata).toMatchObject({ model: "whisper-1", job_id: job.id, prompt });
  });

  it("answers a second job from storage without calling OpenAI, and runs again with force", async () => {
    const { projectId, assetId, prompt } = await transcribed();
    const first = TranscriptSchema.parse(
      await (await api(`/projects/${projectId}/videos/${assetId}/ai/transcript`)).json(),
    );
    const before = (await transcriptionsWithPrompt(prompt)).length;

    const cached = await runJob(projectId, "transcription", { asset_id: assetId, prompt });
    expect(cached).toMatchObject({ status: "completed", result: { cached: true, request_id: first.request_id } });
    expect(await transcriptionsWithPrompt(prompt)).toHaveLength(before);

    const forced = await runJob(projectId, "transcription", { asset_id: assetId, prompt, force: true });
    expect(forced).toMatchObject({ status: "completed", result: { cached: false } });
    expect((await transcriptionsWithPrompt(prompt)).length).toBeGreaterThan(before);
    const second = TranscriptSchema.parse(
      await (await api(`/projects/${projectId}/videos/${assetId}/ai/transcript`)).json(),
    );
    expect(second.request_id).not.toBe(first.request_id);
    expect(second.created_at >= first.created_at).toBe(true);
  });

  it("waits out a 429 with retry-after and still completes", async () => {
    const { projectId, assetId } = await projectWithVideo();
    const prompt = marker("rate-limited");
    await fakeEnqueue({ endpoint: "transcriptions", kind: "rate_limit", retry_after: 1 });
    const job = await runJob(projectId, "transcription", { asset_id: assetId, prompt });
    expect(job.status, job.error_message ?? "").toBe("completed");
    const sent = await transcriptionsWithPrompt(prompt);
    expect(sent.map((r) => r.status)).toEqual([429, 200]);
    expect(sent[1]!.received_at - sent[0]!.answered_at).toBeGreaterThanOrEqual(900);
    expect(job.logs.some((log) => log.level === "warning")).toBe(true);
  });

  it("retries the job when OpenAI keeps failing with 500, then completes on the next attempt", async () => {
    const { projectId, assetId } = await projectWithVideo();
    const prompt = marker("server-error");
    // OPENAI_MAX_RETRIES is 2 in the test media service: three 500s use up one attempt's retries.
    const error = { endpoint: "transcriptions", kind: "server_error", status: 500 } as const;
    await fakeEnqueue(error, error, error);
    const job = await runJob(
      projectId,
      "transcription",
      { asset_id: assetId, prompt },
      { max_attempts: 2, retry_delay_seconds: 0 },
    );
    expect(job.status, job.error_message ?? "").toBe("completed");
    expect(job.attempts).toBe(2);
    expect(job.logs.some((log) => /Attempt 1 failed: Transcription failed: .*retrying/.test(log.message))).toBe(true);
    expect((await transcriptionsWithPrompt(prompt)).map((r) => r.status)).toEqual([500, 500, 500, 200]);
  });

  it("fails at once on a 401 without the key in any message", async () => {
    const { projectId, assetId } = await projectWithVideo();
    await fakeEnqueue({ endpoint: "transcriptions", kind: "unauthorized" });
    const job = await runJob(projectId, "transcription", { asset_id: assetId }, { max_attempts: 3 });
    expect(job.status).toBe("failed");
    expect(job.attempts).toBe(1);
    expect(job.error_message).toMatch(/OpenAI rejected the credentials \(401\).*UPSTREAM_AUTH/);
    expect(JSON.stringify(job)).not.toContain("sk-test-fake-openai");
    expect((await api(`/projects/${projectId}/videos/${assetId}/ai/transcript`)).status).toBe(404);
  });

  it("completes when OpenAI answers slowly", async () => {
    const { projectId, assetId } = await projectWithVideo();
    await fakeEnqueue({ endpoint: "transcriptions", kind: "delay", ms: 1500 });
    const started = Date.now();
    const job = await runJob(projectId, "transcription", { asset_id: assetId });
    expect(job.status, job.error_message ?? "").toBe("completed");
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
  });

  it("fails at once for a video without sound", async () => {
    const { projectId, assetId } = await projectWithVideo("no-audio.mp4");
    const job = await runJob(projectId, "transcription", { asset_id: assetId }, { max_attempts: 3 });
    expect(job).toMatchObject({ status: "failed", attempts: 1 });
    expect(job.error_message).toMatch(/no audio track/);
  });

  it("fails at once with 'OPENAI_API_KEY is not configured' when the Worker has no key, calling nothing", async () => {
    restore = withSettings({ OPENAI_API_KEY: undefined });
    const { projectId, assetId } = await projectWithVideo();
    const prompt = marker("no-key");
    for (const [type, payload] of [
      ["transcription", { asset_id: assetId, prompt }],
      ["scene_detection", { asset_id: assetId }],
    ] as const) {
      const job = await runJob(projectId, type, payload, { max_attempts: 3 });
      expect(job).toMatchObject({ status: "failed", attempts: 1, error_message: "OPENAI_API_KEY is not configured" });
    }
    expect(await transcriptionsWithPrompt(prompt)).toHaveLength(0);
  });
});

describe("scene detection jobs", { timeout: JOB_TEST_TIMEOUT_MS }, () => {
  it("fails at once without a transcript", async () => {
    const { projectId, assetId } = await projectWithVideo();
    const job = await runJob(projectId, "scene_detection", { asset_id: assetId }, { max_attempts: 3 });
    expect(job).toMatchObject({ status: "failed", attempts: 1 });
    expect(job.error_message).toBe(
      `Video ${assetId} has no transcript yet: run a transcription job first, then scene detection`,
    );
  });

  it("finds scenes, caches them per parameters, and runs again with force or new parameters", async () => {
    const { projectId, assetId } = await transcribed("lesson.mp4");
    const tone = marker("playful");
    const criteria = marker("definitions");
    const first = await runJob(projectId, "scene_detection", { asset_id: assetId, tone, criteria, max_scenes: 3 });
    expect(first.status, first.error_message ?? "").toBe("completed");
    expect(first.result).toMatchObject({ cached: false, parameters: { tone, criteria, max_scenes: 3 } });
    const asked = await chatsMentioning(tone);
    expect(asked).toHaveLength(1);
    expect(asked[0]!.prompt).toContain(criteria);
    expect(asked[0]!.model).toBe("gpt-4o-mini");
    expect(asked[0]!.response_format).toMatchObject({ type: "json_schema", json_schema: { strict: true } });

    const url = `/projects/${projectId}/videos/${assetId}/ai/scenes`;
    const run = SceneRunSchema.parse(await (await api(url)).json());
    expect(run).toMatchObject({
      asset_id: assetId,
      project_id: projectId,
      parameters: { tone, criteria, max_scenes: 3 },
    });
    expect(run.scenes.length).toBeGreaterThan(0);
    expect(run.scenes.length).toBeLessThanOrEqual(3);
    expect(run.usage.requests).toBe(1);
    expect(run.usage.total_tokens).toBeGreaterThan(0);
    for (const scene of run.scenes) {
      expect(scene.end).toBeGreaterThan(scene.start);
      expect(scene.end).toBeLessThanOrEqual(25.1);
    }

    const cached = await runJob(projectId, "scene_detection", { asset_id: assetId, tone, criteria, max_scenes: 3 });
    expect(cached.result).toMatchObject({ cached: true, request_id: run.request_id });
    expect(await chatsMentioning(tone)).toHaveLength(1);

    const forced = await runJob(projectId, "scene_detection", {
      asset_id: assetId,
      tone,
      criteria,
      max_scenes: 3,
      force: true,
    });
    expect(forced.result).toMatchObject({ cached: false });
    expect(await chatsMentioning(tone)).toHaveLength(2);

    const otherTone = marker("serious");
    const other = await runJob(projectId, "scene_detection", { asset_id: assetId, tone: otherTone });
    expect(other.result).toMatchObject({
      cached: false,
      parameters: { tone: otherTone, criteria: null, max_scenes: 8 },
    });

    const latest = SceneRunSchema.parse(await (await api(url)).json());
    expect(latest.parameters).toEqual({ tone: otherTone, criteria: null, max_scenes: 8 });
    const query = new URLSearchParams({ tone, criteria });
    const selected = SceneRunSchema.parse(await (await api(`${url}?${query}`)).json());
    expect(selected.parameters).toEqual({ tone, criteria, max_scenes: 3 });
    expect(selected.request_id).toBe((forced.result as { request_id: string }).request_id);
    expect((await api(`${url}?tone=${encodeURIComponent(tone)}`)).status).toBe(404);
  });

  it("drops and clamps out-of-range scenes", async () => {
    const { projectId, assetId } = await transcribed();
    await fakeEnqueue({ endpoint: "chat", kind: "out_of_range_scenes" });
    const job = await runJob(projectId, "scene_detection", { asset_id: assetId, tone: marker("range") });
    expect(job.status, job.error_message ?? "").toBe("completed");
    const run = SceneRunSchema.parse(await (await api(`/projects/${projectId}/videos/${assetId}/ai/scenes`)).json());
    const transcript = TranscriptSchema.parse(
      await (await api(`/projects/${projectId}/videos/${assetId}/ai/transcript`)).json(),
    );
    for (const scene of run.scenes) {
      expect(scene.start).toBeGreaterThanOrEqual(0);
      expect(scene.end).toBeLessThanOrEqual(transcript.duration + 0.01);
      expect(scene.end).toBeGreaterThan(scene.start);
    }
  });

  it("fails with a clear message after answers that are not JSON, without retrying the job", async () => {
    const { projectId, assetId } = await transcribed();
    const bad = { endpoint: "chat", kind: "invalid_json" } as const;
    await fakeEnqueue(bad, bad, bad);
    const tone = marker("broken");
    const job = await runJob(projectId, "scene_detection", { asset_id: assetId, tone }, { max_attempts: 3 });
    expect(job).toMatchObject({ status: "failed", attempts: 1 });
    expect(job.error_message).toMatch(/no valid JSON answer in 3 attempts.*INVALID_MODEL_OUTPUT/);
    expect(await chatsMentioning(tone)).toHaveLength(3);
    const query = new URLSearchParams({ tone });
    expect((await api(`/projects/${projectId}/videos/${assetId}/ai/scenes?${query}`)).status).toBe(404);
  });

  it("fails at once on a 401 from the chat endpoint", async () => {
    const { projectId, assetId } = await transcribed();
    await fakeEnqueue({ endpoint: "chat", kind: "unauthorized" });
    const job = await runJob(projectId, "scene_detection", { asset_id: assetId }, { max_attempts: 3 });
    expect(job).toMatchObject({ status: "failed", attempts: 1 });
    expect(job.error_message).toMatch(/credentials/);
    expect(JSON.stringify(job)).not.toContain("sk-test-fake-openai");
  });
});
