import type { JsonObject } from "../db/schema/columns";
import type { JobStatus } from "../db/schema/jobs";
import { appendLog, backoffMs, type InitJobInput, isTerminal, newJob, type RunOutcome } from "./job";
import type { JobState } from "./job-store";

/**
 * The job's state machine: pure functions of the stored state and the time, so every rule is testable without
 * workerd. The Durable Object (job-object.ts) calls them and then saves, publishes and schedules its alarm.
 */

// A running attempt renews its lease (job-object.ts); if the object dies, the alarm at the lease's expiry wakes
// it and the attempt counts as interrupted.
export const LEASE_MS = 60_000;
// A queued job whose message got lost (or dead-lettered) is dispatched again after this long.
export const REDISPATCH_MS = 15 * 60_000;
export const MIRROR_RETRY_MS = 5_000;

/** How one attempt of the handler ended (see job-attempt.ts). */
export type AttemptResult =
  | { kind: "completed"; result: JsonObject }
  /** `lostInstance`: the media instance the attempt found dead, for the retry to avoid. */
  | { kind: "retryable"; message: string; lostInstance?: number }
  | { kind: "permanent"; message: string };

const iso = (ms: number) => new Date(ms).toISOString();

/** A new job, queued and released for its first dispatch. */
export function queuedState(input: InitJobInput, now: number): JobState {
  const job = newJob(input);
  appendLog(
    job,
    "info",
    "Job queued",
    { max_attempts: job.max_attempts, retry_delay_seconds: job.retry_delay_seconds },
    new Date(now),
  );
  return { job, assetId: input.assetId, leaseExpiresAt: null, released: true };
}

/** What a run request should do, given the stored state and whether this instance is running an attempt. */
export function runDecision(
  state: JobState,
  attemptInProgress: boolean,
): "already_finished" | "already_running" | "interrupted" | "not_due" | "start" {
  if (isTerminal(state.job.status)) return "already_finished";
  if (attemptInProgress) return "already_running";
  // Running in storage but not in this instance: the attempt died with a previous instance.
  if (state.job.status === "running") return "interrupted";
  return state.released ? "start" : "not_due";
}

/** Starts the next attempt (its media calls going to `instance`) and returns its number. */
export function startAttempt(state: JobState, now: number, instance?: number): number {
  const job = state.job;
  const attempt = job.attempts + 1;
  job.attempts = attempt;
  job.status = "running";
  job.started_at ??= iso(now);
  job.next_attempt_at = null;
  // The failure of the previous attempt stays in the logs; error_message describes the job as it is now.
  job.error_message = null;
  job.updated_at = iso(now);
  const details = instance === undefined ? null : { media_instance: instance };
  appendLog(job, "info", `Attempt ${attempt}/${job.max_attempts} started`, details, new Date(now));
  state.released = false;
  state.avoidInstance = null;
  state.leaseExpiresAt = now + LEASE_MS;
  return attempt;
}

/**
 * Applies how attempt `attempt` ended. `changed` is false when the job moved on while the handler ran
 * (cancelled, or the attempt was superseded): whatever the handler returned is then discarded.
 */
export function settleAttempt(
  state: JobState,
  attempt: number,
  result: AttemptResult,
  now: number,
  tookMs: number,
): { outcome: RunOutcome; changed: boolean } {
  const job = state.job;
  if (job.status !== "running" || job.attempts !== attempt) {
    return { outcome: job.status === "cancelled" ? "cancelled" : "already_finished", changed: false };
  }
  if (result.kind === "completed") {
    job.result = result.result;
    job.progress = 100;
    finish(state, "completed", null, `Attempt ${attempt} completed in ${tookMs} ms`, "info", now);
    return { outcome: "completed", changed: true };
  }
  if (result.kind === "retryable" && attempt < job.max_attempts) {
    const delay = backoffMs(job.retry_delay_seconds, attempt);
    job.status = "queued";
    job.error_message = result.message;
    job.next_attempt_at = iso(now + delay);
    job.updated_at = iso(now);
    state.released = delay <= 0;
    state.leaseExpiresAt = null;
    state.avoidInstance = result.lostInstance ?? null;
    const lost = result.lostInstance === undefined ? {} : { lost_media_instance: result.lostInstance };
    appendLog(
      job,
      "warning",
      `Attempt ${attempt} failed: ${result.message}; retrying in ${delay / 1000} s`,
      { attempt, retry_at: job.next_attempt_at, ...lost },
      new Date(now),
    );
    return { outcome: "retry_scheduled", changed: true };
  }
  const why = result.kind === "retryable" ? "no attempts left" : "not retryable";
  finish(state, "failed", result.message, `Attempt ${attempt} failed (${why}): ${result.message}`, "error", now);
  return { outcome: "failed", changed: true };
}

/** The stored running attempt died with its instance: requeues the job, or fails it after the last attempt. */
export function interruptAttempt(state: JobState, now: number): void {
  const job = state.job;
  const message = `Attempt ${job.attempts} was interrupted (the job's Durable Object restarted mid-run)`;
  if (job.attempts >= job.max_attempts) {
    finish(state, "failed", "Interrupted during the final attempt", message, "error", now);
    return;
  }
  job.status = "queued";
  job.next_attempt_at = iso(now);
  job.updated_at = job.next_attempt_at;
  state.released = true;
  state.leaseExpiresAt = null;
  appendLog(job, "warning", `${message}; it will run again`, null, new Date(now));
}

/** Cancels a queued or running job; false when it had already finished. */
export function cancelJob(state: JobState, now: number): boolean {
  const previous = state.job.status;
  if (isTerminal(previous)) return false;
  finish(state, "cancelled", null, `Cancelled while ${previous}`, "warning", now);
  return true;
}

/** The queue gave up delivering the job's message: fails it rather than leave it queued forever. */
export function deadLetterJob(state: JobState, reason: string, now: number): void {
  finish(state, "failed", `Job could not be delivered: ${reason}`, "Queue delivery failed repeatedly", "error", now);
}

/** Extends the running attempt's lease. */
export function renewLease(state: JobState, now: number): void {
  state.leaseExpiresAt = now + LEASE_MS;
}

/**
 * When the object's one alarm should fire: the lease's expiry while running, the retry time while waiting for a
 * retry, a redispatch check while released; pulled earlier by a failed D1 mirror, and by project events not yet
 * forwarded (job-outbox.ts) unless the job is queued: a queued job's alarm dispatches it, and its events go out
 * with its next change. Null: no alarm.
 */
export function nextAlarmAt(state: JobState, now: number, mirrorFailed: boolean, eventsPending = false): number | null {
  const { job } = state;
  let at: number | null = null;
  if (job.status === "running") at = state.leaseExpiresAt;
  else if (job.status === "queued")
    at = state.released || !job.next_attempt_at ? now + REDISPATCH_MS : Date.parse(job.next_attempt_at);
  const retry = mirrorFailed || (eventsPending && job.status !== "queued");
  if (retry) at = Math.min(at ?? Number.POSITIVE_INFINITY, now + MIRROR_RETRY_MS);
  return at;
}

function finish(
  state: JobState,
  status: JobStatus,
  error: string | null,
  message: string,
  level: "info" | "warning" | "error",
  now: number,
): void {
  Object.assign(state.job, {
    status,
    error_message: error,
    finished_at: iso(now),
    updated_at: iso(now),
    next_attempt_at: null,
  });
  state.leaseExpiresAt = null;
  state.released = false;
  appendLog(state.job, level, message, null, new Date(now));
}
