import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { decodeCursor, encodeCursor, isCreatedKey } from "../../db/cursor";
import { DELIVERY_STATUSES } from "../../events/delivery-store";
import { ProjectEventsClient } from "../../events/project-events-client";
import { requireProjectAccess } from "../../middleware/auth";
import { defineRoute } from "../define-route";
import { WebhookDeliveryListSchema, WebhookParamsSchema } from "./schema";

const QuerySchema = z.object({
  status: z
    .enum(DELIVERY_STATUSES)
    .optional()
    .openapi({
      param: { name: "status", in: "query" },
      description: "Only deliveries in this state",
      example: "failed",
    }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(20)
    .openapi({ param: { name: "limit", in: "query" }, description: "Page size (1-100)", example: 20 }),
  cursor: z
    .string()
    .max(512)
    .optional()
    .openapi({ param: { name: "cursor", in: "query" }, description: "next_cursor of the previous page" }),
});

const route = defineRoute({
  method: "get",
  path: "/projects/{project_id}/webhooks/{webhook_id}/deliveries",
  operationId: "listWebhookDeliveries",
  summary: "The endpoint's delivery log: every attempt's time, status, latency and first 1 KB of the answer",
  description: "Newest first. Deliveries are kept 30 days.",
  tags: ["Webhooks"],
  middleware: [requireProjectAccess],
  security: [{ bearerAuth: [] }],
  request: { params: WebhookParamsSchema, query: QuerySchema },
  errors: [404],
  responses: {
    200: {
      description: "A page of deliveries",
      content: { "application/json": { schema: WebhookDeliveryListSchema } },
    },
  },
});

export function registerListWebhookDeliveries(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { project_id: projectId, webhook_id: webhookId } = c.req.valid("param");
    const { status, limit, cursor } = c.req.valid("query");
    const after = cursor ? decodeCursor(cursor, isCreatedKey) : undefined;
    const client = new ProjectEventsClient(c.env.PROJECT_EVENTS, projectId);
    const page = await client.listDeliveries(webhookId, { status, limit, after });
    const last = page.items.at(-1);
    const nextCursor = page.more && last ? encodeCursor([last.created_at, last.id]) : null;
    return c.json(WebhookDeliveryListSchema.parse({ items: page.items, next_cursor: nextCursor }), 200);
  });
}
