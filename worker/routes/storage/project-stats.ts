import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { requireProjectAccess } from "../../middleware/auth";
import { storageStats } from "../../storage/project";
import { defineRoute } from "../define-route";
import { ProjectParamsSchema } from "../project-params";
import { ProjectStorageStatsSchema } from "./schema";

const route = defineRoute({
  method: "get",
  path: "/projects/{project_id}/storage/stats",
  operationId: "getProjectStorageStats",
  summary: "A project's storage use per category, with totals",
  tags: ["Storage"],
  middleware: [requireProjectAccess],
  security: [{ bearerAuth: [] }],
  request: { params: ProjectParamsSchema },
  responses: {
    200: {
      description: "The project's storage statistics",
      content: { "application/json": { schema: ProjectStorageStatsSchema } },
    },
  },
});

export function registerGetProjectStorageStats(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { project_id: projectId } = c.req.valid("param");
    const { categories, total } = await storageStats(c.get("services").db, projectId);
    return c.json(ProjectStorageStatsSchema.parse({ project_id: projectId, categories, total }), 200);
  });
}
