import type { Database } from "../db/client";
import type { JsonObject } from "../db/schema/columns";
import type { JobLogLevel } from "../db/schema/jobs";
import { DomainError, type FieldError } from "../domain-error";
import type { Settings } from "../env";
import type { Logger } from "../logger";
import type { MediaClient } from "../media/media-client";

export type { JobLogLevel };

/** Everything a handler may use. Handlers never read env or build clients themselves (see job-services.ts). */
export interface JobServices {
  db: Database;
  bucket: R2Bucket;
  settings: Settings;
  logger: Logger;
  /** The media service (FFmpeg, OpenAI calls); pass ctx.signal to every call. */
  media: MediaClient;
}

export interface JobContext<Payload> {
  job: { id: string; projectId: string; jobType: string; attempt: number; maxAttempts: number; payload: Payload };
  services: JobServices;
  /** Aborted when the job is cancelled; pass it to every media and AI request. */
  signal: AbortSignal;
  /** Records progress (0-100) and optionally a log line; both reach live subscribers. Throws JobCancelledError once cancelled. */
  progress(percent: number, message?: string): Promise<void>;
  log(level: JobLogLevel, message: string, details?: JsonObject): Promise<void>;
  /** Throws JobCancelledError if the job was cancelled since the last check. */
  checkpoint(): void;
}

/** A payload that cannot run: invalid (422), or naming something that is not there (404, e.g. an asset). */
export class JobPayloadError extends DomainError {
  override name = "JobPayloadError";
  constructor(
    readonly status: 404 | 422,
    message: string,
    override readonly details: FieldError[] = [],
  ) {
    super(status === 404 ? "NOT_FOUND" : "INVALID_INPUT", message, { details });
  }
}

/** Retryable failure: the engine schedules another attempt while attempts remain. Unknown errors count as retryable. */
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
