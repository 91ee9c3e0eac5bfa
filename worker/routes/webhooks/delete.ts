import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { ProjectEventsClient } from "../../events/project-events-client";
import { requireProjectAccess } from "../../middleware/auth";
import { defineRoute } from "../define-route";
import { WebhookParamsSchema } from "./schema";

const route = defineRoute({
  method: "delete",
  path: "/projects/{project_id}/webhooks/{webhook_id}",
  operationId: "deleteWebhook",
  summary: "Remove a webhook endpoint with its deliveries",
  tags: ["Webhooks"],
  middleware: [requireProjectAccess],
  security: [{ bearerAuth: [] }],
  request: { params: WebhookParamsSchema },
  errors: [404],
  responses: { 204: { description: "The endpoint and its delivery log are gone" } },
});

export function registerDeleteWebhook(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { project_id: projectId, webhook_id: webhookId } = c.req.valid("param");
    await new ProjectEventsClient(c.env.PROJECT_EVENTS, projectId).deleteEndpoint(webhookId);
    c.get("logger").info("webhook_deleted", { project_id: projectId, webhook_id: webhookId });
    return c.body(null, 204);
  });
}
