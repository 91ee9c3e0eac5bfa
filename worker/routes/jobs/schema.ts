import { z } from "@hono/zod-openapi";
import { JOB_STATUSES } from "../../db/schema/jobs";
import { JOB_LIMITS } from "../../jobs/job";
import { JOB_TYPE_NAMES, JOB_TYPES } from "../../jobs/types";
import { ProjectIdSchema } from "../project-params";

/** The OpenAPI component of a job type's result schema: IngestJobResult, SceneDetectionJobResult, ... */
export const resultComponentName = (type: string) =>
  `${type.replace(/(^|_)([a-z])/g, (_, _sep: string, letter: string) => letter.toUpperCase())}JobResult`;

export const JobStatusSchema = z.enum(JOB_STATUSES).openapi({ example: "running" });
export const JobTypeSchema = z.enum(JOB_TYPE_NAMES).openapi({ example: "transcription" });

export const JobLogSchema = z
  .object({
    timestamp: z.iso.datetime().openapi({ example: "2026-11-24T10:00:01.250Z" }),
    level: z.enum(["debug", "info", "warning", "error"]).openapi({ example: "info" }),
    message: z.string().openapi({ example: "Attempt 1/3 started" }),
    details: z.record(z.string(), z.unknown()).nullable().openapi({ example: null }),
  })
  .openapi("JobLog");

export const JobSchema = z
  .object({
    id: z.string().openapi({ example: "6f1c2f0e-5a43-4a8e-9a57-0d1d0cf1c001" }),
    project_id: z.string().openapi({ example: "lesson-app" }),
    job_type: JobTypeSchema,
    status: JobStatusSchema,
    progress: z.number().int().min(0).max(100).openapi({ example: 40 }),
    attempts: z.number().int().min(0).openapi({ description: "Attempts started so far", example: 1 }),
    max_attempts: z.number().int().openapi({ example: 3 }),
    retry_delay_seconds: z.number().int().openapi({ example: 5 }),
    payload: z.record(z.string(), z.unknown()).openapi({ example: { asset_id: "a1b2c3" } }),
    result: z
      .record(z.string(), z.unknown())
      .nullable()
      .openapi({
        description: `Null until the job completes, then its type's result: ${JOB_TYPES.map((t) => resultComponentName(t.type)).join(", ")}`,
        example: null,
      }),
    error_message: z.string().nullable().openapi({ example: null }),
    logs: z.array(JobLogSchema),
    created_at: z.iso.datetime().openapi({ example: "2026-11-24T10:00:00.000Z" }),
    updated_at: z.iso.datetime().openapi({ example: "2026-11-24T10:00:05.000Z" }),
    started_at: z.iso.datetime().nullable().openapi({ example: "2026-11-24T10:00:01.000Z" }),
    finished_at: z.iso.datetime().nullable().openapi({ example: null }),
    next_attempt_at: z.iso
      .datetime()
      .nullable()
      .openapi({ description: "When a scheduled retry becomes due", example: null }),
  })
  .openapi("Job");
export type JobResponse = z.infer<typeof JobSchema>;

const retrySettings = {
  max_attempts: z
    .number()
    .int()
    .min(JOB_LIMITS.maxAttempts.min)
    .max(JOB_LIMITS.maxAttempts.max)
    .optional()
    .openapi({ description: "Attempts before the job fails (default JOB_MAX_ATTEMPTS)", example: 3 }),
  retry_delay_seconds: z
    .number()
    .int()
    .min(JOB_LIMITS.retryDelaySeconds.min)
    .max(JOB_LIMITS.retryDelaySeconds.max)
    .optional()
    .openapi({
      description: "Backoff base: retry n waits retry_delay_seconds * 2^(n-1) (default JOB_RETRY_DELAY_SECONDS)",
      example: 5,
    }),
};

const [first, ...rest] = JOB_TYPES.map((type) =>
  z.strictObject({ job_type: z.literal(type.type), payload: type.payloadSchema, ...retrySettings }),
);

/** One variant per job type (worker/jobs/types); this is where a request's payload is parsed, once. */
export const CreateJobRequestSchema = z
  .discriminatedUnion("job_type", [first as NonNullable<typeof first>, ...rest])
  .openapi("CreateJobRequest", {
    example: { job_type: "transcription", payload: { asset_id: "a1b2c3", language: "en" }, max_attempts: 3 },
  });

export const JobListSchema = z
  .object({
    items: z.array(JobSchema),
    next_cursor: z.string().nullable().openapi({ description: "Pass as `cursor` for the next page", example: null }),
  })
  .openapi("JobList");

export const JobParamsSchema = z.object({
  project_id: ProjectIdSchema,
  job_id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: "job_id", in: "path" }, example: "6f1c2f0e-5a43-4a8e-9a57-0d1d0cf1c001" }),
});
