import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { revokeApiKey } from "../../auth/api-keys";
import { ApiError } from "../../errors";
import { requireProjectAccess } from "../../middleware/auth";
import { defineRoute } from "../define-route";
import { ApiKeyParamsSchema } from "./schema";

const route = defineRoute({
  method: "delete",
  path: "/projects/{project_id}/api-keys/{key_id}",
  operationId: "revokeApiKey",
  summary: "Revoke a project API key (admin or any key of the project); effective immediately",
  tags: ["Auth"],
  middleware: [requireProjectAccess],
  security: [{ bearerAuth: [] }],
  request: { params: ApiKeyParamsSchema },
  errors: [404],
  responses: {
    204: { description: "Revoked; the key is rejected from the next request on" },
  },
});

export function registerRevokeApiKey(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { project_id: projectId, key_id: keyId } = c.req.valid("param");
    const { db, logger } = c.get("services");
    // Scoped to the project in the query, so a key id from another project is simply not found.
    if (!(await revokeApiKey(db, projectId, keyId))) {
      throw new ApiError("NOT_FOUND", "API key not found or already revoked");
    }
    logger.info("api_key_revoked", { project_id: projectId, key_id: keyId, by: c.get("principal").kind });
    return c.body(null, 204);
  });
}
