import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { ProjectEventsClient } from "../../events/project-events-client";
import { assertWebhookUrl } from "../../events/webhook-url";
import { requireProjectAccess } from "../../middleware/auth";
import { jsonBodyLimit } from "../../middleware/json-body-limit";
import { defineRoute } from "../define-route";
import { UpdateWebhookRequestSchema, WebhookEndpointSchema, WebhookParamsSchema } from "./schema";

const route = defineRoute({
  method: "patch",
  path: "/projects/{project_id}/webhooks/{webhook_id}",
  operationId: "updateWebhook",
  summary: "Change an endpoint's URL, events or description, or disable and enable it",
  description:
    "Enabling a disabled endpoint (whatever its disabled_reason) clears the reason and the three-day failure " +
    "clock; deliveries that failed meanwhile can be sent again with replay.",
  tags: ["Webhooks"],
  middleware: [requireProjectAccess, jsonBodyLimit],
  security: [{ bearerAuth: [] }],
  request: {
    params: WebhookParamsSchema,
    body: { required: true, content: { "application/json": { schema: UpdateWebhookRequestSchema } } },
  },
  errors: [404],
  responses: {
    200: { description: "The endpoint", content: { "application/json": { schema: WebhookEndpointSchema } } },
  },
});

export function registerUpdateWebhook(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { project_id: projectId, webhook_id: webhookId } = c.req.valid("param");
    const changes = c.req.valid("json");
    if (changes.url !== undefined) assertWebhookUrl(changes.url, c.get("services").settings.DEPLOY_ENV);
    const endpoint = await new ProjectEventsClient(c.env.PROJECT_EVENTS, projectId).updateEndpoint(webhookId, changes);
    return c.json(WebhookEndpointSchema.parse(endpoint), 200);
  });
}
