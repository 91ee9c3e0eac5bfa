import type { z } from "zod";
import type { JsonObject } from "../db/schema/columns";
import type { Env } from "../env";
import type { Logger } from "../logger";
import { JobCancelledError, type JobContext, JobPayloadError, PermanentJobError } from "./handler";
import { appendLog, type Job } from "./job";
import { createJobServices } from "./job-services";
import type { AttemptResult } from "./job-transitions";
import type { JobTypeDefinition } from "./job-type";

export interface AttemptOptions {
  /** A copy of the job as the attempt started. */
  job: Job;
  /** The job's type; undefined when no module defines it. */
  type: JobTypeDefinition | undefined;
  attempt: number;
  /** The media service instance the scheduler chose for this attempt. */
  instance: number;
  controller: AbortController;
  env: Env;
  logger: Logger;
  /** False once the job was cancelled or the attempt superseded. */
  isCurrent(): boolean;
  /** Applies a change to the stored running job and publishes it. */
  update(change: (job: Job) => void): void;
}

/** Runs one attempt of a job's handler and classifies how it ended. Never throws. */
export async function runAttempt(options: AttemptOptions): Promise<AttemptResult> {
  const { job, attempt, controller, type } = options;
  if (!type) return { kind: "permanent", message: `No handler registered for job type '${job.job_type}'` };
  // Stored payloads were parsed at creation; parsing again catches data that no longer fits the schema.
  const parsed = type.payloadSchema.safeParse(job.payload);
  if (!parsed.success) return { kind: "permanent", message: `Invalid payload: ${describeIssues(parsed.error)}` };

  const signal = controller.signal;
  const services = createJobServices(
    options.env,
    options.logger.child({ job_id: job.id, project_id: job.project_id }),
    options.instance,
  );
  const checkpoint = () => {
    if (signal.aborted || !options.isCurrent()) throw new JobCancelledError("Job was cancelled");
  };
  const ctx: JobContext<JsonObject> = {
    job: {
      id: job.id,
      projectId: job.project_id,
      jobType: job.job_type,
      attempt,
      maxAttempts: job.max_attempts,
      payload: parsed.data,
    },
    services,
    signal,
    checkpoint,
    async progress(percent, message) {
      checkpoint();
      const value = Number.isFinite(percent) ? Math.round(Math.min(100, Math.max(0, percent))) : 0;
      options.update((current) => {
        current.progress = value;
        if (message) appendLog(current, "info", message, { progress: value });
      });
    },
    async log(level, message, details) {
      // Logging after cancellation (e.g. from cleanup code) is dropped rather than thrown.
      if (!signal.aborted && options.isCurrent()) {
        options.update((current) => appendLog(current, level, message, details ?? null));
      }
    },
  };

  let returned: unknown;
  try {
    returned = await type.run(ctx);
  } catch (error) {
    const result = classify(error);
    // Read from the client, not the error: handlers report media failures in their own words.
    if (result.kind === "retryable" && services.media.instanceLost) result.lostInstance = options.instance;
    return result;
  }
  if (!returned || typeof returned !== "object" || Array.isArray(returned)) {
    return { kind: "permanent", message: "Handler returned a result that is not an object" };
  }
  const result = type.resultSchema.safeParse(returned);
  if (!result.success) {
    return {
      kind: "permanent",
      message: `Handler returned a result that breaks its schema: ${describeIssues(result.error)}`,
    };
  }
  return { kind: "completed", result: result.data };
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`).join("; ");
}

function classify(error: unknown): AttemptResult {
  const message = error instanceof Error ? error.message || error.name : String(error);
  const name = error instanceof Error ? error.name : "";
  if (error instanceof PermanentJobError || error instanceof JobPayloadError || name === "PermanentJobError") {
    return { kind: "permanent", message };
  }
  // Reached only when the job was not actually cancelled (the engine discards cancelled attempts).
  if (error instanceof JobCancelledError) return { kind: "permanent", message: `Handler stopped: ${message}` };
  // Anything else (network errors, upstream 5xx, RetryableJobError) is worth another attempt.
  return { kind: "retryable", message };
}
