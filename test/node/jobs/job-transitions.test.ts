// The job state machine on its own, in Node: no workerd, no Durable Object, a clock the test sets.
import { describe, expect, it } from "vitest";
import type { InitJobInput } from "../../../worker/jobs/job";
import type { JobState } from "../../../worker/jobs/job-store";
import {
  cancelJob,
  deadLetterJob,
  interruptAttempt,
  LEASE_MS,
  MIRROR_RETRY_MS,
  nextAlarmAt,
  queuedState,
  REDISPATCH_MS,
  renewLease,
  runDecision,
  settleAttempt,
  startAttempt,
} from "../../../worker/jobs/job-transitions";

const T0 = Date.parse("2026-11-24T10:00:00.000Z");
const at = (ms: number) => new Date(T0 + ms).toISOString();

function job(overrides: Partial<InitJobInput> = {}): JobState {
  return queuedState(
    {
      id: "job-1",
      projectId: "lesson-app",
      jobType: "ingest",
      payload: { asset_id: "a1" },
      maxAttempts: 3,
      retryDelaySeconds: 5,
      assetId: "a1",
      createdAt: at(0),
      ...overrides,
    },
    T0,
  );
}

const messages = (state: JobState) => state.job.logs.map((log) => log.message);

describe("a new job", () => {
  it("is queued, released for its first dispatch, with one log line", () => {
    const state = job();
    expect(state).toMatchObject({ released: true, leaseExpiresAt: null, assetId: "a1" });
    expect(state.job).toMatchObject({ status: "queued", attempts: 0, progress: 0, error_message: null });
    expect(state.job.logs).toEqual([
      { timestamp: at(0), level: "info", message: "Job queued", details: { max_attempts: 3, retry_delay_seconds: 5 } },
    ]);
  });
});

describe("runDecision", () => {
  it("starts a released job, waits for an unreleased one, and leaves finished or running ones alone", () => {
    const state = job();
    expect(runDecision(state, false)).toBe("start");
    expect(runDecision(state, true)).toBe("already_running");
    state.released = false;
    expect(runDecision(state, false)).toBe("not_due");
    startAttempt(state, T0);
    expect(runDecision(state, false)).toBe("interrupted");
    expect(runDecision(state, true)).toBe("already_running");
    cancelJob(state, T0);
    expect(runDecision(state, true)).toBe("already_finished");
  });
});

describe("an attempt", () => {
  it("starts: running, numbered, leased, and started_at is the first attempt's", () => {
    const state = job();
    expect(startAttempt(state, T0 + 10)).toBe(1);
    expect(state.job).toMatchObject({ status: "running", attempts: 1, started_at: at(10), updated_at: at(10) });
    expect(state).toMatchObject({ released: false, leaseExpiresAt: T0 + 10 + LEASE_MS });
    expect(messages(state).at(-1)).toBe("Attempt 1/3 started");
    settleAttempt(state, 1, { kind: "retryable", message: "busy" }, T0 + 20, 10);
    expect(startAttempt(state, T0 + 5_020)).toBe(2);
    expect(state.job.started_at).toBe(at(10));
  });

  it("clears the previous attempt's error_message when it starts; the failure stays in the logs", () => {
    const state = job();
    startAttempt(state, T0);
    settleAttempt(state, 1, { kind: "retryable", message: "upstream 503" }, T0 + 100, 100);
    expect(state.job.error_message).toBe("upstream 503");
    startAttempt(state, T0 + 5_100);
    expect(state.job.error_message).toBeNull();
    expect(messages(state)).toContain("Attempt 1 failed: upstream 503; retrying in 5 s");
  });

  it("completes: result stored, progress 100, finished, no lease", () => {
    const state = job();
    startAttempt(state, T0);
    expect(settleAttempt(state, 1, { kind: "completed", result: { frames: 12 } }, T0 + 42, 42)).toEqual({
      outcome: "completed",
      changed: true,
    });
    expect(state.job).toMatchObject({
      status: "completed",
      result: { frames: 12 },
      progress: 100,
      error_message: null,
      finished_at: at(42),
      next_attempt_at: null,
    });
    expect(state).toMatchObject({ released: false, leaseExpiresAt: null });
    expect(messages(state).at(-1)).toBe("Attempt 1 completed in 42 ms");
  });

  it("remembers the media instance an attempt found dead for its retry only, and logs each attempt's instance", () => {
    const state = job();
    startAttempt(state, T0, 1);
    expect(state.job.logs.at(-1)).toMatchObject({ message: "Attempt 1/3 started", details: { media_instance: 1 } });
    settleAttempt(state, 1, { kind: "retryable", message: "lost", lostInstance: 1 }, T0 + 1_000, 1_000);
    expect(state.avoidInstance).toBe(1);
    expect(state.job.logs.at(-1)?.details).toEqual({ attempt: 1, retry_at: at(6_000), lost_media_instance: 1 });
    startAttempt(state, T0 + 6_000, 0);
    expect(state.avoidInstance).toBeNull();
    settleAttempt(state, 2, { kind: "retryable", message: "busy" }, T0 + 7_000, 1_000);
    expect(state.avoidInstance).toBeNull();
    startAttempt(state, T0 + 17_000, 0);
    // The last attempt: no retry, so nothing to avoid, and the job fails with the error.
    settleAttempt(state, 3, { kind: "retryable", message: "lost again", lostInstance: 0 }, T0 + 18_000, 1_000);
    expect(state.job).toMatchObject({ status: "failed", error_message: "lost again" });
  });

  it("retries with exponential backoff while attempts remain, released at once only without a delay", () => {
    const state = job();
    startAttempt(state, T0);
    expect(settleAttempt(state, 1, { kind: "retryable", message: "busy" }, T0 + 1_000, 1_000).outcome).toBe(
      "retry_scheduled",
    );
    expect(state.job).toMatchObject({ status: "queued", error_message: "busy", next_attempt_at: at(6_000) });
    expect(state).toMatchObject({ released: false, leaseExpiresAt: null });
    startAttempt(state, T0 + 6_000);
    settleAttempt(state, 2, { kind: "retryable", message: "busy" }, T0 + 7_000, 1_000);
    expect(state.job.next_attempt_at).toBe(at(17_000));
    expect(state.job.logs.at(-1)?.details).toEqual({ attempt: 2, retry_at: at(17_000) });

    const immediate = job({ retryDelaySeconds: 0 });
    startAttempt(immediate, T0);
    settleAttempt(immediate, 1, { kind: "retryable", message: "busy" }, T0 + 5, 5);
    expect(immediate).toMatchObject({ released: true, job: { next_attempt_at: at(5) } });
  });

  it("fails after the last attempt, or at once when the failure is permanent", () => {
    const last = job({ maxAttempts: 1 });
    startAttempt(last, T0);
    expect(settleAttempt(last, 1, { kind: "retryable", message: "busy" }, T0 + 1, 1).outcome).toBe("failed");
    expect(last.job).toMatchObject({ status: "failed", error_message: "busy", finished_at: at(1) });
    expect(messages(last).at(-1)).toBe("Attempt 1 failed (no attempts left): busy");

    const permanent = job();
    startAttempt(permanent, T0);
    expect(settleAttempt(permanent, 1, { kind: "permanent", message: "bad media" }, T0 + 1, 1).outcome).toBe("failed");
    expect(messages(permanent).at(-1)).toBe("Attempt 1 failed (not retryable): bad media");
  });

  it("changes nothing when the job was cancelled or the attempt superseded while the handler ran", () => {
    const cancelled = job();
    startAttempt(cancelled, T0);
    cancelJob(cancelled, T0 + 1);
    const before = structuredClone(cancelled);
    expect(settleAttempt(cancelled, 1, { kind: "completed", result: {} }, T0 + 2, 2)).toEqual({
      outcome: "cancelled",
      changed: false,
    });
    expect(cancelled).toEqual(before);

    const superseded = job();
    startAttempt(superseded, T0);
    interruptAttempt(superseded, T0 + 1);
    startAttempt(superseded, T0 + 2);
    expect(settleAttempt(superseded, 1, { kind: "completed", result: {} }, T0 + 3, 3)).toEqual({
      outcome: "already_finished",
      changed: false,
    });
    expect(superseded.job).toMatchObject({ status: "running", attempts: 2, result: null });
  });
});

describe("interruptAttempt", () => {
  it("requeues an attempt that died with its instance, released to run again at once", () => {
    const state = job();
    startAttempt(state, T0);
    interruptAttempt(state, T0 + 60_000);
    expect(state.job).toMatchObject({ status: "queued", next_attempt_at: at(60_000) });
    expect(state).toMatchObject({ released: true, leaseExpiresAt: null });
    expect(messages(state).at(-1)).toBe(
      "Attempt 1 was interrupted (the job's Durable Object restarted mid-run); it will run again",
    );
  });

  it("fails the job when the final attempt died", () => {
    const state = job({ maxAttempts: 1 });
    startAttempt(state, T0);
    interruptAttempt(state, T0 + 60_000);
    expect(state.job).toMatchObject({ status: "failed", error_message: "Interrupted during the final attempt" });
  });
});

describe("cancelJob and deadLetterJob", () => {
  it("cancels a queued or running job once", () => {
    const queued = job();
    expect(cancelJob(queued, T0 + 1)).toBe(true);
    expect(queued.job).toMatchObject({ status: "cancelled", finished_at: at(1), error_message: null });
    expect(messages(queued).at(-1)).toBe("Cancelled while queued");
    expect(cancelJob(queued, T0 + 2)).toBe(false);
    expect(queued.job.finished_at).toBe(at(1));

    const running = job();
    startAttempt(running, T0);
    expect(cancelJob(running, T0 + 1)).toBe(true);
    expect(running).toMatchObject({ leaseExpiresAt: null, released: false });
    expect(messages(running).at(-1)).toBe("Cancelled while running");
  });

  it("fails a job whose message the queue gave up on", () => {
    const state = job();
    deadLetterJob(state, "message m1 exhausted its delivery attempts", T0 + 1);
    expect(state.job).toMatchObject({
      status: "failed",
      error_message: "Job could not be delivered: message m1 exhausted its delivery attempts",
    });
    expect(messages(state).at(-1)).toBe("Queue delivery failed repeatedly");
  });
});

describe("nextAlarmAt", () => {
  it("is the lease while running, the retry time while waiting, a redispatch check once released, none when done", () => {
    const state = job();
    expect(nextAlarmAt(state, T0, false)).toBe(T0 + REDISPATCH_MS);
    startAttempt(state, T0);
    expect(nextAlarmAt(state, T0 + 1, false)).toBe(T0 + LEASE_MS);
    renewLease(state, T0 + 20_000);
    expect(nextAlarmAt(state, T0 + 20_000, false)).toBe(T0 + 20_000 + LEASE_MS);
    settleAttempt(state, 1, { kind: "retryable", message: "busy" }, T0 + 30_000, 30_000);
    expect(nextAlarmAt(state, T0 + 30_000, false)).toBe(T0 + 35_000);
    cancelJob(state, T0 + 31_000);
    expect(nextAlarmAt(state, T0 + 31_000, false)).toBeNull();
  });

  it("comes early after a failed D1 mirror, even for a finished job", () => {
    const state = job();
    expect(nextAlarmAt(state, T0, true)).toBe(T0 + MIRROR_RETRY_MS);
    cancelJob(state, T0);
    expect(nextAlarmAt(state, T0, true)).toBe(T0 + MIRROR_RETRY_MS);
  });
});
