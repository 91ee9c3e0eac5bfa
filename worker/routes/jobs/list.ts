import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { listJobs } from "../../jobs/list-jobs";
import { requireProjectAccess } from "../../middleware/auth";
import { defineRoute } from "../define-route";
import { ProjectParamsSchema } from "../project-params";
import { JobListSchema, JobStatusSchema, JobTypeSchema } from "./schema";

const QuerySchema = z.object({
  // A single ?status= arrives as a string, a repeated one as an array.
  status: z
    .union([JobStatusSchema, z.array(JobStatusSchema)])
    .optional()
    .openapi({
      param: { name: "status", in: "query", style: "form", explode: true },
      description: "Only jobs in these statuses; repeat for several (status=queued&status=running)",
      example: ["queued", "running"],
    }),
  job_type: JobTypeSchema.optional().openapi({ param: { name: "job_type", in: "query" } }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(50)
    .openapi({ param: { name: "limit", in: "query" }, example: 50 }),
  cursor: z
    .string()
    .max(512)
    .optional()
    .openapi({ param: { name: "cursor", in: "query" }, description: "next_cursor of the previous page" }),
});

const route = defineRoute({
  method: "get",
  path: "/projects/{project_id}/jobs",
  operationId: "listJobs",
  summary: "List a project's jobs, newest first",
  tags: ["Jobs"],
  middleware: [requireProjectAccess],
  security: [{ bearerAuth: [] }],
  request: { params: ProjectParamsSchema, query: QuerySchema },
  responses: {
    200: { description: "A page of jobs", content: { "application/json": { schema: JobListSchema } } },
  },
});

export function registerListJobs(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { project_id: projectId } = c.req.valid("param");
    const query = c.req.valid("query");
    const statuses = query.status === undefined ? undefined : [query.status].flat();
    const page = await listJobs(c.get("services").db, {
      projectId,
      statuses,
      jobType: query.job_type,
      limit: query.limit,
      cursor: query.cursor,
    });
    return c.json(JobListSchema.parse(page), 200);
  });
}
