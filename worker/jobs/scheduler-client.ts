import type { Env } from "../env";
import type { EnqueueRequest } from "./slot-book";

// One scheduler for the whole deployment: fairness and the concurrency limit need one place that sees every job.
export const SCHEDULER_NAME = "jobs";

/**
 * The job scheduler (job-scheduler.ts) seen from job objects, tests and benches: the one place that gets its
 * Durable Object handle. Typed through the binding's declared class, so this module imports nothing from the
 * scheduler (whose grants call job objects, which call this).
 */
export class SchedulerClient {
  private readonly stub: ReturnType<Env["JOB_SCHEDULER"]["get"]>;

  constructor(namespace: Env["JOB_SCHEDULER"]) {
    this.stub = namespace.get(namespace.idFromName(SCHEDULER_NAME));
  }

  /** The jobs may run now: each waits in its project's FIFO for a slot. Answers how many were new. */
  enqueue(requests: EnqueueRequest[]) {
    return this.stub.enqueue(requests);
  }

  /** The job's attempt ended. */
  release(jobId: string, attempt: number) {
    return this.stub.release(jobId, attempt);
  }

  /** The limit, slots held, jobs waiting and the peak. */
  snapshot() {
    return this.stub.snapshot();
  }
}
