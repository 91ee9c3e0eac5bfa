import type { Settings } from "../env";
import { JobCancelledError, PermanentJobError, RetryableJobError } from "../jobs/handler";
import { MediaServiceError } from "../media/media-client";

export const MISSING_OPENAI_KEY = "OPENAI_API_KEY is not configured";

/** AI jobs need the key; without it they fail at once instead of retrying something that cannot work. */
export function requireOpenAIKey(settings: Pick<Settings, "OPENAI_API_KEY">): string {
  if (!settings.OPENAI_API_KEY) throw new PermanentJobError(MISSING_OPENAI_KEY);
  return settings.OPENAI_API_KEY;
}

/** The configured key and anything shaped like an OpenAI key; the media service redacts too, this is the backstop. */
export function redactKey(message: string, apiKey: string | undefined): string {
  const withoutKey = apiKey ? message.split(apiKey).join("[redacted]") : message;
  return withoutKey.replace(/\bsk-[A-Za-z0-9_*.-]{3,}/g, "[redacted]");
}

/**
 * Maps what a media call threw onto the job engine's classes: the service decides retryability (429, 5xx and
 * timeouts after its own retries: retryable; 401/403, 400, bad media, invalid model output: not).
 */
export function toAiJobError(error: unknown, apiKey: string | undefined, what: string): Error {
  if (error instanceof JobCancelledError || error instanceof PermanentJobError) return error;
  if (error instanceof RetryableJobError) return error;
  if (error instanceof MediaServiceError) {
    const message = `${what} failed: ${redactKey(error.message, apiKey)} (${error.code})`;
    return error.retryable ? new RetryableJobError(message) : new PermanentJobError(message);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new RetryableJobError(`${what} failed: ${redactKey(message, apiKey)}`);
}
