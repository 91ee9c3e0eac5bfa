import { setTimeout as sleep } from "node:timers/promises";
import { AiError } from "./errors";

export interface RetryPolicy {
  /** Attempts after the first one (OPENAI_MAX_RETRIES). */
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Upper bound on an honoured Retry-After, so a hostile header cannot park a job for hours. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 3,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
};

export interface RetryNotice {
  attempt: number;
  delayMs: number;
  error: AiError;
}

/** Exponential backoff with up to 25 % jitter downwards; Retry-After, when sent, replaces it. */
export function backoffDelayMs(policy: RetryPolicy, retryIndex: number, error: AiError, random = Math.random): number {
  const hinted = error.extra.retryAfterMs;
  if (hinted !== undefined) return Math.min(hinted, policy.maxRetryAfterMs);
  const exponential = Math.min(policy.baseDelayMs * 2 ** retryIndex, policy.maxDelayMs);
  return exponential * (1 - random() * 0.25);
}

/**
 * Runs `attempt` until it succeeds, fails with a non-retryable AiError, or retries run out.
 * Our own loop rather than the SDK's, so each retry is reported to the caller and counted in usage.
 */
export async function withRetries<T>(
  attempt: (attemptNumber: number) => Promise<T>,
  options: {
    policy: RetryPolicy;
    signal?: AbortSignal;
    onRetry?: (notice: RetryNotice) => void;
    toError: (e: unknown) => AiError;
  },
): Promise<T> {
  for (let retryIndex = 0; ; retryIndex++) {
    try {
      return await attempt(retryIndex + 1);
    } catch (raw) {
      const error = options.toError(raw);
      if (options.signal?.aborted) throw new AiError("ABORTED", "The request was aborted", false);
      if (!error.retryable || retryIndex >= options.policy.maxRetries) throw error;
      const delayMs = backoffDelayMs(options.policy, retryIndex, error);
      options.onRetry?.({ attempt: retryIndex + 1, delayMs, error });
      try {
        await sleep(delayMs, undefined, { signal: options.signal });
      } catch {
        throw new AiError("ABORTED", "The request was aborted", false);
      }
    }
  }
}
