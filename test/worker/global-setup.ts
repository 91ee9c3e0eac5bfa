/**
 * Global setup of the `worker` project: the real media service (tsx container/src/main.ts) and the fake OpenAI
 * server it calls, both on loopback. Their URLs reach the Worker as MEDIA_SERVICE_URL (see test/vitest.config.ts)
 * and tests through `inject("mediaServiceUrl")` / `inject("fakeOpenAIUrl")`.
 * Ports are free ones picked per run (several runs may share this machine); MEDIA_TEST_PORT and
 * FAKE_OPENAI_TEST_PORT pin them.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import type { ProvidedContext } from "vitest";
import type { TestProject } from "vitest/node";
import { MEDIA_PROCESS_ENV } from "../../container/src/process-env";
import { buildStudio } from "../../worker/studio/build";
import { startFakeOpenAI } from "../fake-openai/server";
import { startFrameReader } from "../frame-reader/server";
import { testFfmpegSource } from "../media/generate";
import { startWebhookReceiver } from "../webhook-receiver/server";
import { generateMediaFixtures, type MediaFixtureName } from "./media-fixtures";

const ROOT = path.resolve(import.meta.dirname, "../..");
export const TEST_OPENAI_API_KEY = "sk-test-fake-openai";

declare module "vitest" {
  export interface ProvidedContext {
    mediaServiceUrl: string;
    /** MEDIA_SERVICE_SECRET of both services (made up per run); the Worker gets it as a binding. */
    mediaServiceSecret: string;
    /** A second media service with one slot and no waiting, for tests that need it busy. */
    busyMediaServiceUrl: string;
    fakeOpenAIUrl: string;
    mediaFixtures: Record<MediaFixtureName, string>;
    /** The webhook receiver (test/webhook-receiver), a Node process since the tests run inside workerd. */
    webhookReceiverUrl: string;
    /** The frame reader (test/frame-reader): decodes one frame of a video with the real ffmpeg. */
    frameReaderUrl: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`media service exited with ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`media service did not answer ${url}/health within ${timeoutMs} ms:\n${output()}`);
}

function stopProcess(child: ChildProcess, timeoutMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), timeoutMs);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    // The whole group: tsx runs the service as its own child process.
    process.kill(-child.pid!, "SIGTERM");
  });
}

/** Starts the fake OpenAI server and the media service; returns their teardown. */
export async function startMediaStack(secret: string, env: Record<string, string> = {}) {
  const fake = await startFakeOpenAI({
    port: Number(process.env.FAKE_OPENAI_TEST_PORT) || 0,
    apiKey: TEST_OPENAI_API_KEY,
  });
  const port = Number(process.env.MEDIA_TEST_PORT) || (await freePort());
  const tmpDir = await mkdtemp(path.join(os.tmpdir(), "worker-tests-media-"));
  // Only what the service needs: no shell OPENAI_* or other credentials leak into tests.
  const child = spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["container/src/main.ts"], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warning",
      MEDIA_TMP_DIR: tmpDir,
      FFMPEG_SOURCE: testFfmpegSource(),
      ...MEDIA_PROCESS_ENV,
      MEDIA_MAX_CONCURRENCY: "4",
      FFMPEG_THREADS: "1",
      OPENAI_BASE_URL: fake.url,
      OPENAI_API_KEY: TEST_OPENAI_API_KEY,
      OPENAI_MAX_RETRIES: "2",
      OPENAI_REQUEST_TIMEOUT: "30",
      MEDIA_SERVICE_SECRET: secret,
      ...env,
    } as Record<string, string | undefined> as unknown as NodeJS.ProcessEnv,
  });
  // If vitest exits without running teardown (interrupted), still take the detached service group down.
  const killOnExit = () => {
    if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, "SIGTERM");
  };
  process.once("exit", killOnExit);
  child.once("exit", () => process.off("exit", killOnExit));
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, child, () => output);
  } catch (error) {
    await stopProcess(child);
    await fake.stop();
    await rm(tmpDir, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    fake,
    tmpDir,
    output: () => output,
    async stop() {
      await stopProcess(child);
      await fake.stop();
      await rm(tmpDir, { recursive: true, force: true });
    },
  };
}

/** The reasons of the steps that failed, one line each. */
function failures(steps: Record<string, PromiseSettledResult<unknown>>): string[] {
  return Object.entries(steps).flatMap(([name, step]) =>
    step.status === "rejected" ? [`${name}: ${step.reason instanceof Error ? step.reason.message : step.reason}`] : [],
  );
}

/**
 * Starts both media services and generates the fixtures side by side. If any step fails, whatever did start is
 * stopped before the error is thrown (a service left running keeps vitest from exiting), and the error names
 * what was stopped.
 */
export async function setupWorkerTests(
  project: Pick<TestProject, "provide">,
  steps: { generateFixtures: (dir: string) => Promise<Record<MediaFixtureName, string>> } = {
    generateFixtures: generateMediaFixtures,
  },
) {
  const fixturesDir = await mkdtemp(path.join(os.tmpdir(), "worker-tests-fixtures-"));
  const secret = randomBytes(32).toString("hex");
  const [stack, busy, fixtures] = await Promise.allSettled([
    startMediaStack(secret),
    startMediaStack(secret, { MEDIA_MAX_CONCURRENCY: "1", MEDIA_QUEUE_WAIT_MS: "0" }),
    steps.generateFixtures(fixturesDir),
  ]);
  await rm(fixturesDir, { recursive: true, force: true });
  if (stack.status !== "fulfilled" || busy.status !== "fulfilled" || fixtures.status !== "fulfilled") {
    const running = [stack, busy].flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
    await Promise.all(running.map((s) => s.stop()));
    const stopped = running.flatMap((s) => [`media service ${s.url}`, `fake OpenAI ${s.fake.url}`]);
    const failed = failures({ "media service": stack, "busy media service": busy, "media fixtures": fixtures });
    throw new Error(
      `Worker test setup failed:\n  ${failed.join("\n  ")}\nStopped what had started: ${stopped.join(", ") || "nothing"}`,
    );
  }
  project.provide("mediaServiceUrl", stack.value.url);
  project.provide("mediaServiceSecret", secret);
  project.provide("busyMediaServiceUrl", busy.value.url);
  project.provide("fakeOpenAIUrl", stack.value.fake.url);
  project.provide("mediaFixtures", fixtures.value);
  return async () => {
    await Promise.all([stack.value.stop(), busy.value.stop()]);
  };
}

/** Starts everything the Worker tests reach; records what it provides so each worker project gets the same. */
async function startWorkerTestServices(): Promise<SharedServices> {
  const provided = new Map<keyof ProvidedContext, unknown>();
  const recorder = {
    provide: (key: keyof ProvidedContext, value: unknown) => void provided.set(key, value),
  } as Pick<TestProject, "provide">;
  // The Worker imports Studio's browser bundle as text: wrangler builds it before `wrangler dev`, this pool does not.
  await buildStudio();
  const receiver = await startWebhookReceiver();
  const frames = await startFrameReader();
  recorder.provide("webhookReceiverUrl", receiver.url);
  recorder.provide("frameReaderUrl", frames.url);
  const teardown = await setupWorkerTests(recorder).catch(async (error) => {
    await Promise.all([receiver.stop(), frames.stop()]);
    throw error;
  });
  return {
    provided,
    users: 0,
    async stop() {
      await teardown();
      await Promise.all([receiver.stop(), frames.stop()]);
    },
  };
}

interface SharedServices {
  provided: Map<keyof ProvidedContext, unknown>;
  users: number;
  stop: () => Promise<void>;
}

// Vitest loads a global setup once per project, each time as a new module: the worker projects share one set of
// services through this process-wide slot; the last project to tear down stops them.
const SHARED = Symbol.for("worker-tests.services");
const slot = globalThis as { [SHARED]?: Promise<SharedServices> };

export default async function setup(project: TestProject) {
  slot[SHARED] ??= startWorkerTestServices();
  const services = await slot[SHARED].catch((error) => {
    slot[SHARED] = undefined;
    throw error;
  });
  services.users += 1;
  for (const [key, value] of services.provided) project.provide(key, value as never);
  return async () => {
    services.users -= 1;
    if (services.users > 0) return;
    slot[SHARED] = undefined;
    await services.stop();
  };
}
