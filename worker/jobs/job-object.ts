import { DurableObject } from "cloudflare:workers";
import { createDb } from "../db/client";
import type { JobStatus } from "../db/schema/jobs";
import { type Env, getSettings } from "../env";
import { Logger } from "../logger";
import {
  appendLog,
  backoffMs,
  type CancelOutcome,
  type InitJobInput,
  isTerminal,
  type Job,
  newJob,
  type RunOutcome,
} from "./job";
import { type AttemptResult, runAttempt } from "./job-attempt";
import { JobEventHub } from "./job-event-hub";
import { JobMirrorWriter } from "./job-mirror-writer";
import { type JobState, JobStore } from "./job-store";

// A running attempt renews its lease every LEASE_RENEW_MS; if the object dies, the alarm at the
// lease's expiry wakes it and the attempt counts as interrupted.
const LEASE_MS = 60_000;
const LEASE_RENEW_MS = 20_000;
// A queued job whose message got lost (or dead-lettered) is dispatched again after this long.
const REDISPATCH_MS = 15 * 60_000;
const MIRROR_RETRY_MS = 5_000;
const PROGRESS_MIRROR_MS = 2_000;

export type { CancelOutcome, InitJobInput, RunOutcome };

/** One per job (named by the job id): owns its state, runs its attempts and streams its events. */
export class JobObject extends DurableObject<Env> {
  private readonly store: JobStore;
  private readonly hub: JobEventHub;
  private readonly logger: Logger;
  private active: { attempt: number; controller: AbortController; startedAt: number } | null = null;
  private readonly mirror: JobMirrorWriter;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.store = new JobStore(ctx.storage.sql);
    this.hub = new JobEventHub(ctx);
    this.logger = new Logger(getSettings(env).LOG_LEVEL, { component: "job" });
    this.mirror = new JobMirrorWriter(createDb(env.DB), () => this.store.load()?.job ?? null, this.logger);
  }

  /** Creates the job (status queued). Idempotent: a second call returns the existing job unchanged. */
  async init(input: InitJobInput): Promise<Job> {
    const existing = this.store.load();
    if (existing) return existing.job;
    const job = newJob(input);
    appendLog(job, "info", "Job queued", {
      max_attempts: job.max_attempts,
      retry_delay_seconds: job.retry_delay_seconds,
    });
    const state: JobState = { job, assetId: input.assetId, leaseExpiresAt: null, released: true };
    this.commit(state, null);
    await this.syncAlarm(state);
    return job;
  }

  async get(): Promise<Job | null> {
    return this.store.load()?.job ?? null;
  }

  /** Runs the next attempt now unless the job is finished, already running or waiting for its retry time. */
  async run(): Promise<RunOutcome> {
    // Everything up to the attempt's first commit is synchronous, so two calls can never both start one.
    let state = this.store.load();
    if (!state) return "not_found";
    if (isTerminal(state.job.status)) return "already_finished";
    if (this.active) return "already_running";
    if (state.job.status === "running") {
      // Running in storage but not in this instance: the attempt died with a previous instance.
      state = this.interrupt(state);
      if (isTerminal(state.job.status)) {
        await this.afterStatusChange(state);
        return "failed";
      }
    } else if (!state.released) {
      return "not_due";
    }
    return this.attempt(state);
  }

  /** Whether this instance is running an attempt right now (the queue consumer's liveness check). */
  async isRunning(): Promise<boolean> {
    return this.active !== null;
  }

  async cancel(): Promise<CancelOutcome> {
    const state = this.store.load();
    if (!state) return { outcome: "not_found" };
    if (isTerminal(state.job.status)) return { outcome: "finished", job: state.job };
    const previous = state.job.status;
    this.finish(state, "cancelled", null, `Cancelled while ${previous}`, "warning");
    this.active?.controller.abort(new Error("Job cancelled"));
    await this.afterStatusChange(state);
    return { outcome: "cancelled", job: state.job };
  }

  /** The queue gave up delivering this job's message: fail it rather than leave it queued forever. */
  async deadLetter(reason: string): Promise<Job | null> {
    const state = this.store.load();
    if (!state || isTerminal(state.job.status) || this.active) return state?.job ?? null;
    this.finish(state, "failed", `Job could not be delivered: ${reason}`, "Queue delivery failed repeatedly", "error");
    await this.afterStatusChange(state);
    return state.job;
  }

  /** Removes everything, for a creation that could not complete. */
  async discard(): Promise<void> {
    this.active?.controller.abort(new Error("Job discarded"));
    this.hub.closeAll();
    await this.ctx.storage.deleteAlarm();
    await this.ctx.storage.deleteAll();
  }

  /** SSE (GET) or WebSocket upgrade; the route has already checked access and that the job exists. */
  override async fetch(request: Request): Promise<Response> {
    const state = this.store.load();
    const latest = this.store.latestEvent();
    if (!state || !latest) return new Response("job not found", { status: 404 });
    const terminal = isTerminal(state.job.status);
    // A reconnecting subscriber gets what it missed. Ids the log cannot answer (pruned, or newer than any
    // event: another job's or a stale client's) get the current job.
    const lastEventId = Number.parseInt(request.headers.get("Last-Event-ID") ?? "", 10);
    const known = Number.isSafeInteger(lastEventId) && lastEventId >= 0 && lastEventId <= latest.seq;
    const missed = known ? this.store.eventsAfter(lastEventId) : null;
    const events = missed ?? [latest];
    if (request.headers.get("Upgrade")?.toLowerCase() === "websocket") return this.hub.openWebSocket(events, terminal);
    return this.hub.openSse(events, terminal);
  }

  override async webSocketMessage(): Promise<void> {
    // Subscribers only listen; "ping" is answered by the auto-response without waking the object.
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    try {
      ws.close(code, reason);
    } catch {
      // Already closed.
    }
  }

  override async alarm(): Promise<void> {
    if (this.mirror.failed) await this.mirror.flush();
    const state = this.store.load();
    if (!state) return;
    if (state.job.status === "queued") {
      await this.dispatch(state);
    } else if (state.job.status === "running") {
      if (this.active) {
        await this.renewLease();
      } else {
        const next = this.interrupt(state);
        await this.afterStatusChange(next);
        if (next.job.status === "queued") await this.dispatch(next);
      }
    } else {
      await this.syncAlarm(state);
    }
  }

  private async attempt(state: JobState): Promise<RunOutcome> {
    const now = Date.now();
    const job = state.job;
    const attempt = job.attempts + 1;
    const controller = new AbortController();
    this.active = { attempt, controller, startedAt: now };
    job.attempts = attempt;
    job.status = "running";
    job.started_at ??= new Date(now).toISOString();
    job.next_attempt_at = null;
    job.updated_at = new Date(now).toISOString();
    appendLog(job, "info", `Attempt ${attempt}/${job.max_attempts} started`);
    state.released = false;
    state.leaseExpiresAt = now + LEASE_MS;
    this.commit(state, "queued");
    const renewal = setInterval(() => void this.renewLease(), LEASE_RENEW_MS);
    let result: AttemptResult;
    try {
      await this.afterStatusChange(state);
      result = await runAttempt({
        job: structuredClone(job),
        attempt,
        controller,
        env: this.env,
        logger: this.logger,
        // Cancelling aborts the controller, so no storage read is needed on every progress call.
        isCurrent: () => this.active?.controller === controller && !controller.signal.aborted,
        update: (change) => this.updateRunning(change),
      });
    } catch (error) {
      result = { kind: "retryable", message: error instanceof Error ? error.message : String(error) };
    } finally {
      clearInterval(renewal);
      if (this.active?.controller === controller) this.active = null;
    }
    return this.settle(attempt, now, result);
  }

  /** Applies a handler's progress or log line to the running job and publishes it. */
  private updateRunning(change: (job: Job) => void): void {
    const state = this.store.load();
    if (state?.job.status !== "running") return;
    change(state.job);
    state.job.updated_at = new Date().toISOString();
    this.commit(state, "running");
    if (Date.now() - this.mirror.lastWriteAt >= PROGRESS_MIRROR_MS) void this.mirror.flush();
  }

  private async settle(attempt: number, startedAt: number, result: AttemptResult): Promise<RunOutcome> {
    const state = this.store.load();
    if (state?.job.status !== "running" || state.job.attempts !== attempt) {
      // Cancelled (or superseded) while the handler ran: whatever it returned is discarded.
      return state?.job.status === "cancelled" ? "cancelled" : "already_finished";
    }
    const job = state.job;
    const took = Date.now() - startedAt;
    let outcome: RunOutcome;
    if (result.kind === "completed") {
      job.result = result.result;
      job.progress = 100;
      this.finish(state, "completed", null, `Attempt ${attempt} completed in ${took} ms`, "info");
      outcome = "completed";
    } else if (result.kind === "retryable" && attempt < job.max_attempts) {
      const delay = backoffMs(job.retry_delay_seconds, attempt);
      job.status = "queued";
      job.error_message = result.message;
      job.next_attempt_at = new Date(Date.now() + delay).toISOString();
      job.updated_at = new Date().toISOString();
      state.released = delay <= 0;
      state.leaseExpiresAt = null;
      appendLog(job, "warning", `Attempt ${attempt} failed: ${result.message}; retrying in ${delay / 1000} s`, {
        attempt,
        retry_at: job.next_attempt_at,
      });
      this.commit(state, "running", took);
      outcome = "retry_scheduled";
    } else {
      const why = result.kind === "retryable" ? "no attempts left" : "not retryable";
      this.finish(state, "failed", result.message, `Attempt ${attempt} failed (${why}): ${result.message}`, "error");
      outcome = "failed";
    }
    await this.afterStatusChange(state);
    if (outcome === "retry_scheduled" && state.released) await this.dispatch(state);
    return outcome;
  }

  /** Records that the stored running attempt died with its instance; requeues or fails the job (synchronous). */
  private interrupt(state: JobState): JobState {
    const job = state.job;
    const message = `Attempt ${job.attempts} was interrupted (the job's Durable Object restarted mid-run)`;
    if (job.attempts < job.max_attempts) {
      job.status = "queued";
      job.next_attempt_at = new Date().toISOString();
      job.updated_at = job.next_attempt_at;
      state.released = true;
      state.leaseExpiresAt = null;
      appendLog(job, "warning", `${message}; it will run again`);
      this.commit(state, "running");
    } else {
      this.finish(state, "failed", "Interrupted during the final attempt", message, "error");
    }
    return state;
  }

  private finish(
    state: JobState,
    status: JobStatus,
    error: string | null,
    message: string,
    level: "info" | "warning" | "error",
  ) {
    const previous = state.job.status;
    const now = new Date().toISOString();
    Object.assign(state.job, {
      status,
      error_message: error,
      finished_at: now,
      updated_at: now,
      next_attempt_at: null,
    });
    state.leaseExpiresAt = null;
    state.released = false;
    appendLog(state.job, level, message);
    this.commit(state, previous);
  }

  /** Saves, publishes, and logs one structured line when the status changed. Synchronous. */
  private commit(state: JobState, previous: JobStatus | null, attemptMs?: number): void {
    const event = this.store.commit(state);
    const { job } = state;
    this.hub.publish(event, isTerminal(job.status));
    this.mirror.markDirty();
    if (previous === job.status) return;
    this.logger.info("job_state", {
      job_id: job.id,
      project_id: job.project_id,
      job_type: job.job_type,
      status: job.status,
      previous_status: previous,
      attempt: job.attempts,
      duration_ms:
        attemptMs ?? (this.active ? Date.now() - this.active.startedAt : Date.now() - Date.parse(job.created_at)),
    });
  }

  private async afterStatusChange(state: JobState): Promise<void> {
    await this.mirror.flush();
    await this.syncAlarm(state);
  }

  private async dispatch(state: JobState): Promise<void> {
    state.released = true;
    this.store.saveQuietly(state);
    await this.env.JOBS_QUEUE.send({ job_id: state.job.id, project_id: state.job.project_id });
    await this.syncAlarm(state);
  }

  private async renewLease(): Promise<void> {
    const state = this.store.load();
    if (!this.active || !state || state.job.status !== "running") return;
    state.leaseExpiresAt = Date.now() + LEASE_MS;
    this.store.saveQuietly(state);
    await this.syncAlarm(state);
    if (this.mirror.pending) await this.mirror.flush();
  }

  /** One alarm per object: lease expiry, retry time or redispatch check, pulled earlier by a failed mirror. */
  private async syncAlarm(state: JobState): Promise<void> {
    const { job } = state;
    let at: number | null = null;
    if (job.status === "running") at = state.leaseExpiresAt;
    else if (job.status === "queued")
      at = state.released || !job.next_attempt_at ? Date.now() + REDISPATCH_MS : Date.parse(job.next_attempt_at);
    if (this.mirror.failed) at = Math.min(at ?? Number.POSITIVE_INFINITY, Date.now() + MIRROR_RETRY_MS);
    if (at === null) await this.ctx.storage.deleteAlarm();
    else await this.ctx.storage.setAlarm(at);
  }
}
