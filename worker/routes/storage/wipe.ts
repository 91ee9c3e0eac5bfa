import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { requireProjectAccess } from "../../middleware/auth";
import { wipeProject } from "../../storage/project";
import { DeletedObjectsSchema } from "../assets/schema";
import { defineRoute } from "../define-route";
import { ProjectParamsSchema } from "../project-params";

const route = defineRoute({
  method: "delete",
  path: "/projects/{project_id}/storage",
  operationId: "wipeProjectStorage",
  summary: "Delete every file of a project and all its asset, transcript, scene and job records",
  description: "API keys are kept. Returns what was removed from storage.",
  tags: ["Storage"],
  middleware: [requireProjectAccess],
  security: [{ bearerAuth: [] }],
  request: { params: ProjectParamsSchema },
  responses: {
    200: {
      description: "What was removed",
      content: { "application/json": { schema: DeletedObjectsSchema } },
    },
  },
});

export function registerWipeProjectStorage(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { project_id: projectId } = c.req.valid("param");
    const { db, logger } = c.get("services");
    const deleted = await wipeProject({ db, bucket: c.env.BUCKET }, projectId);
    logger.info("project_storage_wiped", { project_id: projectId, ...deleted });
    return c.json(DeletedObjectsSchema.parse(deleted), 200);
  });
}
