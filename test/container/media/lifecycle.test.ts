import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorEventSchema, ServiceErrorBodySchema } from "../../../container/src/protocol/contract";
import { generateVideo } from "../../media/generate";
import {
  framedBody,
  type MediaService,
  mediaProcesses,
  postOp,
  startMediaService,
  terminalEvent,
  waitForCleanup,
} from "./media-service";

let dir: string;
let small: string;
let heavy: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "lifecycle-test-"));
  small = await generateVideo(dir, "small.mp4", { seconds: 2 });
  // Big frames make the poster step last long enough to abort it while ffmpeg runs.
  heavy = await generateVideo(dir, "heavy.mp4", { seconds: 8, width: 1920, height: 1080, fps: 30, tone: false });
  // 8 s of 1080p through the npm-shipped 2018 FFmpeg takes over 10 s on a loaded 2-core machine.
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A request body we feed by hand: the header and part of the input now, the rest when `finish` is called. */
async function heldBody(file: string) {
  const bytes = await readFile(file);
  const header = new TextEncoder().encode(`${JSON.stringify({ inputs: [{ name: "video", size: bytes.length }] })}\n`);
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      c.enqueue(header);
      c.enqueue(bytes.subarray(0, 1000));
    },
  });
  return {
    stream,
    finish() {
      controller.enqueue(bytes.subarray(1000));
      controller.close();
    },
  };
}

async function until<T>(check: () => Promise<T | undefined> | T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const health = async (service: MediaService) =>
  (await (await fetch(`${service.url}/health`)).json()) as { active: number; waiting: number };

describe("concurrency bound", () => {
  it("answers 503 with Retry-After when every slot is taken and waiting is off", async () => {
    const service = await startMediaService({ MEDIA_MAX_CONCURRENCY: "1", MEDIA_QUEUE_WAIT_MS: "0" });
    try {
      const held = await heldBody(small);
      const first = postOp(service, "probe", held.stream);
      await until(async () => ((await health(service)).active === 1 ? true : undefined));

      const rejected = await postOp(service, "probe", await framedBody({}, { video: small }));
      expect(rejected.status).toBe(503);
      expect(rejected.headers.get("retry-after")).toBe("1");
      expect(ServiceErrorBodySchema.parse(rejected.body).error.code).toBe("BUSY");

      held.finish();
      expect(terminalEvent((await first).events).type).toBe("result");
      const after = await postOp(service, "probe", await framedBody({}, { video: small }));
      expect(terminalEvent(after.events).type).toBe("result");
    } finally {
      await service.close();
    }
  });

  it("lets a request over the bound wait for a slot within MEDIA_QUEUE_WAIT_MS", async () => {
    const service = await startMediaService({ MEDIA_MAX_CONCURRENCY: "1", MEDIA_QUEUE_WAIT_MS: "20000" });
    try {
      const held = await heldBody(small);
      const first = postOp(service, "probe", held.stream);
      await until(async () => ((await health(service)).active === 1 ? true : undefined));
      const second = postOp(service, "probe", await framedBody({}, { video: small }));
      await until(async () => ((await health(service)).waiting === 1 ? true : undefined));
      expect((await health(service)).active).toBe(1);

      held.finish();
      const [a, b] = await Promise.all([first, second]);
      expect(terminalEvent(a.events).type).toBe("result");
      expect(b.status).toBe(200);
      expect(terminalEvent(b.events).type).toBe("result");
      await until(async () => ((await health(service)).active === 0 ? true : undefined));
      expect((await health(service)).waiting).toBe(0);
    } finally {
      await service.close();
    }
  });
});

describe("cleanup on abort", () => {
  it("kills ffmpeg and removes the workspace when the client disconnects mid-op", async () => {
    const service = await startMediaService();
    try {
      const controller = new AbortController();
      let sawFfmpeg: number[] = [];
      const request = postOp(service, "probe", await framedBody({}, { video: heavy }), {
        signal: controller.signal,
        onEvent: (event) => {
          if (event.type === "file") throw new Error("the poster finished before the abort; use a heavier input");
        },
      });
      // Abort only once the poster's ffmpeg is running inside the request's workspace.
      sawFfmpeg = await until(async () => {
        const pids = await mediaProcesses(service);
        return pids.length > 0 ? pids : undefined;
      });
      controller.abort();
      await expect(request).rejects.toThrow();

      expect(sawFfmpeg.length).toBeGreaterThan(0);
      expect(await waitForCleanup(service)).toEqual([]);
      expect(await mediaProcesses(service)).toEqual([]);
      await until(() => (service.limiter.active === 0 ? true : undefined));
      expect(service.logs.some((log) => log.message === "op_aborted")).toBe(true);
    } finally {
      await service.close();
    }
  });

  it("removes the half-written input and frees the slot when the upload is cut off", async () => {
    const service = await startMediaService({ MEDIA_MAX_CONCURRENCY: "1" });
    try {
      const held = await heldBody(small);
      const controller = new AbortController();
      const request = postOp(service, "probe", held.stream, { signal: controller.signal });
      await until(async () => ((await health(service)).active === 1 ? true : undefined));
      await until(async () => ((await waitForCleanup(service, 0)).length === 1 ? true : undefined));
      controller.abort();
      await expect(request).rejects.toThrow();
      expect(await waitForCleanup(service)).toEqual([]);
      await until(() => (service.limiter.active === 0 ? true : undefined));
      const next = await postOp(service, "probe", await framedBody({}, { video: small }));
      expect(terminalEvent(next.events).type).toBe("result");
    } finally {
      await service.close();
    }
  });

  it("on shutdown (SIGTERM) ends running work with a retryable ABORTED error and cleans up", async () => {
    const service = await startMediaService();
    try {
      const request = postOp(service, "probe", await framedBody({}, { video: heavy }));
      await until(async () => ((await mediaProcesses(service)).length > 0 ? true : undefined));
      service.shutdown.abort(new Error("SIGTERM"));
      const response = await request;
      expect(ErrorEventSchema.parse(terminalEvent(response.events))).toEqual({
        type: "error",
        code: "ABORTED",
        message: "The request was aborted",
        retryable: true,
      });
      expect(await waitForCleanup(service)).toEqual([]);
      expect(await mediaProcesses(service)).toEqual([]);
    } finally {
      await service.close();
    }
  });
});
