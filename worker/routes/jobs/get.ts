import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { requireProjectAccess } from "../../middleware/auth";
import { defineRoute } from "../define-route";
import { loadProjectJob } from "./job-access";
import { JobParamsSchema, JobSchema } from "./schema";

const route = defineRoute({
  method: "get",
  path: "/projects/{project_id}/jobs/{job_id}",
  operationId: "getJob",
  summary: "A job's current state, read from its Durable Object",
  tags: ["Jobs"],
  middleware: [requireProjectAccess],
  security: [{ bearerAuth: [] }],
  request: { params: JobParamsSchema },
  errors: [404],
  responses: {
    200: { description: "The job", content: { "application/json": { schema: JobSchema } } },
  },
});

export function registerGetJob(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { project_id: projectId, job_id: jobId } = c.req.valid("param");
    const { job } = await loadProjectJob(c.env, projectId, jobId);
    return c.json(JobSchema.parse(job), 200);
  });
}
