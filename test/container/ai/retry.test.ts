import { rm } from "node:fs/promises";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AiError, MISSING_KEY_MESSAGE, redactSecrets, retryAfterMs } from "../../../container/src/ai/errors";
import { createOpenAIClient, type OpenAIConfig } from "../../../container/src/ai/openai-client";
import { backoffDelayMs, DEFAULT_RETRY_POLICY, type RetryPolicy } from "../../../container/src/ai/retry";
import { detectScenes } from "../../../container/src/ai/scenes/detect";
import { transcribeVideo } from "../../../container/src/ai/transcribe";
import { type FakeOpenAI, startFakeOpenAI } from "../../fake-openai/server";
import { type AiFixtures, aiFixtures, scratchDir, TEST_KEY } from "./ai-fixtures";

let fake: FakeOpenAI;
let fx: AiFixtures;

beforeAll(async () => {
  fake = await startFakeOpenAI({ apiKey: TEST_KEY });
  fx = await aiFixtures();
});
afterAll(async () => {
  await fake?.stop();
  if (fx) await rm(fx.dir, { recursive: true, force: true });
});
beforeEach(() => fake.control.reset());

const config = (overrides: Partial<OpenAIConfig> = {}): OpenAIConfig => ({
  apiKey: TEST_KEY,
  baseURL: fake.url,
  timeoutSeconds: 30,
  maxRetries: 3,
  ...overrides,
});
const fastRetries: Partial<RetryPolicy> = { baseDelayMs: 20, maxDelayMs: 200 };

async function transcribeOnce(cfg: OpenAIConfig) {
  const logs: { message: string; details?: Record<string, unknown> }[] = [];
  const result = await transcribeVideo(
    fx.speechVideo,
    { model: "whisper-1", chunkSeconds: 600, sampleRate: 16000, concurrency: 2 },
    { bins: fx.bins, threads: 2, openai: createOpenAIClient(cfg, fastRetries), workDir: await scratchDir(fx.dir) },
    { progress: () => {}, segments: () => {}, log: (_l, message, details) => void logs.push({ message, details }) },
  );
  return { result, logs };
}

const scenesInput = {
  segments: [{ start: 0, end: 4, text: "Fractions have parts." }],
  duration: 10,
  maxScenes: 3,
  model: "gpt-4o-mini",
  promptVersion: "scenes-v1" as const,
};
const scenesOnce = (cfg: OpenAIConfig) =>
  detectScenes(scenesInput, { openai: createOpenAIClient(cfg, fastRetries) }, () => {});
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable("expected a failure"),
    (e: unknown) => e as AiError,
  );

describe("retries", () => {
  it("waits as long as Retry-After says on a 429, then succeeds", async () => {
    fake.control.enqueue({ kind: "rate_limit", retry_after: 1, endpoint: "transcriptions" });
    const { result, logs } = await transcribeOnce(config());
    const [first, second] = fake.control.requests("transcriptions");
    expect([first?.status, second?.status]).toEqual([429, 200]);
    expect(second!.received_at - first!.answered_at).toBeGreaterThanOrEqual(950);
    expect(result.usage.requests).toBe(2);
    expect(result.chunks[0]!.attempts).toBe(2);
    expect(logs.find((l) => l.message.includes("retrying"))?.details).toMatchObject({ delay_ms: 1000, status: 429 });
    // People count chunks from 1 (like the Worker's "Chunk 1 transcribed"); fields keep the 0-based index.
    expect(logs.find((l) => l.message.includes("retrying"))).toMatchObject({
      message: "Chunk 1 failed, retrying",
      details: { chunk_index: 0, attempt: 1 },
    });
  });

  it("honours retry-after-ms and retries 5xx, dropped connections and timeouts", async () => {
    fake.control.enqueue(
      { kind: "rate_limit", retry_after_ms: 300 },
      { kind: "server_error", status: 503 },
      { kind: "drop_connection" },
    );
    const result = await scenesOnce(config());
    const sent = fake.control.requests("chat");
    expect(sent.map((r) => r.status)).toEqual([429, 503, -1, 200]);
    expect(sent[1]!.received_at - sent[0]!.answered_at).toBeGreaterThanOrEqual(280);
    expect(result.usage.requests).toBe(4);

    fake.control.reset();
    fake.control.enqueue({ kind: "delay", ms: 2500 });
    const slow = await scenesOnce(config({ timeoutSeconds: 1 }));
    expect(slow.usage.requests).toBe(2);
    expect(fake.control.requests("chat")).toHaveLength(2);
  });

  it("gives up after OPENAI_MAX_RETRIES with a retryable error", async () => {
    fake.control.enqueue(...Array.from({ length: 3 }, () => ({ kind: "server_error" as const })));
    const error = await failure(scenesOnce(config({ maxRetries: 2 })));
    expect(error).toBeInstanceOf(AiError);
    expect(error).toMatchObject({ code: "UPSTREAM_UNAVAILABLE", retryable: true });
    expect(fake.control.requests("chat")).toHaveLength(3);
  });

  it("backs off exponentially with jitter, capped, and lets Retry-After override it within a bound", () => {
    const policy = DEFAULT_RETRY_POLICY;
    const plain = new AiError("UPSTREAM_UNAVAILABLE", "x", true);
    expect([0, 1, 2, 3, 4, 5].map((n) => backoffDelayMs(policy, n, plain, () => 0))).toEqual([
      500, 1000, 2000, 4000, 8000, 8000,
    ]);
    expect(backoffDelayMs(policy, 2, plain, () => 1)).toBe(1500);
    const hinted = new AiError("UPSTREAM_RATE_LIMITED", "x", true, { retryAfterMs: 7000 });
    expect(backoffDelayMs(policy, 0, hinted)).toBe(7000);
    const hostile = new AiError("UPSTREAM_RATE_LIMITED", "x", true, { retryAfterMs: 3_600_000 });
    expect(backoffDelayMs(policy, 0, hostile)).toBe(policy.maxRetryAfterMs);
    expect(retryAfterMs(new Headers({ "retry-after": "2" }))).toBe(2000);
    expect(retryAfterMs(new Headers({ "retry-after": new Date(10_000).toUTCString() }), 4_000)).toBe(6000);
    expect(retryAfterMs(new Headers({ "retry-after": "1", "retry-after-ms": "250" }))).toBe(250);
    expect(retryAfterMs(new Headers())).toBeUndefined();
  });
});

describe("non-retryable failures", () => {
  it("stops at a 401 and never puts the key in the message", async () => {
    const wrongKey = "sk-proj-WRONGkey9876543210zyx";
    const error = await failure(transcribeOnce(config({ apiKey: wrongKey })));
    expect(error).toMatchObject({ code: "UPSTREAM_AUTH", retryable: false });
    expect(fake.control.requests("transcriptions")).toHaveLength(1);
    expect(error.message).not.toContain(wrongKey);
    expect(error.message).not.toMatch(/sk-/);
    expect(JSON.stringify(error)).not.toContain(wrongKey);

    fake.control.enqueue({ kind: "unauthorized" });
    const chatError = await failure(scenesOnce(config()));
    expect(chatError).toMatchObject({ code: "UPSTREAM_AUTH", retryable: false });
    expect(chatError.message).not.toContain(TEST_KEY);
    expect(fake.control.requests("chat")).toHaveLength(1);
  });

  it("stops at a 400", async () => {
    fake.control.enqueue({ kind: "bad_request", message: "Invalid file format." });
    const error = await failure(scenesOnce(config()));
    expect(error).toMatchObject({ code: "UPSTREAM_REJECTED", retryable: false });
    expect(error.message).toContain("Invalid file format.");
    expect(fake.control.requests("chat")).toHaveLength(1);
  });

  it("fails at once without a key, before any request", async () => {
    for (const apiKey of [undefined, "", "   "]) {
      const error = (() => {
        try {
          createOpenAIClient(config({ apiKey }));
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(AiError);
      expect(error).toMatchObject({ code: "CONFIGURATION_ERROR", message: MISSING_KEY_MESSAGE, retryable: false });
    }
    expect(MISSING_KEY_MESSAGE).toBe("OPENAI_API_KEY is not configured");
    expect(fake.control.requests()).toHaveLength(0);
  });

  it("redacts the configured key and anything shaped like one", () => {
    expect(redactSecrets("bad key abc123secret here", "abc123secret")).toBe("bad key [redacted] here");
    expect(redactSecrets("Incorrect API key provided: sk-proj-ab***yz.")).toBe(
      "Incorrect API key provided: [redacted]",
    );
  });
});
