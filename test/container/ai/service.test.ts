import { readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { SceneSchema } from "../../../container/src/ai/scenes/schema";
import { ErrorEventSchema, ProgressEventSchema } from "../../../container/src/protocol/contract";
import { SubtitleSegmentSchema } from "../../../container/src/subtitles/segment";
import { type FakeOpenAI, startFakeOpenAI } from "../../fake-openai/server";
import { type AiFixtures, aiFixtures, TEST_KEY } from "./ai-fixtures";
import { type MediaService, postOp, type ServiceEvent, startMediaService } from "./service-client";

let fake: FakeOpenAI;
let fx: AiFixtures;
let service: MediaService;
let keyless: MediaService;

beforeAll(async () => {
  fake = await startFakeOpenAI({ apiKey: TEST_KEY });
  fx = await aiFixtures();
  const openaiEnv = { OPENAI_BASE_URL: fake.url, OPENAI_MAX_RETRIES: "2", OPENAI_ORGANIZATION: "org-test" };
  service = await startMediaService({ ...openaiEnv, OPENAI_API_KEY: TEST_KEY });
  keyless = await startMediaService(openaiEnv);
});
afterAll(async () => {
  await service?.close();
  await keyless?.close();
  await fake?.stop();
  if (fx) await rm(fx.dir, { recursive: true, force: true });
});
beforeEach(() => fake.control.reset());

const terminal = (events: ServiceEvent[]) => events.at(-1)!;
const transcribeOptions = { model: "whisper-1", chunk_seconds: 10, sample_rate: 16000, concurrency: 4, language: "en" };

describe("POST /v1/transcribe", () => {
  it("streams progress, a segments event per chunk and the merged transcript", async () => {
    const { status, events } = await postOp(service, "transcribe", transcribeOptions, { video: fx.speechVideo });
    expect(status).toBe(200);
    const result = terminal(events);
    expect(result.type).toBe("result");
    const data = result.data as Record<string, unknown> & {
      segments: unknown[];
      chunks: unknown[];
      request_ids: string[];
    };
    expect(data).toMatchObject({
      model: "whisper-1",
      language: "en",
      usage: { audio_seconds: expect.any(Number), requests: data.chunks.length },
      audio: { codec: "flac", sample_rate: 16000, channels: 1, chunk_seconds: 10 },
    });
    for (const segment of data.segments) SubtitleSegmentSchema.parse(segment);
    const chunkEvents = events.filter((e) => e.type === "segments");
    expect(chunkEvents).toHaveLength(data.chunks.length);
    expect(chunkEvents.flatMap((e) => e.segments as unknown[])).toHaveLength(data.segments.length);
    const progress = events.filter((e) => e.type === "progress").map((e) => ProgressEventSchema.parse(e).percent);
    expect(progress.at(-1)).toBe(100);
    const sent = fake.control.requests("transcriptions");
    expect(sent.every((r) => r.organization === "org-test" && r.authorization === "bearer")).toBe(true);
    expect(data.request_ids.sort()).toEqual(sent.map((r) => r.request_id).sort());
    // The workspace (video, WAV, chunks) is removed right after the stream ends.
    await vi.waitFor(async () => expect(await readdir(service.tmpDir)).toEqual([]), { timeout: 3000 });
  });

  it("stops OpenAI calls and removes its workspace when the client goes away", async () => {
    fake.control.setLatency(3000);
    const controller = new AbortController();
    const aborted = postOp(
      service,
      "transcribe",
      transcribeOptions,
      { video: fx.speechVideo },
      { signal: controller.signal },
    );
    await vi.waitFor(() => expect(fake.control.requests("transcriptions").length).toBeGreaterThan(0), {
      timeout: 10_000,
    });
    controller.abort();
    expect(await aborted.catch((error: Error) => error)).toMatchObject({ name: "AbortError" });
    await vi.waitFor(async () => expect(await readdir(service.tmpDir)).toEqual([]), { timeout: 5000 });
    // In-flight chunk requests were cancelled (the fake saw the client leave), none ran to an answer.
    await vi.waitFor(() => expect(fake.control.requests("transcriptions").every((r) => r.status === 499)).toBe(true), {
      timeout: 5000,
    });
    fake.control.setLatency(0);
    const next = await postOp(service, "scenes", {
      duration: 5,
      segments: [{ start: 0, end: 2, text: "Still alive." }],
    });
    expect(terminal(next.events).type).toBe("result");
  });

  it("rejects bad options before streaming", async () => {
    const bad = await postOp(
      service,
      "transcribe",
      { ...transcribeOptions, chunk_seconds: 5 },
      { video: fx.speechVideo },
    );
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      error: { code: "INVALID_OPTIONS", message: expect.stringContaining("chunk_seconds") },
    });
    const noVideo = await postOp(service, "transcribe", transcribeOptions);
    expect(noVideo.status).toBe(400);
    expect(fake.control.requests()).toHaveLength(0);
  });

  it("fails at once without OPENAI_API_KEY", async () => {
    const { events } = await postOp(keyless, "transcribe", transcribeOptions, { video: fx.speechVideo });
    expect(ErrorEventSchema.parse(terminal(events))).toEqual({
      type: "error",
      code: "CONFIGURATION_ERROR",
      message: "OPENAI_API_KEY is not configured",
      retryable: false,
    });
    expect(fake.control.requests()).toHaveLength(0);
  });

  it("reports a rejected key as non-retryable and an exhausted rate limit as retryable", async () => {
    fake.control.enqueue({ kind: "unauthorized" });
    const denied = ErrorEventSchema.parse(
      terminal((await postOp(service, "transcribe", transcribeOptions, { video: fx.speechVideo })).events),
    );
    expect(denied).toMatchObject({ code: "UPSTREAM_AUTH", retryable: false });
    expect(denied.message).not.toContain(TEST_KEY);

    fake.control.reset();
    fake.control.enqueue(...Array.from({ length: 6 }, () => ({ kind: "rate_limit" as const, retry_after: 0 })));
    const options = { ...transcribeOptions, chunk_seconds: 600 };
    const limited = ErrorEventSchema.parse(
      terminal((await postOp(service, "transcribe", options, { video: fx.speechVideo })).events),
    );
    expect(limited).toMatchObject({ code: "UPSTREAM_RATE_LIMITED", retryable: true });
    expect(fake.control.requests("transcriptions")).toHaveLength(3);
  });
});

describe("POST /v1/scenes", () => {
  const segments = [
    { index: 0, start: 0, end: 3, duration: 3, text: "Welcome to the lesson." },
    { index: 1, start: 3.5, end: 7, duration: 3.5, text: "Here is the key idea." },
    { index: 2, start: 8, end: 12, duration: 4, text: "And a worked example." },
  ];
  const sceneOptions = { duration: 15, tone: "calm", criteria: "key ideas", max_scenes: 2, model: "gpt-4o-mini" };

  it("answers validated scenes from header segments", async () => {
    const { status, events } = await postOp(service, "scenes", { ...sceneOptions, segments });
    expect(status).toBe(200);
    const result = terminal(events);
    expect(result.type).toBe("result");
    const data = result.data as { scenes: unknown[] } & Record<string, unknown>;
    expect(data).toMatchObject({
      parameters: { tone: "calm", criteria: "key ideas", max_scenes: 2 },
      prompt_version: "scenes-v2",
      model: "gpt-4o-mini",
      usage: { requests: 1, total_tokens: expect.any(Number) },
      request_id: fake.control.requests("chat")[0]!.request_id,
    });
    expect(data.scenes.length).toBeGreaterThan(0);
    expect(data.scenes.length).toBeLessThanOrEqual(2);
    for (const scene of data.scenes) SceneSchema.parse(scene);
    expect(fake.control.requests("chat")[0]!.prompt).toContain("Tone: calm");
  });

  it("takes a long transcript as the `transcript` input", async () => {
    const many = Array.from({ length: 1500 }, (_, i) => ({
      start: i * 2,
      end: i * 2 + 1.5,
      text: `Sentence number ${i} of a long lesson.`,
    }));
    const file = path.join(fx.dir, "transcript.json");
    await writeFile(file, JSON.stringify({ segments: many }));
    const { events } = await postOp(
      service,
      "scenes",
      { ...sceneOptions, duration: 3000, max_scenes: 5 },
      { transcript: file },
    );
    expect(terminal(events).type).toBe("result");
    expect(fake.control.requests("chat")[0]!.prompt).toContain("[2998.000 - 2999.500] Sentence number 1499");

    const both = await postOp(service, "scenes", { ...sceneOptions, segments }, { transcript: file });
    expect(ErrorEventSchema.parse(terminal(both.events))).toMatchObject({ code: "INVALID_OPTIONS", retryable: false });
  });

  it("fails clearly on repeated invalid JSON and validates its header", async () => {
    fake.control.enqueue({ kind: "invalid_json" }, { kind: "invalid_json" }, { kind: "invalid_json" });
    const { events } = await postOp(service, "scenes", { ...sceneOptions, segments });
    expect(ErrorEventSchema.parse(terminal(events))).toMatchObject({ code: "INVALID_MODEL_OUTPUT", retryable: false });
    expect(
      events.filter((e) => e.type === "log" && String(e.message).startsWith("Scene answer rejected")),
    ).toHaveLength(3);

    const bad = await postOp(service, "scenes", { ...sceneOptions, duration: -1, segments });
    expect(bad.status).toBe(400);
    const keylessRun = await postOp(keyless, "scenes", { ...sceneOptions, segments });
    expect(terminal(keylessRun.events)).toMatchObject({
      code: "CONFIGURATION_ERROR",
      message: "OPENAI_API_KEY is not configured",
    });
  });
});
