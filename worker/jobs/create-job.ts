import { sql } from "drizzle-orm";
import type { Database } from "../db/client";
import type { JsonObject } from "../db/schema/columns";
import { DomainError, fieldErrorsFromIssues } from "../domain-error";
import type { Settings } from "../env";
import { JobPayloadError } from "./handler";
import { JOB_LIMITS, type Job } from "./job";
import { JobClient } from "./job-client";
import type { JobObject } from "./job-object";
import type { JobTypeDefinition } from "./job-type";
import type { JobMessage } from "./queue-consumer";
import { findJobType } from "./types";

export interface CreateJobDeps {
  db: Database;
  jobs: DurableObjectNamespace<JobObject>;
  queue: Queue<JobMessage>;
  settings: Pick<Settings, "MAX_QUEUE_SIZE" | "MAX_TOTAL_QUEUED_JOBS" | "JOB_MAX_ATTEMPTS" | "JOB_RETRY_DELAY_SECONDS">;
}

export interface CreateJobInput {
  projectId: string;
  jobType: string;
  payload: unknown;
  maxAttempts?: number;
  retryDelaySeconds?: number;
}

/** Which admission limit a refused creation hit: the project's own, or the whole deployment's. */
export type QueueLimit = "MAX_QUEUE_SIZE" | "MAX_TOTAL_QUEUED_JOBS";

/** Queued plus running jobs reached a limit (the project's or the deployment's); nothing was created. */
export class QueueFullError extends DomainError {
  override name = "QueueFullError";
  constructor(
    readonly setting: QueueLimit,
    readonly limit: number,
    override readonly retryAfterSeconds: number,
  ) {
    super(
      "QUEUE_FULL",
      setting === "MAX_QUEUE_SIZE"
        ? `This project's job queue is full (MAX_QUEUE_SIZE: ${limit} queued or running jobs per project); try again later`
        : `The service's job queue is full (MAX_TOTAL_QUEUED_JOBS: ${limit} queued or running jobs in all projects); try again later`,
      { retryAfterSeconds },
    );
  }
}

// The queue drains continuously; a short hint keeps clients from hammering without stalling them.
const QUEUE_FULL_RETRY_AFTER_SECONDS = 10;

function bounded(value: number | undefined, fallback: number, limits: { min: number; max: number }, path: string) {
  const chosen = value ?? fallback;
  if (!Number.isInteger(chosen) || chosen < limits.min || chosen > limits.max) {
    throw new JobPayloadError(422, `${path} must be an integer from ${limits.min} to ${limits.max}`, [
      { path, message: `Must be an integer from ${limits.min} to ${limits.max}`, code: "out_of_range" },
    ]);
  }
  return chosen;
}

function requireJobType(name: string): JobTypeDefinition {
  const type = findJobType(name);
  if (!type) {
    throw new JobPayloadError(422, `Jobs of type '${name}' cannot be created`, [
      { path: "job_type", message: `Unknown or unavailable job type '${name}'`, code: "invalid_value" },
    ]);
  }
  return type;
}

/**
 * Creates a job from raw input: parses the payload with its type's schema, then as `createParsedJob`.
 * Throws JobPayloadError (404/422) or QueueFullError.
 */
export async function createJob(deps: CreateJobDeps, input: CreateJobInput): Promise<Job> {
  const type = requireJobType(input.jobType);
  const parsed = type.payloadSchema.safeParse(input.payload);
  if (!parsed.success)
    throw new JobPayloadError(422, "Invalid job payload", fieldErrorsFromIssues(parsed.error.issues, ["payload"]));
  return queueJob(deps, input, type, parsed.data);
}

/** For a payload its type's `payloadSchema` already parsed: the route's request body is that parse. */
export async function createParsedJob(deps: CreateJobDeps, input: CreateJobInput & { payload: JsonObject }) {
  return queueJob(deps, input, requireJobType(input.jobType), input.payload);
}

/**
 * Checks the payload against stored data, reserves a D1 row only while the queue has room, initialises the
 * job's Durable Object and enqueues its first run. If a later step fails, the earlier ones are undone, so a
 * failed creation leaves nothing behind.
 */
async function queueJob(
  deps: CreateJobDeps,
  input: CreateJobInput,
  type: JobTypeDefinition,
  payload: JsonObject,
): Promise<Job> {
  const maxAttempts = bounded(
    input.maxAttempts,
    deps.settings.JOB_MAX_ATTEMPTS,
    JOB_LIMITS.maxAttempts,
    "max_attempts",
  );
  const retryDelaySeconds = bounded(
    input.retryDelaySeconds,
    deps.settings.JOB_RETRY_DELAY_SECONDS,
    JOB_LIMITS.retryDelaySeconds,
    "retry_delay_seconds",
  );
  await type.validate?.(payload, { db: deps.db, projectId: input.projectId });

  const id = crypto.randomUUID();
  const now = new Date().toISOString();
  const assetId = type.assetId?.(payload) ?? null;
  const { MAX_QUEUE_SIZE: perProject, MAX_TOTAL_QUEUED_JOBS: total } = deps.settings;
  // One statement checks room and inserts, so concurrent creations cannot overshoot either limit. Both counts
  // read only the jobs_status_project_idx entries of active jobs, never the history (see countActiveJobs).
  const reserved = await deps.db.run(sql`
    INSERT INTO jobs (id, project_id, job_type, status, progress, attempts, max_attempts, retry_delay_seconds,
                      asset_id, payload, logs, created_at, updated_at)
    SELECT ${id}, ${input.projectId}, ${type.type}, 'queued', 0, 0, ${maxAttempts}, ${retryDelaySeconds},
           ${assetId}, ${JSON.stringify(payload)}, '[]', ${now}, ${now}
    WHERE (SELECT COUNT(*) FROM jobs WHERE status IN ('queued', 'running') AND project_id = ${input.projectId})
            < ${perProject}
      AND (SELECT COUNT(*) FROM jobs WHERE status IN ('queued', 'running')) < ${total}`);
  if (!reserved.meta.changes) {
    // Only to name the limit: the refusal itself was decided atomically above.
    const projectFull = (await countActiveJobs(deps.db, input.projectId)) >= perProject;
    throw projectFull
      ? new QueueFullError("MAX_QUEUE_SIZE", perProject, QUEUE_FULL_RETRY_AFTER_SECONDS)
      : new QueueFullError("MAX_TOTAL_QUEUED_JOBS", total, QUEUE_FULL_RETRY_AFTER_SECONDS);
  }

  const object = new JobClient(deps.jobs, id);
  const undoRow = () => deps.db.run(sql`DELETE FROM jobs WHERE id = ${id}`);
  let job: Job;
  try {
    job = await object.init({
      id,
      projectId: input.projectId,
      jobType: type.type,
      payload,
      maxAttempts,
      retryDelaySeconds,
      assetId,
      createdAt: now,
    });
  } catch (error) {
    // The call may have failed after the object stored the job; make sure it cannot run later.
    await object.discard().catch(() => {});
    await undoRow();
    throw error;
  }
  try {
    await deps.queue.send({ job_id: id, project_id: input.projectId });
  } catch (error) {
    await object.discard();
    await undoRow();
    throw error;
  }
  return job;
}

/** Queued plus running jobs of a project, or of every project: an index range, not a scan of every job. */
export async function countActiveJobs(db: Database, projectId?: string): Promise<number> {
  const row = await db.get<{ n: number }>(
    projectId === undefined
      ? sql`SELECT COUNT(*) AS n FROM jobs WHERE status IN ('queued', 'running')`
      : sql`SELECT COUNT(*) AS n FROM jobs WHERE status IN ('queued', 'running') AND project_id = ${projectId}`,
  );
  return row?.n ?? 0;
}
