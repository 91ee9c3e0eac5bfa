import type { z } from "zod";
import type { Database } from "../db/client";
import type { Settings } from "../env";
import type { Logger } from "../logger";

export type JobLogLevel = "debug" | "info" | "warning" | "error";

/** Everything a handler may use. Handlers never read env or build clients themselves. */
export interface JobServices {
  db: Database;
  bucket: R2Bucket;
  settings: Settings;
  logger: Logger;
}

export interface JobContext<Payload> {
  job: { id: string; projectId: string; jobType: string; attempt: number; maxAttempts: number; payload: Payload };
  services: JobServices;
  /** Aborted when the job is cancelled; pass it to every media and AI request. */
  signal: AbortSignal;
  /** Records progress (0-100) and optionally a log line; both reach live subscribers. */
  progress(percent: number, message?: string): Promise<void>;
  log(level: JobLogLevel, message: string, details?: Record<string, unknown>): Promise<void>;
  /** Throws JobCancelledError if the job was cancelled since the last check. */
  checkpoint(): void;
}

/** A failure validating a payload against stored data (e.g. asset not in project). Routes map it to 404/422. */
export class JobPayloadError extends Error {
  constructor(
    readonly status: 404 | 422,
    message: string,
    readonly details: { path: string; message: string; code: string }[] = [],
  ) {
    super(message);
    this.name = "JobPayloadError";
  }
}

/** One module per job type registers one of these. */
export interface JobHandler<Schema extends z.ZodType = z.ZodType> {
  type: string;
  payloadSchema: Schema;
  /** Creation-time checks that need stored data; throw JobPayloadError. */
  validate?(payload: z.infer<Schema>, scope: { db: Database; projectId: string }): Promise<void>;
  /** The asset this job works on, mirrored into jobs.asset_id. */
  assetId?(payload: z.infer<Schema>): string | undefined;
  run(ctx: JobContext<z.infer<Schema>>): Promise<Record<string, unknown>>;
}

/** Retryable failure: the engine schedules another attempt while attempts remain. */
export class RetryableJobError extends Error {
  override name = "RetryableJobError";
}

/** Permanent failure (bad payload, missing asset, corrupt media): the job fails at once. */
export class PermanentJobError extends Error {
  override name = "PermanentJobError";
}

export class JobCancelledError extends Error {
  override name = "JobCancelledError";
}
