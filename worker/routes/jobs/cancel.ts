import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { requireProjectAccess } from "../../middleware/auth";
import { defineRoute } from "../define-route";
import { cancelProjectJob } from "./job-access";
import { JobParamsSchema, JobSchema } from "./schema";

const route = defineRoute({
  method: "post",
  path: "/projects/{project_id}/jobs/{job_id}/cancel",
  operationId: "cancelJob",
  summary: "Cancel a queued or running job",
  description:
    "A queued job never runs; a running job's handler is aborted (its AbortSignal fires, in-flight media and AI " +
    "requests stop, and its next checkpoint throws). A finished job gives 409.",
  tags: ["Jobs"],
  middleware: [requireProjectAccess],
  security: [{ bearerAuth: [] }],
  request: { params: JobParamsSchema },
  errors: [404, 409],
  responses: {
    200: { description: "The cancelled job", content: { "application/json": { schema: JobSchema } } },
  },
});

export function registerCancelJob(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { project_id: projectId, job_id: jobId } = c.req.valid("param");
    const job = await cancelProjectJob(c.env, projectId, jobId);
    c.get("services").logger.info("job_cancel_requested", { job_id: jobId, project_id: projectId });
    return c.json(JobSchema.parse(job), 200);
  });
}
