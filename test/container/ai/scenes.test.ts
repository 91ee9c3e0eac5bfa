import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AiError } from "../../../container/src/ai/errors";
import { createOpenAIClient } from "../../../container/src/ai/openai-client";
import { type DetectScenesInput, detectScenes } from "../../../container/src/ai/scenes/detect";
import { repairScenes, snapEnd, snapStart } from "../../../container/src/ai/scenes/postprocess";
import { CURRENT_SCENE_PROMPT_VERSION } from "../../../container/src/ai/scenes/prompt";
import { SCENE_ANSWER_JSON_SCHEMA, SceneSchema } from "../../../container/src/ai/scenes/schema";
import { strictSchemaProblem } from "../../fake-openai/chat";
import { type FakeOpenAI, startFakeOpenAI } from "../../fake-openai/server";
import { TEST_KEY } from "./ai-fixtures";

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI({ apiKey: TEST_KEY });
});
afterAll(() => fake?.stop());
beforeEach(() => fake.control.reset());

const segments = [
  { start: 0, end: 2, text: "Welcome to the lesson." },
  { start: 2.5, end: 5, text: "Fractions have a numerator." },
  { start: 6, end: 9, text: "And a denominator below it." },
  { start: 9, end: 12.5, text: "Let us try an example." },
  { start: 14, end: 18, text: "Well done, that is all." },
];
const input = (overrides: Partial<DetectScenesInput> = {}): DetectScenesInput => ({
  segments,
  duration: 20,
  tone: "playful",
  criteria: "worked examples",
  maxScenes: 4,
  model: "gpt-4o-mini",
  promptVersion: CURRENT_SCENE_PROMPT_VERSION,
  ...overrides,
});
const detect = (overrides: Partial<DetectScenesInput> = {}, logs: string[] = []) =>
  detectScenes(
    input(overrides),
    { openai: createOpenAIClient({ apiKey: TEST_KEY, baseURL: fake.url, timeoutSeconds: 30, maxRetries: 2 }) },
    (_level, message) => void logs.push(message),
  );
const scene = (start: number, end: number, priority: number, title = `S${start}`) => ({
  title,
  description: `${title} description`,
  start,
  end,
  confidence: 0.7,
  tags: ["a"],
  priority,
});

describe("detectScenes against the fake OpenAI", () => {
  it("sends the versioned prompt with tone, criteria and the timestamped transcript as strict json_schema", async () => {
    const result = await detect();
    const [request] = fake.control.requests("chat");
    expect(request!.model).toBe("gpt-4o-mini");
    expect(request!.prompt).toContain("Tone: playful");
    expect(request!.prompt).toContain("Criteria: worked examples");
    expect(request!.prompt).toContain("Return at most 4 scenes.");
    expect(request!.prompt).toContain("[2.500 - 5.000] Fractions have a numerator.");
    expect(request!.system_prompt).toContain("priority is an integer from 1 (most important)");
    expect(request!.response_format).toEqual({
      type: "json_schema",
      json_schema: { name: "scene_detection", strict: true, schema: SCENE_ANSWER_JSON_SCHEMA },
    });
    expect(result).toMatchObject({
      parameters: { tone: "playful", criteria: "worked examples", max_scenes: 4 },
      model: "gpt-4o-mini",
      prompt_version: "scenes-v2",
      request_id: request!.request_id,
      usage: { requests: 1, total_tokens: expect.any(Number) },
    });
    expect(result.usage.total_tokens).toBeGreaterThan(0);
    expect(result.scenes.length).toBeGreaterThan(0);
    for (const s of result.scenes) SceneSchema.parse(s);
    const priorities = result.scenes.map((s) => s.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => a - b));
  });

  it("repairs out-of-range, backwards and duplicate scenes from the model", async () => {
    fake.control.enqueue({ kind: "out_of_range_scenes" });
    const result = await detect();
    expect(result.repairs).toMatchObject({
      received: 6,
      dropped_out_of_range: 2,
      dropped_empty: 1,
      clamped: 1,
      merged: 2,
    });
    expect(result.scenes).toHaveLength(1);
    const [only] = result.scenes;
    // The overhanging 0..60 scene is clamped to the video and snapped to its last segment's end.
    expect(only).toMatchObject({ id: "scene_1", start: 0, end: 18, duration: 18, priority: 2 });
  });

  it("retries an answer that is not valid JSON", async () => {
    fake.control.enqueue({ kind: "invalid_json" });
    const logs: string[] = [];
    const result = await detect({}, logs);
    expect(fake.control.requests("chat").map((r) => r.status)).toEqual([200, 200]);
    expect(result.usage.requests).toBe(2);
    expect(result.scenes.length).toBeGreaterThan(0);
    expect(logs).toContain("Scene answer rejected: the answer is not valid JSON");
  });

  it("fails clearly after the invalid-JSON retries run out", async () => {
    fake.control.enqueue(
      { kind: "invalid_json" },
      { kind: "invalid_json" },
      { kind: "scenes", scenes: [{ title: 1 }] },
    );
    const error = await detect().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AiError);
    expect(error).toMatchObject({ code: "INVALID_MODEL_OUTPUT", retryable: false });
    expect((error as Error).message).toMatch(
      /^Scene detection failed: the model gave no valid JSON answer in 3 attempts/,
    );
    expect((error as Error).message).toContain("scenes.0.title");
    expect(fake.control.requests("chat")).toHaveLength(3);
  });

  it("makes no request for an empty transcript", async () => {
    const result = await detect({ segments: [{ start: 0, end: 1, text: "  " }] });
    expect(result.scenes).toEqual([]);
    expect(result.usage).toEqual({ total_tokens: 0, prompt_tokens: 0, completion_tokens: 0, requests: 0 });
    expect(fake.control.requests()).toHaveLength(0);
  });

  it("the fake rejects a schema that breaks strict mode, like the real API", () => {
    expect(
      strictSchemaProblem({
        type: "json_schema",
        json_schema: { name: "x", strict: true, schema: SCENE_ANSWER_JSON_SCHEMA },
      }),
    ).toBeNull();
    const loose = structuredClone(SCENE_ANSWER_JSON_SCHEMA) as unknown as {
      properties: { scenes: { items: { required: string[] } } };
    };
    loose.properties.scenes.items.required.pop();
    expect(
      strictSchemaProblem({ type: "json_schema", json_schema: { name: "x", strict: true, schema: loose } }),
    ).toMatch(/Missing 'priority'/);
  });
});

describe("repairScenes", () => {
  it("snaps to segment boundaries: starts to the segment start (or the next one in a pause), ends to the segment end", () => {
    expect(snapStart(3.1, segments)).toBe(2.5);
    expect(snapStart(5.5, segments)).toBe(6);
    expect(snapEnd(7, segments)).toBe(9);
    expect(snapEnd(13, segments)).toBe(12.5);
    const { scenes } = repairScenes([scene(3.1, 7, 1), scene(5.2, 5.8, 2)], { duration: 20, maxScenes: 5, segments });
    expect(scenes.map((s) => [s.start, s.end])).toEqual([[2.5, 9]]);
  });

  it("merges duplicates, sorts by priority then confidence, and keeps max_scenes", () => {
    const { scenes, report } = repairScenes(
      [
        scene(0, 2, 3, "Intro"),
        scene(14, 18, 1, "Outro"),
        scene(6, 12.5, 2, "Example"),
        { ...scene(6.5, 12, 1, "Example again"), confidence: 0.9, tags: ["b"] },
        { ...scene(2.5, 5, 3, "Numerator"), confidence: 0.95 },
      ],
      { duration: 20, maxScenes: 3, segments },
    );
    expect(report).toMatchObject({ merged: 1, truncated: 1 });
    expect(scenes.map((s) => [s.id, s.title, s.priority])).toEqual([
      ["scene_1", "Example again", 1],
      ["scene_2", "Outro", 1],
      ["scene_3", "Numerator", 3],
    ]);
    expect(scenes[0]).toMatchObject({ start: 6, end: 12.5, confidence: 0.9, tags: ["b", "a"] });
  });

  it("clamps confidence and priority into range and works without segments", () => {
    const { scenes } = repairScenes([{ ...scene(1, 3, 0), confidence: 1.7 }], {
      duration: 20,
      maxScenes: 2,
      segments: [],
    });
    expect(scenes[0]).toMatchObject({ start: 1, end: 3, confidence: 1, priority: 1 });
  });
});
