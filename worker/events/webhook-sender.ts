/**
 * Timeout of one webhook request, from sending it until its status arrives. Tests shorten it (a receiver that hangs
 * should not hold a test for 15 s); nothing else should. Read per attempt.
 */
export const webhookDeliveryOptions = { timeoutMs: 15_000 };

/** How much of a response body the delivery log keeps. */
export const RESPONSE_BODY_LOG_BYTES = 1024;

export interface WebhookRequest {
  url: string;
  id: string;
  timestampSeconds: number;
  signature: string;
  body: string;
  userAgent: string;
}

export interface AttemptOutcome {
  statusCode: number | null;
  latencyMs: number;
  /** The first 1 KB of the answer, as text. */
  responseBody: string | null;
  /** Why no status arrived (timeout, connection refused, ...). */
  error: string | null;
  retryAfterSeconds: number | null;
}

/** One POST of a webhook. Never throws: every failure is an outcome the delivery log records. */
export function sendWebhook(
  request: WebhookRequest,
  timeoutMs = webhookDeliveryOptions.timeoutMs,
): Promise<AttemptOutcome> {
  return postWebhook(request, timeoutMs).outcome;
}

/**
 * One POST of a webhook in two steps: `answered` resolves with the status (null when none came) as soon as it
 * arrives, `outcome` once the start of the body is read too. Neither rejects.
 */
export function postWebhook(request: WebhookRequest, timeoutMs = webhookDeliveryOptions.timeoutMs) {
  let answer: (statusCode: number | null) => void = () => undefined;
  const answered = new Promise<number | null>((resolve) => {
    answer = resolve;
  });
  const outcome = attempt(request, timeoutMs, (statusCode) => answer(statusCode)).then((result) => {
    answer(result.statusCode);
    return result;
  });
  return { answered, outcome };
}

async function attempt(
  request: WebhookRequest,
  timeoutMs: number,
  onStatus: (statusCode: number) => void,
): Promise<AttemptOutcome> {
  const started = performance.now();
  const signal = AbortSignal.timeout(timeoutMs);
  const outcome: AttemptOutcome = {
    statusCode: null,
    latencyMs: 0,
    responseBody: null,
    error: null,
    retryAfterSeconds: null,
  };
  try {
    const response = await fetch(request.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": request.userAgent,
        "webhook-id": request.id,
        "webhook-timestamp": String(request.timestampSeconds),
        "webhook-signature": request.signature,
      },
      body: request.body,
      // A redirect is a failure, as the spec suggests: the endpoint's URL should be updated instead.
      redirect: "manual",
      signal,
    });
    outcome.statusCode = response.status;
    outcome.latencyMs = Math.round(performance.now() - started);
    outcome.retryAfterSeconds = retryAfter(response);
    onStatus(response.status);
    outcome.responseBody = await bodyStart(response);
  } catch (error) {
    outcome.latencyMs = Math.round(performance.now() - started);
    outcome.error = signal.aborted
      ? `No response within ${timeoutMs / 1000} s`
      : error instanceof Error
        ? error.message
        : String(error);
  }
  return outcome;
}

function retryAfter(response: Response): number | null {
  if (response.status !== 429 && response.status !== 503) return null;
  const seconds = Number(response.headers.get("retry-after"));
  return Number.isFinite(seconds) && seconds > 0 ? seconds : null;
}

/** Reads at most the first 1 KB and drops the rest, so a large or endless answer costs nothing more. */
async function bodyStart(response: Response): Promise<string | null> {
  if (!response.body) return null;
  // Most answers are short and say so: one read instead of a reader's loop (a tenth of the Worker's CPU in
  // bench:webhooks went to that loop).
  const length = Number(response.headers.get("content-length") ?? Number.NaN);
  if (length <= RESPONSE_BODY_LOG_BYTES) return response.text().catch(() => null);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < RESPONSE_BODY_LOG_BYTES) {
      const { value, done } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
    }
  } catch {
    // The body broke off (or timed out) after the status arrived: keep what came.
  } finally {
    reader.cancel().catch(() => undefined);
  }
  const bytes = new Uint8Array(Math.min(size, RESPONSE_BODY_LOG_BYTES));
  let at = 0;
  for (const chunk of chunks) {
    const take = chunk.subarray(0, bytes.length - at);
    bytes.set(take, at);
    at += take.length;
  }
  // A multi-byte character cut at the limit becomes U+FFFD rather than an error.
  return new TextDecoder().decode(bytes);
}
