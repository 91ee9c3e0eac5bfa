import { eq } from "drizzle-orm";
import type { Database } from "../db/client";
import { type JobRow, jobs } from "../db/schema/jobs";
import type { Job } from "./job";

/** Copies the Durable Object's truth into the D1 row used for listing and backpressure counting. */
export async function mirrorJob(db: Database, job: Job): Promise<void> {
  await db
    .update(jobs)
    .set({
      status: job.status,
      progress: job.progress,
      attempts: job.attempts,
      result: job.result,
      errorMessage: job.error_message,
      logs: job.logs,
      startedAt: job.started_at,
      finishedAt: job.finished_at,
      nextAttemptAt: job.next_attempt_at,
      updatedAt: job.updated_at,
    })
    .where(eq(jobs.id, job.id));
}

export function jobFromRow(row: JobRow): Job {
  return {
    id: row.id,
    project_id: row.projectId,
    job_type: row.jobType,
    status: row.status,
    progress: row.progress,
    attempts: row.attempts,
    max_attempts: row.maxAttempts,
    retry_delay_seconds: row.retryDelaySeconds,
    payload: row.payload,
    result: row.result ?? null,
    error_message: row.errorMessage,
    logs: row.logs,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
    started_at: row.startedAt,
    finished_at: row.finishedAt,
    next_attempt_at: row.nextAttemptAt,
  };
}
