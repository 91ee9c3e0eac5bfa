import { z } from "zod";
import { type Env, getSettings } from "../env";
import { Logger } from "../logger";
import { JobClient } from "./job-client";

export const JobMessageSchema = z.object({ job_id: z.string().min(1), project_id: z.string().min(1) });
export type JobMessage = z.infer<typeof JobMessageSchema>;

/** The dead-letter queue's name ends like this (wrangler.toml: edge-media-jobs-dlq). */
const DEAD_LETTER_SUFFIX = "-dlq";
// Delivery failures (the Durable Object call threw) are retried after this long.
const REDELIVERY_DELAY_SECONDS = 5;
// Hand-overs at once per invocation: each is two short Durable Object calls.
const HANDOVER_POOL = 10;

/**
 * The queue handler. Each message hands a job to its Durable Object, which puts it in the scheduler's queue for a
 * run slot (job-scheduler.ts), and is acked then: no run lives in this invocation, whose wall time the platform
 * limits. The object decides whether a run is due, so duplicates and redeliveries are harmless and always acked.
 */
export async function consumeJobMessages(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  const settings = getSettings(env);
  const logger = new Logger(settings.LOG_LEVEL, { component: "jobs_queue", queue: batch.queue });
  const deadLetters = batch.queue.endsWith(DEAD_LETTER_SUFFIX);
  await inPool(batch.messages, HANDOVER_POOL, async (message) => {
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
        const outcome = await job.run();
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
