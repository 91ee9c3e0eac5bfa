import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { ApiError, errorResponses } from "../../errors";
import { createParsedJob, QueueFullError } from "../../jobs/create-job";
import { JobPayloadError } from "../../jobs/handler";
import { requireProjectAccess } from "../../middleware/auth";
import { jsonBodyLimit } from "../../middleware/json-body-limit";
import { ProjectParamsSchema } from "../project-params";
import { CreateJobRequestSchema, JobSchema } from "./schema";

const route = createRoute({
  method: "post",
  path: "/projects/{project_id}/jobs",
  operationId: "createJob",
  summary: "Queue a job (ingest, transcription, scene_detection, ...)",
  description:
    "Validates the payload against its job type's schema and the project's assets, then queues the job. " +
    "When queued plus running jobs reach MAX_QUEUE_SIZE, answers 429 QUEUE_FULL with Retry-After and creates nothing.",
  tags: ["Jobs"],
  middleware: [requireProjectAccess, jsonBodyLimit] as const,
  security: [{ bearerAuth: [] }],
  request: {
    params: ProjectParamsSchema,
    body: { required: true, content: { "application/json": { schema: CreateJobRequestSchema } } },
  },
  responses: {
    202: { description: "The queued job", content: { "application/json": { schema: JobSchema } } },
    ...errorResponses(400, 401, 403, 404, 413, 415, 422, 429),
  },
});

/** Maps the engine's domain errors to the API's; shared by every route that creates jobs. */
export function jobCreationError(error: unknown): unknown {
  if (error instanceof JobPayloadError) {
    return new ApiError(error.status === 404 ? "NOT_FOUND" : "VALIDATION_ERROR", error.message, {
      details: error.details,
    });
  }
  if (error instanceof QueueFullError) {
    return new ApiError("QUEUE_FULL", error.message, { headers: { "Retry-After": String(error.retryAfterSeconds) } });
  }
  return error;
}

export function registerCreateJob(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { project_id: projectId } = c.req.valid("param");
    const body = c.req.valid("json");
    const { db, settings, logger } = c.get("services");
    try {
      const job = await createParsedJob(
        { db, jobs: c.env.JOB, queue: c.env.JOBS_QUEUE, settings },
        {
          projectId,
          jobType: body.job_type,
          payload: body.payload,
          maxAttempts: body.max_attempts,
          retryDelaySeconds: body.retry_delay_seconds,
        },
      );
      logger.info("job_created", { job_id: job.id, project_id: projectId, job_type: job.job_type });
      return c.json(JobSchema.parse(job), 202);
    } catch (error) {
      throw jobCreationError(error);
    }
  });
}
