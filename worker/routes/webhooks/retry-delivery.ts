import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { ProjectEventsClient } from "../../events/project-events-client";
import { requireProjectAccess } from "../../middleware/auth";
import { defineRoute } from "../define-route";
import { DeliveryParamsSchema, WebhookDeliverySchema } from "./schema";

const route = defineRoute({
  method: "post",
  path: "/projects/{project_id}/webhooks/{webhook_id}/deliveries/{delivery_id}/retry",
  operationId: "retryWebhookDelivery",
  summary: "Send one delivery again, now",
  description:
    "The delivery becomes pending, due at once and at the start of the retry schedule; it keeps its webhook-id. " +
    "409 while the endpoint is disabled.",
  tags: ["Webhooks"],
  middleware: [requireProjectAccess],
  security: [{ bearerAuth: [] }],
  request: { params: DeliveryParamsSchema },
  errors: [404, 409],
  responses: {
    202: { description: "The delivery, pending", content: { "application/json": { schema: WebhookDeliverySchema } } },
  },
});

export function registerRetryWebhookDelivery(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { project_id: projectId, webhook_id: webhookId, delivery_id: deliveryId } = c.req.valid("param");
    const client = new ProjectEventsClient(c.env.PROJECT_EVENTS, projectId);
    const delivery = await client.retryDelivery(webhookId, deliveryId);
    return c.json(WebhookDeliverySchema.parse(delivery), 202);
  });
}
