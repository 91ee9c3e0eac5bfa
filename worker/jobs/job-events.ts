import type { Database } from "../db/client";
import type { JsonObject } from "../db/schema/columns";
import type { JobStatus } from "../db/schema/jobs";
import { asEventData, newEvent, type ProjectEventInput, type ProjectEventType } from "../events/event-types";
import type { Logger } from "../logger";
import type { Job } from "./job";
import type { JobOutcomeEvent, JobTypeDefinition } from "./job-type";

const STATUS_EVENTS: Partial<Record<JobStatus, ProjectEventType>> = {
  running: "job.started",
  completed: "job.completed",
  failed: "job.failed",
  cancelled: "job.cancelled",
};

// Events carry the job as GET returns it, but only its latest log lines: a chatty job's full log (up to 500
// lines, transcript segments included) would make every webhook large. GET the job for the rest.
const EVENT_LOG_LINES = 10;

/** The job.* event a status change produces (every attempt that starts is a job.started), or null. */
export function jobStatusEvent(previous: JobStatus | null, job: Job, at: number): ProjectEventInput | null {
  const type = previous === job.status ? undefined : STATUS_EVENTS[job.status];
  if (!type) return null;
  const data = asEventData({ ...job, logs: job.logs.slice(-EVENT_LOG_LINES) });
  return newEvent(type, data, new Date(at));
}

/** The event the job's type announces for this outcome, as its module declares it. */
export function outcomeEvent(
  definition: JobTypeDefinition | undefined,
  outcome: "completed" | "failed",
): JobOutcomeEvent | undefined {
  return definition?.events?.[outcome];
}

/** The outcome event's data: its own reader, or the result. */
export async function outcomeEventData(
  declared: JobOutcomeEvent,
  job: Job,
  result: JsonObject | null,
  scope: Parameters<NonNullable<JobOutcomeEvent["data"]>>[1],
): Promise<JsonObject | null> {
  return declared.data ? declared.data({ job, result }, scope) : result;
}

/** An outcome event read ahead of its commit: it is committed only if the job really ends with `status`. */
export interface PendingOutcome {
  status: "completed" | "failed";
  type: ProjectEventType;
  data: JsonObject;
}

/**
 * What attempt `attempt` (which just ended) will announce besides job.*, if it ends the job: read before the
 * commit because the data may come from D1 (the asset ingest made ready), and the commit must stay synchronous.
 * Null when there is nothing to announce, or reading failed (logged: the job's outcome matters more).
 */
export async function readOutcome(
  definitionOf: (jobType: string) => JobTypeDefinition | undefined,
  job: Job | undefined,
  attempt: number,
  result: { kind: "completed"; result: JsonObject } | { kind: "retryable" | "permanent" },
  services: { db: Database; logger: Logger },
): Promise<PendingOutcome | null> {
  if (job?.status !== "running" || job.attempts !== attempt) return null;
  const status =
    result.kind === "completed"
      ? "completed"
      : result.kind === "permanent" || job.attempts >= job.max_attempts
        ? "failed"
        : null;
  const declared = status && outcomeEvent(definitionOf(job.job_type), status);
  if (!status || !declared) return null;
  try {
    const scope = { db: services.db, projectId: job.project_id };
    const data = await outcomeEventData(declared, job, result.kind === "completed" ? result.result : null, scope);
    return data ? { status, type: declared.type, data } : null;
  } catch (error) {
    services.logger.error("job_outcome_event_failed", { job_id: job.id, error: String(error) });
    return null;
  }
}
