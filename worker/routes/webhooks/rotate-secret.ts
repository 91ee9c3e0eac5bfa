import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { ProjectEventsClient } from "../../events/project-events-client";
import { requireProjectAccess } from "../../middleware/auth";
import { defineRoute } from "../define-route";
import { WebhookEndpointWithSecretSchema, WebhookParamsSchema } from "./schema";

const route = defineRoute({
  method: "post",
  path: "/projects/{project_id}/webhooks/{webhook_id}/rotate-secret",
  operationId: "rotateWebhookSecret",
  summary: "Replace the signing secret; both sign for 24 hours",
  description:
    "For 24 hours (until `secret_rotation_ends_at`) every delivery carries two signatures in webhook-signature, " +
    "space-separated: one with the new secret and one with the old, so receivers can switch without missing any.",
  tags: ["Webhooks"],
  middleware: [requireProjectAccess],
  security: [{ bearerAuth: [] }],
  request: { params: WebhookParamsSchema },
  errors: [404],
  responses: {
    200: {
      description: "The endpoint with its new secret, shown only here",
      content: { "application/json": { schema: WebhookEndpointWithSecretSchema } },
    },
  },
});

export function registerRotateWebhookSecret(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { project_id: projectId, webhook_id: webhookId } = c.req.valid("param");
    const { endpoint, secret } = await new ProjectEventsClient(c.env.PROJECT_EVENTS, projectId).rotateSecret(webhookId);
    c.get("logger").info("webhook_secret_rotated", { project_id: projectId, webhook_id: webhookId });
    return c.json(WebhookEndpointWithSecretSchema.parse({ ...endpoint, secret }), 200);
  });
}
