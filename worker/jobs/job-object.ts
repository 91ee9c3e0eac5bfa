import { DurableObject } from "cloudflare:workers";
import { createDb } from "../db/client";
import type { JobStatus } from "../db/schema/jobs";
import { type Env, getSettings } from "../env";
import { newEvent, type ProjectEventInput } from "../events/event-types";
import { ProjectEventsClient } from "../events/project-events-client";
import { Logger } from "../logger";
import { type CancelOutcome, type InitJobInput, isTerminal, type Job, type RunOutcome, type StartOutcome } from "./job";
import { runAttempt } from "./job-attempt";
import { JobEventHub } from "./job-event-hub";
import { jobStatusEvent, readOutcome } from "./job-events";
import { JobMirrorWriter } from "./job-mirror-writer";
import { JobOutbox } from "./job-outbox";
import { type JobState, JobStore } from "./job-store";
import {
  type AttemptResult,
  cancelJob,
  deadLetterJob,
  interruptAttempt,
  nextAlarmAt,
  queuedState,
  renewLease,
  runDecision,
  settleAttempt,
  startAttempt,
} from "./job-transitions";
import type { JobTypeDefinition } from "./job-type";
import { SchedulerClient } from "./scheduler-client";
import { findJobType } from "./types";

const LEASE_RENEW_MS = 20_000;
const PROGRESS_MIRROR_MS = 2_000;
// Set with every change that records events, in the same block: a crash before they are forwarded still wakes us.
const EVENTS_RETRY_MS = 5_000;

/**
 * One per job (named by the job id): owns its state, runs its attempts and streams its events. The rules live in
 * job-transitions.ts; this class stores, publishes, mirrors to D1, forwards its project events (job-outbox.ts)
 * and keeps the alarm.
 */
export class JobObject extends DurableObject<Env> {
  private readonly store: JobStore;
  private readonly hub: JobEventHub;
  private readonly logger: Logger;
  private active: { attempt: number; controller: AbortController; startedAt: number } | null = null;
  private readonly mirror: JobMirrorWriter;
  private readonly outbox: JobOutbox;
  private readonly scheduler: SchedulerClient;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.store = new JobStore(ctx.storage.sql);
    this.hub = new JobEventHub(ctx);
    this.logger = new Logger(getSettings(env).LOG_LEVEL, { component: "job" });
    this.mirror = new JobMirrorWriter(createDb(env.DB), () => this.store.load()?.job ?? null, this.logger);
    this.scheduler = new SchedulerClient(env.JOB_SCHEDULER);
    this.outbox = new JobOutbox(ctx.storage.sql, (events) => this.forwardEvents(events), this.logger);
    // Answered by the runtime without waking the object, so a client's keep-alive costs nothing.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair("ping", "pong"));
  }

  /** The definition that runs jobs of this type (worker/jobs/types); undefined fails the job permanently. */
  protected jobType(name: string): JobTypeDefinition | undefined {
    return findJobType(name);
  }

  /** Hands events to the project's log (the tests' Worker overrides this to simulate a crash before it). */
  protected async forwardEvents(events: ProjectEventInput[]): Promise<void> {
    const projectId = this.store.load()?.job.project_id;
    if (projectId) await new ProjectEventsClient(this.env.PROJECT_EVENTS, projectId).append(events);
  }

  /** Creates the job (status queued). Idempotent: a second call returns the existing job unchanged. */
  async init(input: InitJobInput): Promise<Job> {
    const existing = this.store.load();
    if (existing) return existing.job;
    const state = queuedState(input, Date.now());
    this.commit(state, null);
    await this.syncAlarm(state);
    return state.job;
  }

  async get(): Promise<Job | null> {
    return this.store.load()?.job ?? null;
  }

  /**
   * The scheduler granted this job a run slot: starts the next attempt unless none is due, with its media calls
   * going to `instance` (the least busy one). The attempt goes on in this object after the answer, kept alive and
   * recovered by its lease and alarm, so no caller's invocation (nor its platform time limit) spans it.
   */
  async start(instance: number): Promise<StartOutcome> {
    const state = this.store.load();
    if (!state) return { started: false, outcome: "not_found" };
    const decision = runDecision(state, this.active !== null);
    // The slot already belongs to this run (a repeated grant after the scheduler restarted).
    if (decision === "already_running") return { started: true, attempt: state.job.attempts };
    if (decision !== "start" && decision !== "interrupted") return { started: false, outcome: decision };
    if (decision === "interrupted") {
      this.transition(state, () => interruptAttempt(state, Date.now()));
      if (isTerminal(state.job.status)) {
        await this.afterStatusChange(state);
        return { started: false, outcome: "failed" };
      }
    }
    return { started: true, attempt: this.attempt(state, instance) };
  }

  /** Whether this instance is running an attempt right now (the scheduler's check of a slot). */
  async isRunning(): Promise<boolean> {
    return this.active !== null;
  }

  async cancel(): Promise<CancelOutcome> {
    const state = this.store.load();
    if (!state) return { outcome: "not_found" };
    const previous = state.job.status;
    if (!cancelJob(state, Date.now())) return { outcome: "finished", job: state.job };
    this.commit(state, previous);
    this.active?.controller.abort(new Error("Job cancelled"));
    await this.afterStatusChange(state);
    return { outcome: "cancelled", job: state.job };
  }

  /** The queue gave up delivering this job's message: fail it rather than leave it queued forever. */
  async deadLetter(reason: string): Promise<Job | null> {
    const state = this.store.load();
    if (!state || isTerminal(state.job.status) || this.active) return state?.job ?? null;
    this.transition(state, () => deadLetterJob(state, reason, Date.now()));
    await this.afterStatusChange(state);
    return state.job;
  }

  /** Removes everything, for a creation that could not complete. */
  async discard(): Promise<void> {
    this.active?.controller.abort(new Error("Job discarded"));
    this.hub.closeAll();
    await this.ctx.storage.deleteAlarm();
    await this.ctx.storage.deleteAll();
    this.store.createTables();
    this.outbox.createTables();
  }

  /** SSE (GET) or WebSocket upgrade; the route has already checked access and that the job exists. */
  override async fetch(request: Request): Promise<Response> {
    const state = this.store.load();
    const events = this.store.eventsToSend(request.headers.get("Last-Event-ID"));
    if (!state || !events) return new Response("job not found", { status: 404 });
    const terminal = isTerminal(state.job.status);
    if (request.headers.get("Upgrade")?.toLowerCase() === "websocket") return this.hub.openWebSocket(events, terminal);
    return this.hub.openSse(events, terminal);
  }

  override async webSocketMessage(): Promise<void> {
    // Subscribers only listen; "ping" never gets here (the auto-response set in the constructor answers it).
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
    await this.outbox.flush();
    const state = this.store.load();
    if (!state) return;
    if (state.job.status === "queued") {
      await this.dispatch(state);
    } else if (state.job.status === "running" && this.active) {
      await this.renewLease();
    } else if (state.job.status === "running") {
      this.transition(state, () => interruptAttempt(state, Date.now()));
      await this.afterStatusChange(state);
      // Requeued (unless that was the last attempt).
      if (!isTerminal(state.job.status)) await this.dispatch(state);
    } else {
      await this.syncAlarm(state);
    }
  }

  /** Starts attempt N synchronously (so nothing else can start one) and runs it in the background. */
  private attempt(state: JobState, instance: number): number {
    const startedAt = Date.now();
    const attempt = startAttempt(state, startedAt, instance);
    const controller = new AbortController();
    this.active = { attempt, controller, startedAt };
    this.commit(state, "queued");
    void this.drive(state, { attempt, instance }, controller, startedAt);
    return attempt;
  }

  private async drive(
    state: JobState,
    { attempt, instance }: { attempt: number; instance: number },
    controller: AbortController,
    startedAt: number,
  ) {
    const renewal = setInterval(() => void this.renewLease(), LEASE_RENEW_MS);
    let result: AttemptResult;
    try {
      await this.afterStatusChange(state);
      result = await runAttempt({
        job: structuredClone(state.job),
        type: this.jobType(state.job.job_type),
        attempt,
        instance,
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
    // Before settling: a retry's dispatch must find the slot given back. If the scheduler cannot be reached, its
    // alarm takes the slot back once it sees that nothing runs here.
    await this.scheduler.release(state.job.id, attempt).catch((error: unknown) => {
      this.logger.warn("job_slot_release_failed", { job_id: state.job.id, error: String(error) });
    });
    try {
      await this.settle(attempt, startedAt, result);
    } catch (error) {
      // The alarm retries what failed here (the mirror, the outbox, a dispatch).
      this.logger.error("job_settle_failed", { job_id: state.job.id, error: String(error) });
    }
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
    const db = createDb(this.env.DB);
    const job = this.store.load()?.job;
    const pending = await readOutcome((type) => this.jobType(type), job, attempt, result, { db, logger: this.logger });
    const state = this.store.load();
    // Discarded while the handler ran.
    if (!state) return "already_finished";
    const now = Date.now();
    const { outcome, changed } = settleAttempt(state, attempt, result, now, now - startedAt);
    if (!changed) return outcome;
    const announced = pending?.status === state.job.status ? newEvent(pending.type, pending.data, new Date(now)) : null;
    this.commit(state, "running", now - startedAt, announced);
    await this.afterStatusChange(state);
    if (outcome === "retry_scheduled" && state.released) await this.dispatch(state);
    return outcome;
  }

  /** Applies a synchronous state change and commits it. */
  private transition(state: JobState, change: () => void): void {
    const previous = state.job.status;
    change();
    this.commit(state, previous);
  }

  /**
   * Saves, publishes, records the change's project events in the outbox, and logs one structured line when the
   * status changed. Synchronous, so the state and its events commit together.
   */
  private commit(
    state: JobState,
    previous: JobStatus | null,
    attemptMs?: number,
    announced?: ProjectEventInput | null,
  ): void {
    const event = this.store.commit(state);
    const { job } = state;
    this.hub.publish(event, isTerminal(job.status));
    this.mirror.markDirty();
    if (previous === job.status) return;
    const statusEvent = jobStatusEvent(previous, job, Date.parse(job.updated_at));
    for (const recorded of [statusEvent, announced]) if (recorded) this.outbox.add(recorded);
    if (statusEvent) void this.ctx.storage.setAlarm(Date.now() + EVENTS_RETRY_MS);
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
    await Promise.all([this.outbox.flush(), this.mirror.flush()]);
    await this.syncAlarm(state);
  }

  private async dispatch(state: JobState): Promise<void> {
    state.released = true;
    this.store.saveQuietly(state);
    await this.env.JOBS_QUEUE.send({
      job_id: state.job.id,
      project_id: state.job.project_id,
      attempts: state.job.attempts,
      ...(state.avoidInstance == null ? {} : { avoid_instance: state.avoidInstance }),
    });
    await this.syncAlarm(state);
  }

  private async renewLease(): Promise<void> {
    const state = this.store.load();
    if (!this.active || !state || state.job.status !== "running") return;
    renewLease(state, Date.now());
    this.store.saveQuietly(state);
    await this.outbox.flush();
    await this.syncAlarm(state);
    if (this.mirror.pending) await this.mirror.flush();
  }

  private async syncAlarm(state: JobState): Promise<void> {
    const at = nextAlarmAt(state, Date.now(), this.mirror.failed, this.outbox.pending);
    if (at === null) await this.ctx.storage.deleteAlarm();
    else await this.ctx.storage.setAlarm(at);
  }
}
