import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { createApiKey } from "../../auth/api-keys";
import { requireAdmin } from "../../middleware/auth";
import { jsonBodyLimit } from "../../middleware/json-body-limit";
import { defineRoute } from "../define-route";
import { ProjectParamsSchema } from "../project-params";
import { CreateApiKeyRequestSchema, CreatedApiKeySchema } from "./schema";

const route = defineRoute({
  method: "post",
  path: "/projects/{project_id}/api-keys",
  operationId: "createApiKey",
  summary: "Create a project API key (admin only); the key is shown once",
  tags: ["Auth"],
  middleware: [requireAdmin, jsonBodyLimit],
  security: [{ bearerAuth: [] }],
  request: {
    params: ProjectParamsSchema,
    body: { required: false, content: { "application/json": { schema: CreateApiKeyRequestSchema } } },
  },
  responses: {
    201: {
      description: "The new key, including its only plaintext copy",
      content: { "application/json": { schema: CreatedApiKeySchema } },
    },
  },
});

export function registerCreateApiKey(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { project_id: projectId } = c.req.valid("param");
    const { name } = c.req.valid("json");
    const { db, logger } = c.get("services");
    const { record, key } = await createApiKey(db, { projectId, name: name ?? "default" });
    // Log the id and prefix only: the plaintext key must never reach the logs.
    logger.info("api_key_created", { project_id: projectId, key_id: record.id, prefix: record.prefix });
    const body = CreatedApiKeySchema.parse({
      id: record.id,
      key,
      prefix: record.prefix,
      name: record.name,
      created_at: record.createdAt,
    });
    return c.json(body, 201);
  });
}
