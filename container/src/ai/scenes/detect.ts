import type { ScenesResult } from "../../protocol/scenes-contract";
import { type AiLog, emptyChatUsage, requestStructuredAnswer } from "../chat-json";
import type { OpenAIHandle } from "../openai-client";
import { repairScenes } from "./postprocess";
import { buildScenePrompt, type ScenePromptVersion } from "./prompt";
import { ModelSceneAnswerSchema, SCENE_ANSWER_JSON_SCHEMA } from "./schema";

export { INVALID_ANSWER_RETRIES } from "../chat-json";

export interface DetectScenesInput {
  segments: readonly { start: number; end: number; text: string }[];
  duration: number;
  tone?: string;
  criteria?: string;
  /** ISO 639-1 code of the transcript; titles and descriptions are written in it. */
  language?: string;
  maxScenes: number;
  model: string;
  promptVersion: ScenePromptVersion;
}

export async function detectScenes(
  input: DetectScenesInput,
  deps: { openai: OpenAIHandle; signal?: AbortSignal },
  emitLog: AiLog,
): Promise<ScenesResult> {
  const log: AiLog = (level, message, details) => {
    // Events are fire-and-forget: a client that went away must not cause an unhandled rejection.
    Promise.resolve(emitLog(level, message, details)).catch(() => {});
  };
  const usage = emptyChatUsage();
  const base = {
    parameters: { tone: input.tone ?? null, criteria: input.criteria ?? null, max_scenes: input.maxScenes },
    model: input.model,
    prompt_version: input.promptVersion,
  };
  const spoken = input.segments.filter((s) => s.text.trim());
  if (spoken.length === 0) {
    // Nothing was said, so there is nothing to ask about; an empty answer is the truthful one.
    const empty = repairScenes([], { duration: input.duration, maxScenes: input.maxScenes, segments: [] });
    return {
      ...base,
      scenes: [],
      usage,
      request_id: null,
      generated_at: new Date().toISOString(),
      repairs: empty.report,
    };
  }
  const prompt = buildScenePrompt(input.promptVersion, { ...input, segments: spoken });
  const { answer, requestId } = await requestStructuredAnswer(
    {
      model: input.model,
      system: prompt.system,
      user: prompt.user,
      temperature: 0.2,
      schemaName: "scene_detection",
      jsonSchema: SCENE_ANSWER_JSON_SCHEMA,
      answerSchema: ModelSceneAnswerSchema,
      labels: { request: "Scene request", answer: "Scene answer", failure: "Scene detection failed" },
      usage,
    },
    deps,
    log,
  );
  const { scenes, report } = repairScenes(answer.scenes, {
    duration: input.duration,
    maxScenes: input.maxScenes,
    segments: spoken,
  });
  return { ...base, scenes, usage, request_id: requestId, generated_at: new Date().toISOString(), repairs: report };
}
