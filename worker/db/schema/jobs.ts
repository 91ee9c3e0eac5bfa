import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { type JsonObject, timestamps } from "./columns";

export const JOB_STATUSES = ["queued", "running", "completed", "failed", "cancelled"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export type JobLogLevel = "debug" | "info" | "warning" | "error";

/** One line of a job's log, as stored in jobs.logs and published with the job. */
export interface JobLogEntry {
  timestamp: string;
  level: JobLogLevel;
  message: string;
  details: JsonObject | null;
}

/**
 * A mirror of each job's Durable Object state, for listing and filtering.
 * The job's Durable Object holds the truth; this row follows it.
 */
export const jobs = sqliteTable(
  "jobs",
  {
    id: text("id").primaryKey(),
    projectId: text("project_id").notNull(),
    /**
     * Plain text: the names come from the job type modules (worker/jobs/types), a layer above this schema, and
     * no CHECK constraint means adding a type needs no migration. The API validates names against the modules.
     */
    jobType: text("job_type").notNull(),
    status: text("status", { enum: JOB_STATUSES }).notNull(),
    progress: integer("progress").notNull().default(0),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull(),
    retryDelaySeconds: integer("retry_delay_seconds").notNull(),
    /** The asset the job works on, if any, so deleting an asset can find its jobs. */
    assetId: text("asset_id"),
    payload: text("payload", { mode: "json" }).$type<JsonObject>().notNull(),
    result: text("result", { mode: "json" }).$type<JsonObject>(),
    errorMessage: text("error_message"),
    /** The job's log lines as of the last mirror, so listings return whole jobs. */
    logs: text("logs", { mode: "json" }).$type<JobLogEntry[]>().notNull().default(sql`'[]'`),
    startedAt: text("started_at"),
    finishedAt: text("finished_at"),
    nextAttemptAt: text("next_attempt_at"),
    ...timestamps,
  },
  (table) => [
    index("jobs_project_created_idx").on(table.projectId, table.createdAt),
    // Admission counts a project's (and every project's) queued and running jobs from this index alone.
    index("jobs_status_project_idx").on(table.status, table.projectId),
    index("jobs_asset_idx").on(table.assetId),
  ],
);

export type JobRow = typeof jobs.$inferSelect;
