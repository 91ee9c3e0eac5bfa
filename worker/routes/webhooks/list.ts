import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { ProjectEventsClient } from "../../events/project-events-client";
import { requireProjectAccess } from "../../middleware/auth";
import { defineRoute } from "../define-route";
import { ProjectParamsSchema } from "../project-params";
import { WebhookEndpointListSchema } from "./schema";

const route = defineRoute({
  method: "get",
  path: "/projects/{project_id}/webhooks",
  operationId: "listWebhooks",
  summary: "List the project's webhook endpoints (never their secrets)",
  tags: ["Webhooks"],
  middleware: [requireProjectAccess],
  security: [{ bearerAuth: [] }],
  request: { params: ProjectParamsSchema },
  responses: {
    200: {
      description: "Every endpoint, oldest first",
      content: { "application/json": { schema: WebhookEndpointListSchema } },
    },
  },
});

export function registerListWebhooks(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { project_id: projectId } = c.req.valid("param");
    const items = await new ProjectEventsClient(c.env.PROJECT_EVENTS, projectId).listEndpoints();
    return c.json(WebhookEndpointListSchema.parse({ items }), 200);
  });
}
