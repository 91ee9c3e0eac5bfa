import type { Config } from "../config";
import { OpError } from "../operation";
import { AiError } from "./errors";
import type { OpenAIConfig } from "./openai-client";

/** The service's OPENAI_* settings in the shape the AI code takes. */
export function openAIConfigFrom(config: Config): OpenAIConfig {
  return {
    apiKey: config.OPENAI_API_KEY,
    baseURL: config.OPENAI_BASE_URL,
    organization: config.OPENAI_ORGANIZATION,
    timeoutSeconds: config.OPENAI_REQUEST_TIMEOUT,
    maxRetries: config.OPENAI_MAX_RETRIES,
  };
}

/** AI failures become the stream's error event with their own code and retryability. */
export function toOpError(error: unknown): unknown {
  if (error instanceof AiError) return new OpError(error.code, error.message, error.retryable, { cause: error });
  return error;
}
