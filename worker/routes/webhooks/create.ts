import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { ProjectEventsClient } from "../../events/project-events-client";
import { assertWebhookUrl } from "../../events/webhook-url";
import { requireProjectAccess } from "../../middleware/auth";
import { jsonBodyLimit } from "../../middleware/json-body-limit";
import { defineRoute } from "../define-route";
import { ProjectParamsSchema } from "../project-params";
import { CreateWebhookRequestSchema, WebhookEndpointWithSecretSchema } from "./schema";

const route = defineRoute({
  method: "post",
  path: "/projects/{project_id}/webhooks",
  operationId: "createWebhook",
  summary: "Add a webhook endpoint; its signing secret is shown once",
  description:
    "Deliveries follow the Standard Webhooks specification (v1): a POST with `{type, timestamp, data}` and the " +
    "headers webhook-id, webhook-timestamp and webhook-signature, verifiable with the `standardwebhooks` or `svix` " +
    "libraries and the secret in this answer. A project has at most 20 endpoints (409 beyond).",
  tags: ["Webhooks"],
  middleware: [requireProjectAccess, jsonBodyLimit],
  security: [{ bearerAuth: [] }],
  request: {
    params: ProjectParamsSchema,
    body: { required: true, content: { "application/json": { schema: CreateWebhookRequestSchema } } },
  },
  errors: [409],
  responses: {
    201: {
      description: "The endpoint, with its only plaintext copy of the signing secret",
      content: { "application/json": { schema: WebhookEndpointWithSecretSchema } },
    },
  },
});

export function registerCreateWebhook(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { project_id: projectId } = c.req.valid("param");
    const body = c.req.valid("json");
    const { settings, logger } = c.get("services");
    assertWebhookUrl(body.url, settings.DEPLOY_ENV);
    const { endpoint, secret } = await new ProjectEventsClient(c.env.PROJECT_EVENTS, projectId).createEndpoint({
      url: body.url,
      events: body.events,
      description: body.description ?? null,
      enabled: body.enabled ?? true,
    });
    // The id only: the secret must never reach the logs.
    logger.info("webhook_created", { project_id: projectId, webhook_id: endpoint.id });
    return c.json(WebhookEndpointWithSecretSchema.parse({ ...endpoint, secret }), 201, {
      Location: `/projects/${projectId}/webhooks/${endpoint.id}`,
    });
  });
}
