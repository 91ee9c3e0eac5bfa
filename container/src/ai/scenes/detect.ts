import type { ScenesResult } from "../../protocol/scenes-contract";
import { AiError, toAiError } from "../errors";
import type { OpenAIHandle } from "../openai-client";
import { withRetries } from "../retry";
import { repairScenes } from "./postprocess";
import { buildScenePrompt, type ScenePromptVersion } from "./prompt";
import { ModelSceneAnswerSchema, SCENE_ANSWER_JSON_SCHEMA } from "./schema";

/** Answers that are not the JSON we asked for get this many more tries before the run fails. */
export const INVALID_ANSWER_RETRIES = 2;

export interface DetectScenesInput {
  segments: readonly { start: number; end: number; text: string }[];
  duration: number;
  tone?: string;
  criteria?: string;
  maxScenes: number;
  model: string;
  promptVersion: ScenePromptVersion;
}

type Log = (
  level: "debug" | "info" | "warning" | "error",
  message: string,
  details?: Record<string, unknown>,
) => unknown;

class InvalidAnswer extends Error {}

function parseAnswer(content: string | null | undefined, finishReason: string | undefined) {
  if (finishReason === "length") throw new InvalidAnswer("the answer was cut off at the token limit");
  let json: unknown;
  try {
    json = JSON.parse(content ?? "");
  } catch {
    throw new InvalidAnswer("the answer is not valid JSON");
  }
  const parsed = ModelSceneAnswerSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InvalidAnswer(
      `the answer does not match the schema at ${issue?.path.join(".") || "(root)"}: ${issue?.message}`,
    );
  }
  return parsed.data;
}

export async function detectScenes(
  input: DetectScenesInput,
  deps: { openai: OpenAIHandle; signal?: AbortSignal },
  emitLog: Log,
): Promise<ScenesResult> {
  const log: Log = (level, message, details) => {
    // Events are fire-and-forget: a client that went away must not cause an unhandled rejection.
    Promise.resolve(emitLog(level, message, details)).catch(() => {});
  };
  const usage = { total_tokens: 0, prompt_tokens: 0, completion_tokens: 0, requests: 0 };
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
  const { client, apiKey, retry } = deps.openai;
  let lastProblem = "";
  for (let attempt = 1; attempt <= INVALID_ANSWER_RETRIES + 1; attempt++) {
    const { data, request_id } = await withRetries(
      () => {
        usage.requests++;
        return client.chat.completions
          .create(
            {
              model: input.model,
              messages: [
                { role: "system", content: prompt.system },
                { role: "user", content: prompt.user },
              ],
              response_format: {
                type: "json_schema",
                json_schema: { name: "scene_detection", strict: true, schema: SCENE_ANSWER_JSON_SCHEMA },
              },
              temperature: 0.2,
            },
            { signal: deps.signal },
          )
          .withResponse();
      },
      {
        policy: retry,
        signal: deps.signal,
        toError: (error) => toAiError(error, apiKey),
        onRetry: ({ attempt: n, delayMs, error }) =>
          log("warning", "Scene request failed, retrying", {
            attempt: n,
            delay_ms: Math.round(delayMs),
            code: error.code,
          }),
      },
    );
    usage.total_tokens += data.usage?.total_tokens ?? 0;
    usage.prompt_tokens += data.usage?.prompt_tokens ?? 0;
    usage.completion_tokens += data.usage?.completion_tokens ?? 0;
    const choice = data.choices[0];
    if (choice?.message.refusal) {
      throw new AiError(
        "INVALID_MODEL_OUTPUT",
        `Scene detection failed: the model refused (${choice.message.refusal})`,
        false,
      );
    }
    try {
      const answer = parseAnswer(choice?.message.content, choice?.finish_reason);
      const { scenes, report } = repairScenes(answer.scenes, {
        duration: input.duration,
        maxScenes: input.maxScenes,
        segments: spoken,
      });
      return { ...base, scenes, usage, request_id, generated_at: new Date().toISOString(), repairs: report };
    } catch (error) {
      if (!(error instanceof InvalidAnswer)) throw error;
      lastProblem = error.message;
      log("warning", `Scene answer rejected: ${error.message}`, { attempt, request_id });
    }
  }
  throw new AiError(
    "INVALID_MODEL_OUTPUT",
    `Scene detection failed: the model gave no valid JSON answer in ${INVALID_ANSWER_RETRIES + 1} attempts (${lastProblem})`,
    false,
  );
}
