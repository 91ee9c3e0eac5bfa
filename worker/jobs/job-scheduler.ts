import { DurableObject } from "cloudflare:workers";
import { type Env, getSettings } from "../env";
import { Logger } from "../logger";
import { JobClient } from "./job-client";
import { type EnqueueRequest, type SchedulerSnapshot, SlotBook } from "./slot-book";

// A slot whose job has not been confirmed running for this long is checked with its object; one whose object no
// longer runs it (its instance died) is taken back and the job queued again, so no slot stays held by a dead run.
export const SLOT_CHECK_MS = 30_000;

/**
 * The one scheduler of job runs (a single instance, see scheduler-client.ts): holds each project's FIFO of jobs
 * ready to run and hands out at most JOB_CONCURRENCY run slots, round-robin across projects. A grant asks the job's
 * object to start its attempt (which then runs in that object, not in this call); the object gives the slot back
 * when the attempt ends, and this object's alarm takes back slots of runs that died.
 */
export class JobScheduler extends DurableObject<Env> {
  private readonly book: SlotBook;
  private readonly logger: Logger;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.book = new SlotBook(ctx.storage.sql);
    this.logger = new Logger(getSettings(env).LOG_LEVEL, { component: "job_scheduler" });
  }

  /** The most runs at once (the tests' Worker overrides it to test with a small limit). */
  protected slotLimit(): number {
    return getSettings(this.env).JOB_CONCURRENCY;
  }

  /** The media service instances runs are spread over. */
  private instances(): number {
    return getSettings(this.env).MEDIA_CONTAINER_INSTANCES;
  }

  /**
   * Jobs that may run now wait for a slot, in the order given; idempotent (a job that already waits or runs is
   * skipped). Takes a whole batch in one call: each call commits once, and one object's commits are serial.
   */
  async enqueue(requests: EnqueueRequest[]): Promise<number> {
    const now = Date.now();
    let added = 0;
    let suspect = false;
    for (const { jobId, projectId, attempts, avoidInstance } of requests) {
      const held = this.book.slot(jobId);
      if (this.book.enqueue(jobId, projectId, attempts, now, avoidInstance)) {
        added += 1;
      } else if (held?.attempt != null) {
        // A message for a job whose run holds a slot: a duplicate, or a redelivery because that run's object was
        // reset. The alarm asks its object now rather than at the slot's next check.
        this.book.checked(jobId, 0);
        suspect = true;
      }
    }
    this.fill();
    if (suspect) await this.ctx.storage.setAlarm(now);
    else await this.syncAlarm();
    return added;
  }

  /** The job's attempt ended: its slot goes to the next job. */
  async release(jobId: string, attempt: number): Promise<boolean> {
    const released = this.book.release(jobId, attempt);
    this.fill();
    await this.syncAlarm();
    return released;
  }

  async snapshot(): Promise<SchedulerSnapshot> {
    return { limit: this.slotLimit(), ...this.book.counts(), holders: this.book.heldBy() };
  }

  override async alarm(): Promise<void> {
    const now = Date.now();
    const checks = this.book.unchecked(now - SLOT_CHECK_MS).map(async (slot) => {
      let running: boolean;
      try {
        running = await new JobClient(this.env.JOB, slot.job_id).isRunning();
      } catch (error) {
        // Unknown: keep the slot (never risk a run above the limit) and ask again next time.
        this.logger.warn("job_slot_check_failed", { job_id: slot.job_id, error: String(error) });
        return;
      }
      const current = this.book.slot(slot.job_id);
      if (!current) return;
      // A grant whose start call has not answered yet is not a dead run, unless it never answered at all.
      const starting = current.attempt === null && Date.now() - current.granted_at < 2 * SLOT_CHECK_MS;
      if (running || starting) {
        this.book.checked(slot.job_id, Date.now());
        return;
      }
      if (!this.book.release(slot.job_id, current.attempt)) return;
      this.logger.warn("job_slot_reclaimed", { job_id: slot.job_id, project_id: slot.project_id });
      // Its object decides on the next grant: recover an interrupted attempt, or nothing when it has finished.
      this.book.enqueue(slot.job_id, slot.project_id, Number.MAX_SAFE_INTEGER, Date.now());
    });
    await Promise.all(checks);
    this.fill();
    await this.syncAlarm(true);
  }

  /** Grants every free slot; synchronous up to the start calls, so no slot is granted twice. */
  private fill(): void {
    for (;;) {
      const slot = this.book.take(this.slotLimit(), Date.now(), this.instances());
      if (!slot) return;
      void this.start(slot.job_id, slot.project_id, slot.instance);
    }
  }

  private async start(jobId: string, projectId: string, instance: number): Promise<void> {
    try {
      const outcome = await new JobClient(this.env.JOB, jobId).start(instance);
      if (outcome.started) {
        this.book.started(jobId, outcome.attempt);
        return;
      }
      this.book.release(jobId, null);
      this.logger.debug("job_slot_unused", { job_id: jobId, project_id: projectId, outcome: outcome.outcome });
      this.fill();
    } catch (error) {
      // The attempt may or may not have started: the slot stays until the alarm's check says which.
      this.logger.error("job_start_failed", { job_id: jobId, project_id: projectId, error: String(error) });
    }
    await this.syncAlarm();
  }

  /** An alarm while slots are held or jobs wait (a woken instance checks slots and grants again). */
  private async syncAlarm(fired = false): Promise<void> {
    const { running, ready } = this.book.counts();
    if (running === 0 && ready === 0) {
      await this.ctx.storage.deleteAlarm();
      return;
    }
    if (fired || (await this.ctx.storage.getAlarm()) === null) {
      await this.ctx.storage.setAlarm(Date.now() + SLOT_CHECK_MS);
    }
  }
}
