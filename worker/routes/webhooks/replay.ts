import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { ProjectEventsClient } from "../../events/project-events-client";
import { requireProjectAccess } from "../../middleware/auth";
import { jsonBodyLimit } from "../../middleware/json-body-limit";
import { defineRoute } from "../define-route";
import { WebhookParamsSchema } from "./schema";

const ReplayRequestSchema = z
  .strictObject({
    since: z.iso
      .datetime({ offset: true })
      .openapi({ description: "Failed deliveries created at or after this time", example: "2026-11-24T08:00:00Z" }),
  })
  .openapi("ReplayWebhookRequest");

const ReplayResultSchema = z
  .object({ replayed: z.number().int().nonnegative().openapi({ example: 12 }) })
  .openapi("ReplayWebhookResult");

const route = defineRoute({
  method: "post",
  path: "/projects/{project_id}/webhooks/{webhook_id}/replay",
  operationId: "replayWebhookDeliveries",
  summary: "Send every failed delivery since a time again (after an outage on the receiver's side)",
  description:
    "Each failed delivery of this endpoint created since `since` becomes pending again, in event order, due at " +
    "once and at the start of the retry schedule. 409 while the endpoint is disabled.",
  tags: ["Webhooks"],
  middleware: [requireProjectAccess, jsonBodyLimit],
  security: [{ bearerAuth: [] }],
  request: {
    params: WebhookParamsSchema,
    body: { required: true, content: { "application/json": { schema: ReplayRequestSchema } } },
  },
  errors: [404, 409],
  responses: {
    202: {
      description: "How many deliveries were started again",
      content: { "application/json": { schema: ReplayResultSchema } },
    },
  },
});

export function registerReplayWebhookDeliveries(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { project_id: projectId, webhook_id: webhookId } = c.req.valid("param");
    const { since } = c.req.valid("json");
    const client = new ProjectEventsClient(c.env.PROJECT_EVENTS, projectId);
    const result = await client.replay(webhookId, new Date(since).toISOString());
    return c.json(ReplayResultSchema.parse(result), 202);
  });
}
