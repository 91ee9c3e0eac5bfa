import type { z } from "zod";
import { AiError, toAiError } from "../errors";
import type { OpenAIHandle } from "../openai-client";
import { withRetries } from "../retry";
import type { ChatPrompt } from "./prompt";

/** Answers that are not the JSON we asked for get this many more tries before the call fails. */
export const INVALID_ANSWER_RETRIES = 2;

export type Log = (
  level: "debug" | "info" | "warning" | "error",
  message: string,
  details?: Record<string, unknown>,
) => void;

/** What every model call of one quiz run cost, and when each HTTP request was in flight (for the critical path). */
export class CallLedger {
  readonly usage = { total_tokens: 0, prompt_tokens: 0, completion_tokens: 0, requests: 0 };
  readonly spans: { start: number; end: number }[] = [];

  /** Milliseconds during which at least one request was in flight: parallel calls count once. */
  busyMs(): number {
    const spans = [...this.spans].sort((a, b) => a.start - b.start);
    let total = 0;
    let until = Number.NEGATIVE_INFINITY;
    for (const span of spans) {
      if (span.end <= until) continue;
      total += span.end - Math.max(span.start, until);
      until = span.end;
    }
    return total;
  }
}

class InvalidAnswer extends Error {}

function parseAnswer<T>(schema: z.ZodType<T>, content: string | null | undefined, finishReason: string | undefined): T {
  if (finishReason === "length") throw new InvalidAnswer("the answer was cut off at the token limit");
  let json: unknown;
  try {
    json = JSON.parse(content ?? "");
  } catch {
    throw new InvalidAnswer("the answer is not valid JSON");
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InvalidAnswer(
      `the answer does not match the schema at ${issue?.path.join(".") || "(root)"}: ${issue?.message}`,
    );
  }
  return parsed.data;
}

export interface StructuredCall<T> {
  /** Names the step in messages: "Quiz generation", "Answerability check". */
  what: string;
  model: string;
  prompt: ChatPrompt;
  schemaName: string;
  jsonSchema: Record<string, unknown>;
  answerSchema: z.ZodType<T>;
  temperature: number;
}

/**
 * One chat completion with a strict json_schema answer: transport failures retried by `withRetries` (429, 5xx,
 * timeouts), answers that are not the promised JSON asked again up to INVALID_ANSWER_RETRIES times, a refusal
 * final. Usage and request spans go to the ledger.
 */
export async function structuredCall<T>(
  call: StructuredCall<T>,
  deps: { openai: OpenAIHandle; signal?: AbortSignal; ledger: CallLedger; log: Log },
): Promise<{ value: T; requestId: string | null }> {
  const { client, apiKey, retry } = deps.openai;
  let lastProblem = "";
  for (let attempt = 1; attempt <= INVALID_ANSWER_RETRIES + 1; attempt++) {
    const { data, request_id } = await withRetries(
      async () => {
        deps.ledger.usage.requests++;
        const span = { start: Date.now(), end: Date.now() };
        try {
          return await client.chat.completions
            .create(
              {
                model: call.model,
                messages: [
                  { role: "system", content: call.prompt.system },
                  { role: "user", content: call.prompt.user },
                ],
                response_format: {
                  type: "json_schema",
                  json_schema: { name: call.schemaName, strict: true, schema: call.jsonSchema },
                },
                temperature: call.temperature,
              },
              { signal: deps.signal },
            )
            .withResponse();
        } finally {
          span.end = Date.now();
          deps.ledger.spans.push(span);
        }
      },
      {
        policy: retry,
        signal: deps.signal,
        toError: (error) => toAiError(error, apiKey),
        onRetry: ({ attempt: n, delayMs, error }) =>
          deps.log("warning", `${call.what} request failed, retrying`, {
            attempt: n,
            delay_ms: Math.round(delayMs),
            code: error.code,
          }),
      },
    );
    deps.ledger.usage.total_tokens += data.usage?.total_tokens ?? 0;
    deps.ledger.usage.prompt_tokens += data.usage?.prompt_tokens ?? 0;
    deps.ledger.usage.completion_tokens += data.usage?.completion_tokens ?? 0;
    const choice = data.choices[0];
    if (choice?.message.refusal) {
      throw new AiError(
        "INVALID_MODEL_OUTPUT",
        `${call.what} failed: the model refused (${choice.message.refusal})`,
        false,
      );
    }
    try {
      return {
        value: parseAnswer(call.answerSchema, choice?.message.content, choice?.finish_reason),
        requestId: request_id,
      };
    } catch (error) {
      if (!(error instanceof InvalidAnswer)) throw error;
      lastProblem = error.message;
      deps.log("warning", `${call.what} answer rejected: ${error.message}`, { attempt, request_id });
    }
  }
  throw new AiError(
    "INVALID_MODEL_OUTPUT",
    `${call.what} failed: the model gave no valid JSON answer in ${INVALID_ANSWER_RETRIES + 1} attempts (${lastProblem})`,
    false,
  );
}
