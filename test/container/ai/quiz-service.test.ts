// POST /v1/quiz through the real service app: framing, events, the contract's result, errors, cleanup.
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QuizResultSchema } from "../../../container/src/protocol/quiz-contract";
import { type FakeOpenAI, startFakeOpenAI } from "../../fake-openai/server";
import { TEST_KEY } from "./ai-fixtures";
import { lessonSegments } from "./quiz-fixtures";
import { type MediaService, postOp, startMediaService } from "./service-client";

let fake: FakeOpenAI;
let service: MediaService;
let keyless: MediaService;
let dir: string;

beforeAll(async () => {
  fake = await startFakeOpenAI({ apiKey: TEST_KEY });
  const openaiEnv = { OPENAI_BASE_URL: fake.url, OPENAI_MAX_RETRIES: "1" };
  service = await startMediaService({ ...openaiEnv, OPENAI_API_KEY: TEST_KEY });
  keyless = await startMediaService(openaiEnv);
  dir = await mkdtemp(path.join(os.tmpdir(), "quiz-service-"));
});
afterAll(async () => {
  await service?.close();
  await keyless?.close();
  await fake?.stop();
  await rm(dir, { recursive: true, force: true });
});

async function transcriptFile(segments: unknown[], name = `${crypto.randomUUID()}.json`): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, JSON.stringify({ segments }));
  return file;
}

const header = {
  duration: 100,
  num_questions: 3,
  question_types: ["multiple_choice", "true_false"],
  language: "en",
  seed: 7,
};

describe("POST /v1/quiz", () => {
  it("streams progress and one log per window, then the whole quiz as the contract's result", async () => {
    const { status, events } = await postOp(service, "quiz", header, {
      transcript: await transcriptFile(lessonSegments()),
    });
    expect(status).toBe(200);
    const result = events.at(-1)!;
    expect(result.type).toBe("result");
    const data = QuizResultSchema.parse(result.data);
    expect(data.counts).toEqual({ requested: 3, generated: 3, rejected: 0, kept: 3 });
    expect(data.seed).toBe(7);
    const progress = events.filter((e) => e.type === "progress").map((e) => e.percent as number);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(100);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    const messages = events.filter((e) => e.type === "log").map((e) => e.message);
    expect(messages).toContain("Window 1/1: 3 question(s) generated");
    expect(messages).toContain("Quiz usage");
    expect(await readdir(service.tmpDir)).toEqual([]);
  });

  it("answers a lesson without speech with a final NO_SPEECH error", async () => {
    const silent = lessonSegments(2).map((s) => ({ ...s, text: "" }));
    const { events } = await postOp(service, "quiz", header, { transcript: await transcriptFile(silent) });
    expect(events.at(-1)).toMatchObject({ type: "error", code: "NO_SPEECH", retryable: false });
  });

  it("refuses a request without the transcript input, or with bad options, before streaming", async () => {
    const missing = await postOp(service, "quiz", header);
    expect(missing).toMatchObject({ status: 400, body: { error: { code: "MISSING_INPUT" } } });
    const file = await transcriptFile(lessonSegments());
    const bad = await postOp(service, "quiz", { ...header, num_questions: 51 }, { transcript: file });
    expect(bad).toMatchObject({ status: 400, body: { error: { code: "INVALID_OPTIONS" } } });
    const range = await postOp(service, "quiz", { ...header, range: { start: 50, end: 10 } }, { transcript: file });
    expect(range.status).toBe(400);
  });

  it("fails a transcript that is not JSON, and a service without a key, without calling OpenAI", async () => {
    const broken = path.join(dir, "broken.json");
    await writeFile(broken, "{not json");
    const { events } = await postOp(service, "quiz", header, { transcript: broken });
    expect(events.at(-1)).toMatchObject({ type: "error", code: "INVALID_OPTIONS", retryable: false });
    const before = fake.control.requests("chat").length;
    const keyFree = await postOp(keyless, "quiz", header, { transcript: await transcriptFile(lessonSegments()) });
    expect(keyFree.events.at(-1)).toMatchObject({ type: "error", code: "CONFIGURATION_ERROR", retryable: false });
    expect(fake.control.requests("chat")).toHaveLength(before);
  });
});
