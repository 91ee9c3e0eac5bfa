import { z } from "zod";
import { type Env, getSettings } from "../env";
import { Logger } from "../logger";
import { JobClient } from "./job-client";
import { SchedulerClient } from "./scheduler-client";

export const JobMessageSchema = z.object({
  job_id: z.string().min(1),
  project_id: z.string().min(1),
  // The attempts the job had made when it sent the message (absent on its first: none).
  attempts: z.number().int().min(0).optional(),
  // The media instance its last attempt found dead (a retry's message): the run slot avoids it.
  avoid_instance: z.number().int().min(0).optional(),
});
export type JobMessage = z.infer<typeof JobMessageSchema>;

/** The dead-letter queue's name ends like this (wrangler.toml: edge-media-jobs-dlq). */
const DEAD_LETTER_SUFFIX = "-dlq";
// Delivery failures (the scheduler or object call threw) are retried after this long.
const REDELIVERY_DELAY_SECONDS = 5;
// Dead letters failed at once per invocation: each is one short call to a different job object.
const DEAD_LETTER_POOL = 10;

/**
 * The queue handler. A batch's jobs go to the scheduler's per-project queues for a run slot in one call
 * (job-scheduler.ts), and the messages are acked then: no run lives in this invocation, whose wall time the
 * platform limits, and the scheduler's turns, not the order messages arrive in, decide which project runs next.
 * Whether an attempt is due is the job object's to say when its slot is granted, so duplicates, redeliveries and
 * messages for finished jobs cost at most a slot handed straight back.
 */
export async function consumeJobMessages(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  const settings = getSettings(env);
  const logger = new Logger(settings.LOG_LEVEL, { component: "jobs_queue", queue: batch.queue });
  const jobs: Array<{ message: Message<unknown>; body: JobMessage }> = [];
  for (const message of batch.messages) {
    const parsed = JobMessageSchema.safeParse(message.body);
    if (parsed.success) {
      jobs.push({ message, body: parsed.data });
    } else {
      logger.error("job_message_invalid", { message_id: message.id });
      message.ack();
    }
  }
  const failed = (message: Message<unknown>, body: JobMessage, error: unknown) => {
    logger.error("job_delivery_failed", {
      job_id: body.job_id,
      delivery_attempt: message.attempts,
      error: error instanceof Error ? error.message : String(error),
    });
    message.retry({ delaySeconds: REDELIVERY_DELAY_SECONDS });
  };
  if (batch.queue.endsWith(DEAD_LETTER_SUFFIX)) {
    await inPool(jobs, DEAD_LETTER_POOL, async ({ message, body }) => {
      try {
        await new JobClient(env.JOB, body.job_id).deadLetter(`message ${message.id} exhausted its delivery attempts`);
        logger.warn("job_dead_lettered", { job_id: body.job_id, project_id: body.project_id });
        message.ack();
      } catch (error) {
        failed(message, body, error);
      }
    });
    return;
  }
  if (jobs.length === 0) return;
  try {
    const requests = jobs.map(({ body }) => ({
      jobId: body.job_id,
      projectId: body.project_id,
      attempts: body.attempts ?? 0,
      avoidInstance: body.avoid_instance,
    }));
    const added = await new SchedulerClient(env.JOB_SCHEDULER).enqueue(requests);
    logger.debug("jobs_handed_over", { messages: jobs.length, added });
    for (const { message } of jobs) message.ack();
  } catch (error) {
    for (const { message, body } of jobs) failed(message, body, error);
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
