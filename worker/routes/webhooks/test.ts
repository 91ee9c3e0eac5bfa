import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { ProjectEventsClient } from "../../events/project-events-client";
import { requireProjectAccess } from "../../middleware/auth";
import { defineRoute } from "../define-route";
import { WebhookDeliverySchema, WebhookParamsSchema } from "./schema";

const route = defineRoute({
  method: "post",
  path: "/projects/{project_id}/webhooks/{webhook_id}/test",
  operationId: "testWebhook",
  summary: "Send a webhook.test event to this endpoint now and return the delivery",
  description:
    "The event goes to this endpoint only and is not part of the project's event log. The answer comes after the " +
    "first attempt (at most 15 s); a failed test delivery is retried like any other.",
  tags: ["Webhooks"],
  middleware: [requireProjectAccess],
  security: [{ bearerAuth: [] }],
  request: { params: WebhookParamsSchema },
  errors: [404],
  responses: {
    200: {
      description: "The delivery after its first attempt",
      content: { "application/json": { schema: WebhookDeliverySchema } },
    },
  },
});

export function registerTestWebhook(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { project_id: projectId, webhook_id: webhookId } = c.req.valid("param");
    const delivery = await new ProjectEventsClient(c.env.PROJECT_EVENTS, projectId).sendTest(webhookId);
    return c.json(WebhookDeliverySchema.parse(delivery), 200);
  });
}
