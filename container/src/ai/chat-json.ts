import type { z } from "zod";
import type { ChatUsage } from "../protocol/chat-usage";
import { AiError, toAiError } from "./errors";
import type { OpenAIHandle } from "./openai-client";
import { withRetries } from "./retry";

/** Answers that are not what we asked for get this many more tries before the request fails. */
export const INVALID_ANSWER_RETRIES = 2;

/** An answer that arrived but cannot be used; the request is asked again. The message says why, for logs. */
export class InvalidAnswer extends Error {}

export const emptyChatUsage = (): ChatUsage => ({
  total_tokens: 0,
  prompt_tokens: 0,
  completion_tokens: 0,
  requests: 0,
});

export type AiLog = (
  level: "debug" | "info" | "warning" | "error",
  message: string,
  details?: Record<string, unknown>,
) => unknown;

export interface StructuredChatRequest<T> {
  model: string;
  system: string;
  user: string;
  temperature: number;
  /** `response_format.json_schema`: name and a strict JSON Schema. */
  schemaName: string;
  jsonSchema: Record<string, unknown>;
  /** The answer's shape; breaking it counts as an invalid answer. */
  answerSchema: z.ZodType<T>;
  /** Checks beyond the shape; throws InvalidAnswer for an answer to ask again for. */
  check?: (answer: T) => void;
  /** Words for logs and errors: "Scene request failed", "Scene answer rejected", "Scene detection failed". */
  labels: { request: string; answer: string; failure: string };
  /** The final error's reason after the last invalid answer. */
  exhausted?: (attempts: number, lastProblem: string) => string;
  /** Added to on every request, retries included. */
  usage: ChatUsage;
  details?: Record<string, unknown>;
}

function parseAnswer<T>(request: StructuredChatRequest<T>, content: string | null | undefined, finish?: string): T {
  if (finish === "length") throw new InvalidAnswer("the answer was cut off at the token limit");
  let json: unknown;
  try {
    json = JSON.parse(content ?? "");
  } catch {
    throw new InvalidAnswer("the answer is not valid JSON");
  }
  const parsed = request.answerSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InvalidAnswer(
      `the answer does not match the schema at ${issue?.path.join(".") || "(root)"}: ${issue?.message}`,
    );
  }
  request.check?.(parsed.data);
  return parsed.data;
}

/**
 * One chat completion with a strict JSON schema: transport failures are retried per the handle's policy, and
 * answers that are not valid (not JSON, the wrong shape, cut off, or refused by `check`) are asked again
 * INVALID_ANSWER_RETRIES times before failing with INVALID_MODEL_OUTPUT. A refusal fails at once.
 */
export async function requestStructuredAnswer<T>(
  request: StructuredChatRequest<T>,
  deps: { openai: OpenAIHandle; signal?: AbortSignal },
  log: AiLog,
): Promise<{ answer: T; requestId: string | null }> {
  const { client, apiKey, retry } = deps.openai;
  const { usage, labels } = request;
  let lastProblem = "";
  for (let attempt = 1; attempt <= INVALID_ANSWER_RETRIES + 1; attempt++) {
    const { data, request_id } = await withRetries(
      () => {
        usage.requests++;
        return client.chat.completions
          .create(
            {
              model: request.model,
              messages: [
                { role: "system", content: request.system },
                { role: "user", content: request.user },
              ],
              response_format: {
                type: "json_schema",
                json_schema: { name: request.schemaName, strict: true, schema: request.jsonSchema },
              },
              temperature: request.temperature,
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
          log("warning", `${labels.request} failed, retrying`, {
            ...request.details,
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
        `${labels.failure}: the model refused (${choice.message.refusal})`,
        false,
      );
    }
    try {
      return { answer: parseAnswer(request, choice?.message.content, choice?.finish_reason), requestId: request_id };
    } catch (error) {
      if (!(error instanceof InvalidAnswer)) throw error;
      lastProblem = error.message;
      log("warning", `${labels.answer} rejected: ${error.message}`, { ...request.details, attempt, request_id });
    }
  }
  const attempts = INVALID_ANSWER_RETRIES + 1;
  const reason =
    request.exhausted?.(attempts, lastProblem) ??
    `the model gave no valid JSON answer in ${attempts} attempts (${lastProblem})`;
  throw new AiError("INVALID_MODEL_OUTPUT", `${labels.failure}: ${reason}`, false);
}
