import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ErrorEventSchema } from "../../../container/src/protocol/contract";
import { type FakeOpenAI, startFakeOpenAI } from "../../fake-openai/server";
import { generateVideo } from "../../media/generate";
import { framedBody, postOp, terminalEvent } from "./media-service";
import { type ServiceProcess, spawnMediaService } from "./service-process";

const OPENAI_KEY = "sk-test-shutdown";

let dir: string;
let video: string;
let moovLast: string;
let fake: FakeOpenAI;
let service: ServiceProcess | undefined;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "shutdown-test-"));
  // About 20 MB, like a short lesson clip: the workspace holds it and the extracted audio.
  video = await generateVideo(dir, "lesson.mp4", { seconds: 20, width: 640, height: 360, videoBitrate: "8M" });
  // Its index comes after the media data, so ffprobe cannot finish before the last bytes have arrived. From a
  // faststart file's first megabyte a fast machine's ffprobe had its answer before the test could stop it.
  moovLast = await generateVideo(dir, "moov-last.mp4", { seconds: 20, width: 640, height: 360, faststart: false });
  fake = await startFakeOpenAI({ apiKey: OPENAI_KEY });
}, 60_000);
afterAll(async () => {
  await fake?.stop();
  await rm(dir, { recursive: true, force: true });
});
afterEach(async () => {
  if (service && service.child.exitCode === null) service.signal("SIGKILL");
  if (service) await rm(service.tmpDir, { recursive: true, force: true });
  service = undefined;
  fake.control.reset();
});

async function until(check: () => Promise<boolean> | boolean, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met in time:\n${service?.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A transcription held at the OpenAI call (the fake answers after a minute), its workspace full. */
async function transcriptionInFlight(env: Record<string, string> = {}) {
  fake.control.setLatency(60_000);
  service = await spawnMediaService({ OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: OPENAI_KEY, ...env });
  const controller = new AbortController();
  const response = postOp(service, "transcribe", await framedBody({}, { video }), { signal: controller.signal });
  response.catch(() => {});
  await until(() => fake.control.requests("transcriptions").length > 0);
  const workspaces = await readdir(service.tmpDir);
  expect(workspaces).toHaveLength(1);
  return { running: service, response, controller };
}

/** A probe of a file indexed at its end, whose upload stops after its first megabyte until `finish()` sends the rest. */
async function probeArrivingSlowly(running: ServiceProcess) {
  const bytes = await readFile(moovLast);
  const header = `${JSON.stringify({ inputs: [{ name: "video", size: bytes.length }] })}\n`;
  let feed!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      feed = controller;
      controller.enqueue(new TextEncoder().encode(header));
      controller.enqueue(bytes.subarray(0, 1_000_000));
    },
  });
  const response = postOp(running, "probe", body);
  response.catch(() => {});
  const finish = () => {
    feed.enqueue(bytes.subarray(1_000_000));
    feed.close();
  };
  return { response, finish };
}

describe("media service process shutdown", () => {
  it("SIGTERM aborts a running op, ends its stream with ABORTED, and removes its workspace before exiting", async () => {
    const { running, response } = await transcriptionInFlight({ MEDIA_SHUTDOWN_GRACE_SECONDS: "0" });
    running.signal("SIGTERM");
    const answer = await response;
    expect(ErrorEventSchema.parse(terminalEvent(answer.events))).toMatchObject({ code: "ABORTED", retryable: true });
    expect(await running.exited).toBe(0);
    expect(await readdir(running.tmpDir)).toEqual([]);
    expect(running.alive()).toEqual([]);
  });

  it("stopping `npm run dev` (the Worker goes away as the service is signalled) leaves no workspace", async () => {
    const { running, controller } = await transcriptionInFlight();
    controller.abort();
    running.signal("SIGTERM");
    expect(await running.exited).toBe(0);
    expect(await readdir(running.tmpDir)).toEqual([]);
    expect(running.alive()).toEqual([]);
  });

  it("gives running work the grace period before aborting it", async () => {
    const { running, response } = await transcriptionInFlight({ MEDIA_SHUTDOWN_GRACE_SECONDS: "2" });
    const signalled = Date.now();
    running.signal("SIGTERM");
    // Still serving the op during the grace period, though no longer accepting new connections.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(running.child.exitCode).toBeNull();
    expect(await readdir(running.tmpDir)).toHaveLength(1);
    const answer = await response;
    expect(terminalEvent(answer.events)).toMatchObject({ type: "error", code: "ABORTED" });
    expect(Date.now() - signalled).toBeGreaterThanOrEqual(2000);
    expect(await running.exited).toBe(0);
    expect(await readdir(running.tmpDir)).toEqual([]);
  });

  it("waits (bounded) for an upload still arriving, then answers ABORTED and removes what arrived", async () => {
    service = await spawnMediaService({ MEDIA_SHUTDOWN_GRACE_SECONDS: "0" });
    const running = service;
    const { response, finish } = await probeArrivingSlowly(running);
    await until(async () => (await readdir(running.tmpDir)).length === 1);
    running.signal("SIGTERM");
    // The rest arrives well after the grace period: the service must neither exit nor drop the workspace meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 4000));
    expect(running.child.exitCode).toBeNull();
    finish();
    expect(terminalEvent((await response).events)).toMatchObject({ type: "error", code: "ABORTED", retryable: true });
    expect(await running.exited).toBe(0);
    expect(await readdir(running.tmpDir)).toEqual([]);
  });
});

describe("a media process killed from outside", () => {
  // Ctrl-C signals the whole group: ffprobe may die before the service's own handler runs. Its death must not
  // be taken for a verdict on the file.
  it("ends the op ABORTED and retryable, not INVALID_MEDIA, while the service keeps serving", async () => {
    service = await spawnMediaService({});
    const running = service;
    const { response, finish } = await probeArrivingSlowly(running);
    // ffprobe waits on the input server for bytes that have not arrived yet.
    await until(() => running.alive("ffprobe").length === 1);
    process.kill(running.alive("ffprobe")[0]!, "SIGTERM");
    finish();
    const error = ErrorEventSchema.parse(terminalEvent((await response).events));
    expect(error).toMatchObject({ code: "ABORTED", retryable: true });
    expect(running.output()).toContain("ffprobe was stopped by SIGTERM");
    expect(running.child.exitCode).toBeNull();
    const again = await postOp(running, "probe", await framedBody({}, { video }));
    expect(terminalEvent(again.events)).toMatchObject({ type: "result" });
    await until(async () => (await readdir(running.tmpDir)).length === 0);
  });
});
