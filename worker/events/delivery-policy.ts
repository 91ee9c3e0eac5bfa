/**
 * What happens after a webhook attempt: pure functions of the attempt's outcome, the delivery's and the endpoint's
 * history and the time, so every rule is testable without workerd (test/node/webhooks/). The project's Durable
 * Object (project-events-object.ts) applies them.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Waits after the 1st, 2nd, ... failed attempt of a delivery: about three and a half days in all. */
export const RETRY_DELAYS_MS = [
  5 * SECOND,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  5 * HOUR,
  10 * HOUR,
  10 * HOUR,
  14 * HOUR,
  20 * HOUR,
  24 * HOUR,
] as const;

/** Each wait is spread by ±10 %, so endpoints that failed together are not retried together. */
export const RETRY_JITTER = 0.1;

/** An endpoint whose every attempt failed for this long is disabled. */
export const FAILING_DISABLE_MS = 3 * 24 * HOUR;

/** Deliveries, their attempts and the events they carry are kept this long. */
export const RETENTION_MS = 30 * 24 * HOUR;

/** Success: a 2xx within the timeout. Anything else (3xx included: redirects are not followed) is a failure. */
export const isSuccess = (statusCode: number | null) => statusCode !== null && statusCode >= 200 && statusCode < 300;

export interface AttemptFacts {
  statusCode: number | null;
  /** A Retry-After the endpoint sent with a 429 or 503, in seconds. */
  retryAfterSeconds: number | null;
  /** Failed attempts of this delivery in its current round (a manual retry or replay starts a new round). */
  failedBefore: number;
  /** Since when every attempt to this endpoint failed; null while its last attempt succeeded. */
  failingSince: number | null;
  now: number;
  /** In [0, 1), for the jitter. */
  random: number;
}

export type DisabledReason = "gone" | "failing" | "manual";

export interface AttemptDecision {
  delivery: "succeeded" | "pending" | "failed";
  /** Epoch ms of the next attempt when the delivery stays pending. */
  nextAttemptAt: number | null;
  failingSince: number | null;
  /** Set when this attempt disables the endpoint. */
  disable: DisabledReason | null;
}

/** Applies the retry schedule, 410 Gone and the three-day rule to one attempt. */
export function decideAfterAttempt(facts: AttemptFacts): AttemptDecision {
  if (isSuccess(facts.statusCode)) {
    return { delivery: "succeeded", nextAttemptAt: null, failingSince: null, disable: null };
  }
  const failingSince = facts.failingSince ?? facts.now;
  if (facts.statusCode === 410) return { delivery: "failed", nextAttemptAt: null, failingSince, disable: "gone" };
  if (facts.now - failingSince >= FAILING_DISABLE_MS) {
    return { delivery: "failed", nextAttemptAt: null, failingSince, disable: "failing" };
  }
  const delay = retryDelayMs(facts.failedBefore + 1, facts.random, facts.retryAfterSeconds);
  if (delay === null) return { delivery: "failed", nextAttemptAt: null, failingSince, disable: null };
  return { delivery: "pending", nextAttemptAt: facts.now + delay, failingSince, disable: null };
}

/**
 * The wait after the `failed`-th failed attempt, with jitter; null once the schedule is spent. A Retry-After
 * longer than the scheduled wait is honoured, up to the schedule's longest wait.
 */
export function retryDelayMs(failed: number, random: number, retryAfterSeconds: number | null = null): number | null {
  const base = RETRY_DELAYS_MS[failed - 1];
  if (base === undefined) return null;
  const jittered = Math.round(base * (1 - RETRY_JITTER + 2 * RETRY_JITTER * random));
  const asked = retryAfterSeconds === null ? 0 : Math.min(retryAfterSeconds * SECOND, RETRY_DELAYS_MS.at(-1) ?? 0);
  return Math.max(jittered, asked);
}
