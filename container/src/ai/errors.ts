import OpenAI from "openai";

export type AiErrorCode =
  | "CONFIGURATION_ERROR"
  | "UPSTREAM_AUTH"
  | "UPSTREAM_REJECTED"
  | "UPSTREAM_RATE_LIMITED"
  | "UPSTREAM_UNAVAILABLE"
  | "UPSTREAM_TIMEOUT"
  | "INVALID_MODEL_OUTPUT"
  | "MEDIA_ERROR"
  | "NO_SPEECH"
  | "ABORTED";

/** A failure of the AI pipeline. `retryable` tells the caller whether the same request may succeed later. */
export class AiError extends Error {
  override name = "AiError";
  constructor(
    readonly code: AiErrorCode,
    message: string,
    readonly retryable: boolean,
    readonly extra: { status?: number; requestId?: string | null; retryAfterMs?: number } = {},
  ) {
    super(message);
  }
}

export const MISSING_KEY_MESSAGE = "OPENAI_API_KEY is not configured";

/** Removes the configured key and anything shaped like an OpenAI key, even the masked form the API echoes. */
export function redactSecrets(text: string, apiKey?: string): string {
  let out = text;
  if (apiKey) out = out.split(apiKey).join("[redacted]");
  return out.replace(/\bsk-[A-Za-z0-9_*.-]{3,}/g, "[redacted]");
}

/** Seconds or an HTTP date, as the Retry-After header allows; retry-after-ms wins when present. */
export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | undefined {
  const ms = Number.parseFloat(headers?.get("retry-after-ms") ?? "");
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const raw = headers?.get("retry-after");
  if (!raw) return undefined;
  const seconds = Number.parseFloat(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(raw);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

/** Maps anything the SDK throws onto an AiError whose message never contains the key. */
export function toAiError(error: unknown, apiKey?: string): AiError {
  if (error instanceof AiError) return error;
  if (error instanceof OpenAI.APIUserAbortError) return new AiError("ABORTED", "The request was aborted", false);
  if (error instanceof OpenAI.APIConnectionTimeoutError) {
    return new AiError("UPSTREAM_TIMEOUT", "OpenAI request timed out", true);
  }
  if (error instanceof OpenAI.APIConnectionError) {
    return new AiError("UPSTREAM_UNAVAILABLE", "Could not connect to OpenAI", true);
  }
  if (error instanceof OpenAI.APIError) {
    const status = error.status ?? 0;
    const detail = redactSecrets(error.message, apiKey);
    const extra = { status, requestId: error.requestID, retryAfterMs: retryAfterMs(error.headers) };
    if (status === 401 || status === 403) {
      return new AiError("UPSTREAM_AUTH", `OpenAI rejected the credentials (${status})`, false, extra);
    }
    if (status === 429) return new AiError("UPSTREAM_RATE_LIMITED", `OpenAI rate limit: ${detail}`, true, extra);
    if (status === 408 || status === 409 || status >= 500) {
      return new AiError("UPSTREAM_UNAVAILABLE", `OpenAI error: ${detail}`, true, extra);
    }
    return new AiError("UPSTREAM_REJECTED", `OpenAI rejected the request: ${detail}`, false, extra);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new AiError("UPSTREAM_UNAVAILABLE", redactSecrets(message, apiKey), true);
}
