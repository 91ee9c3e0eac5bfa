import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { createParsedJob } from "../../jobs/create-job";
import { requireProjectAccess } from "../../middleware/auth";
import { jsonBodyLimit } from "../../middleware/json-body-limit";
import { defineRoute } from "../define-route";
import { ProjectParamsSchema } from "../project-params";
import { CreateJobRequestSchema, JobSchema } from "./schema";

const route = defineRoute({
  method: "post",
  path: "/projects/{project_id}/jobs",
  operationId: "createJob",
  summary: "Queue a job (ingest, transcription, scene_detection, ...)",
  description:
    "Validates the payload against its job type's schema and the project's assets, then queues the job. " +
    "When the project's queued plus running jobs reach MAX_QUEUE_SIZE, or all projects' reach MAX_TOTAL_QUEUED_JOBS, answers 429 QUEUE_FULL with Retry-After (the message names the limit) and creates nothing.",
  tags: ["Jobs"],
  middleware: [requireProjectAccess, jsonBodyLimit],
  security: [{ bearerAuth: [] }],
  request: {
    params: ProjectParamsSchema,
    body: { required: true, content: { "application/json": { schema: CreateJobRequestSchema } } },
  },
  errors: [404, 422, 429],
  responses: {
    202: { description: "The queued job", content: { "application/json": { schema: JobSchema } } },
  },
});

export function registerCreateJob(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { project_id: projectId } = c.req.valid("param");
    const body = c.req.valid("json");
    const { db, settings, logger } = c.get("services");
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
  });
}
