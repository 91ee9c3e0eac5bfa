import type { JsonObject } from "../db/schema/columns";
import type { JobLogEntry, JobLogLevel, JobStatus } from "../db/schema/jobs";

export type { JobLogEntry };

/** A job as clients see it, with the original service's field names. The job's Durable Object holds the truth. */
export interface Job {
  id: string;
  project_id: string;
  job_type: string;
  status: JobStatus;
  progress: number;
  attempts: number;
  max_attempts: number;
  retry_delay_seconds: number;
  payload: JsonObject;
  result: JsonObject | null;
  error_message: string | null;
  logs: JobLogEntry[];
  created_at: string;
  updated_at: string;
  started_at: string | null;
  finished_at: string | null;
  next_attempt_at: string | null;
}

/** Bounds for a job's retry settings, shared by the API schema and createJob. */
export const JOB_LIMITS = {
  maxAttempts: { min: 1, max: 20 },
  retryDelaySeconds: { min: 0, max: 3600 },
  /** Older lines are dropped so a chatty handler cannot grow the job without bound. */
  maxLogEntries: 500,
} as const;

const TERMINAL: ReadonlySet<JobStatus> = new Set(["completed", "failed", "cancelled"]);

export function isTerminal(status: JobStatus): boolean {
  return TERMINAL.has(status);
}

// One hour: beyond that a retry is better left to the client.
const MAX_BACKOFF_MS = 60 * 60 * 1000;

/** Exponential backoff: retry_delay_seconds after the first failure, doubling with every further one. */
export function backoffMs(retryDelaySeconds: number, failedAttempt: number): number {
  return Math.min(retryDelaySeconds * 1000 * 2 ** Math.max(0, failedAttempt - 1), MAX_BACKOFF_MS);
}

export function appendLog(
  job: Job,
  level: JobLogLevel,
  message: string,
  details: JsonObject | null = null,
  now = new Date(),
): void {
  job.logs.push({ timestamp: now.toISOString(), level, message, details });
  if (job.logs.length > JOB_LIMITS.maxLogEntries) job.logs.splice(0, job.logs.length - JOB_LIMITS.maxLogEntries);
}

export interface InitJobInput {
  id: string;
  projectId: string;
  jobType: string;
  payload: JsonObject;
  maxAttempts: number;
  retryDelaySeconds: number;
  assetId: string | null;
  createdAt: string;
}

/**
 * What a run request did; the queue consumer acks every outcome (none needs redelivery). `accepted`: the job
 * waits in the scheduler (job-scheduler.ts) for a run slot.
 */
export type RunOutcome =
  | "completed"
  | "failed"
  | "retry_scheduled"
  | "cancelled"
  | "already_running"
  | "already_finished"
  | "not_due"
  | "not_found";

/** What the scheduler's grant of a run slot did: started (or found running) an attempt, or nothing to run. */
export type StartOutcome = { started: true; attempt: number } | { started: false; outcome: RunOutcome };

export type CancelOutcome =
  | { outcome: "cancelled"; job: Job }
  | { outcome: "finished"; job: Job }
  | { outcome: "not_found" };

/** A freshly created job, queued. */
export function newJob(input: InitJobInput): Job {
  return {
    id: input.id,
    project_id: input.projectId,
    job_type: input.jobType,
    status: "queued",
    progress: 0,
    attempts: 0,
    max_attempts: input.maxAttempts,
    retry_delay_seconds: input.retryDelaySeconds,
    payload: input.payload,
    result: null,
    error_message: null,
    logs: [],
    created_at: input.createdAt,
    updated_at: input.createdAt,
    started_at: null,
    finished_at: null,
    next_attempt_at: null,
  };
}
