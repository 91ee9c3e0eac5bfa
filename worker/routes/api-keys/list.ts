import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { listActiveApiKeys } from "../../auth/api-keys";
import { requireProjectAccess } from "../../middleware/auth";
import { defineRoute } from "../define-route";
import { ProjectParamsSchema } from "../project-params";
import { ApiKeyListSchema, toApiKeyResponse } from "./schema";

const route = defineRoute({
  method: "get",
  path: "/projects/{project_id}/api-keys",
  operationId: "listApiKeys",
  summary: "List a project's active API keys (admin or the project's own key); secrets are never returned",
  tags: ["Auth"],
  middleware: [requireProjectAccess],
  security: [{ bearerAuth: [] }],
  request: { params: ProjectParamsSchema },
  responses: {
    200: {
      description: "Active keys, oldest first",
      content: { "application/json": { schema: ApiKeyListSchema } },
    },
  },
});

export function registerListApiKeys(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { project_id: projectId } = c.req.valid("param");
    const keys = await listActiveApiKeys(c.get("services").db, projectId);
    return c.json(ApiKeyListSchema.parse({ api_keys: keys.map(toApiKeyResponse) }), 200);
  });
}
