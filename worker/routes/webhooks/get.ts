import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { ProjectEventsClient } from "../../events/project-events-client";
import { requireProjectAccess } from "../../middleware/auth";
import { defineRoute } from "../define-route";
import { WebhookEndpointSchema, WebhookParamsSchema } from "./schema";

const route = defineRoute({
  method: "get",
  path: "/projects/{project_id}/webhooks/{webhook_id}",
  operationId: "getWebhook",
  summary: "One webhook endpoint (never its secret), with disabled_reason when deliveries stopped",
  tags: ["Webhooks"],
  middleware: [requireProjectAccess],
  security: [{ bearerAuth: [] }],
  request: { params: WebhookParamsSchema },
  errors: [404],
  responses: {
    200: { description: "The endpoint", content: { "application/json": { schema: WebhookEndpointSchema } } },
  },
});

export function registerGetWebhook(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { project_id: projectId, webhook_id: webhookId } = c.req.valid("param");
    const endpoint = await new ProjectEventsClient(c.env.PROJECT_EVENTS, projectId).getEndpoint(webhookId);
    return c.json(WebhookEndpointSchema.parse(endpoint), 200);
  });
}
