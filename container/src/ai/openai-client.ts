import OpenAI from "openai";
import { AiError, MISSING_KEY_MESSAGE } from "./errors";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "./retry";

/** The service's OpenAI settings (from its own env), handed to the AI code per request. */
export interface OpenAIConfig {
  apiKey?: string;
  baseURL?: string;
  organization?: string;
  /** Per HTTP request, in seconds (OPENAI_REQUEST_TIMEOUT). */
  timeoutSeconds: number;
  /** OPENAI_MAX_RETRIES; drives our retry loop, see retry.ts. */
  maxRetries: number;
}

export interface OpenAIHandle {
  client: OpenAI;
  apiKey: string;
  retry: RetryPolicy;
}

/**
 * Builds a client for one request. Fails fast (non-retryable) without a key.
 * The SDK's own retries are off (maxRetries 0) because our loop retries instead, reporting each
 * attempt and honouring Retry-After; two stacked loops would multiply the attempts.
 */
export function createOpenAIClient(config: OpenAIConfig, retry: Partial<RetryPolicy> = {}): OpenAIHandle {
  const apiKey = config.apiKey?.trim();
  if (!apiKey) throw new AiError("CONFIGURATION_ERROR", MISSING_KEY_MESSAGE, false);
  const client = new OpenAI({
    apiKey,
    baseURL: config.baseURL ?? null,
    organization: config.organization ?? null,
    // Explicit nulls stop the SDK from reading other OPENAI_* variables behind the config's back.
    project: null,
    adminAPIKey: null,
    webhookSecret: null,
    timeout: config.timeoutSeconds * 1000,
    maxRetries: 0,
    logLevel: "off",
  });
  return { client, apiKey, retry: { ...DEFAULT_RETRY_POLICY, maxRetries: config.maxRetries, ...retry } };
}
