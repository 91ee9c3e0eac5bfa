import { z } from "zod";
import { type Env, getSettings } from "../env";
import { Logger } from "../logger";
import type { RunOutcome } from "./job";
import { JobClient } from "./job-client";

export const JobMessageSchema = z.object({ job_id: z.string().min(1), project_id: z.string().min(1) });
export type JobMessage = z.infer<typeof JobMessageSchema>;

/** The dead-letter queue's name ends like this (wrangler.toml: edge-media-jobs-dlq). */
const DEAD_LETTER_SUFFIX = "-dlq";
// Delivery failures (the Durable Object call threw) are retried after this long.
const REDELIVERY_DELAY_SECONDS = 5;
// While waiting for a run, the consumer checks this often that the object still runs it.
const LIVENESS_POLL_MS = 5_000;

/**
 * The queue handler. Each message asks a job's Durable Object to run its next attempt and waits for it,
 * at most WORKER_CONCURRENCY at a time; with max_concurrency = 1 that bounds concurrent job runs.
 * The object decides whether a run is due, so duplicates and redeliveries are harmless and always acked.
 */
export async function consumeJobMessages(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  const settings = getSettings(env);
  const logger = new Logger(settings.LOG_LEVEL, { component: "jobs_queue", queue: batch.queue });
  const deadLetters = batch.queue.endsWith(DEAD_LETTER_SUFFIX);
  await inPool(batch.messages, settings.WORKER_CONCURRENCY, async (message) => {
    const parsed = JobMessageSchema.safeParse(message.body);
    if (!parsed.success) {
      logger.error("job_message_invalid", { message_id: message.id });
      message.ack();
      return;
    }
    const job = new JobClient(env.JOB, parsed.data.job_id);
    try {
      if (deadLetters) {
        await job.deadLetter(`message ${message.id} exhausted its delivery attempts`);
        logger.warn("job_dead_lettered", { job_id: parsed.data.job_id, project_id: parsed.data.project_id });
      } else {
        const outcome = await runWhileAlive(job);
        logger.debug("job_run", { job_id: parsed.data.job_id, outcome, delivery_attempt: message.attempts });
      }
      message.ack();
    } catch (error) {
      logger.error("job_delivery_failed", {
        job_id: parsed.data.job_id,
        delivery_attempt: message.attempts,
        error: error instanceof Error ? error.message : String(error),
      });
      message.retry({ delaySeconds: REDELIVERY_DELAY_SECONDS });
    }
  });
}

/**
 * Waits for the object's run, but stops waiting once the object no longer runs the job in memory (its instance
 * was reset mid-run): the lease alarm takes over recovery, and the consumer's slot must not stay blocked.
 */
async function runWhileAlive(job: JobClient): Promise<RunOutcome | "lost"> {
  const run = job.run();
  run.catch(() => {}); // observed below; this only silences a rejection after "lost"
  for (;;) {
    const winner = await Promise.race([
      run,
      new Promise<null>((resolve) => setTimeout(resolve, LIVENESS_POLL_MS, null)),
    ]);
    if (winner !== null) return winner;
    if (!(await job.isRunning())) return "lost";
  }
}

async function inPool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(size, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  });
  await Promise.all(lanes);
}
