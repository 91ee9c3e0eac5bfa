import type { OpenAPIHono } from "@hono/zod-openapi";
import { z } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { ProjectEventsClient } from "../../events/project-events-client";
import { requireProjectStreamAccess } from "../../middleware/auth";
import { defineRoute } from "../define-route";
import { ProjectParamsSchema } from "../project-params";
import { BEARER_OR_STREAM_TOKEN } from "../security";
import { LastEventIdHeaderSchema, ProjectEventsQuerySchema } from "./schema";

const route = defineRoute({
  method: "get",
  path: "/projects/{project_id}/events",
  operationId: "streamProjectEvents",
  summary: "Every event of the project, live (Server-Sent Events)",
  description:
    "The project's event log as it grows, in order: each frame is `id: <event id>` (the webhook-id its deliveries " +
    "carry), `event: <type>` and `data: {type, timestamp, data}`, byte for byte the body webhooks receive. Send " +
    "`Last-Event-ID` (or `?last_event_id=`) to first receive every event after that one (kept 30 days; an id the " +
    "log no longer holds is a 409), `?types=` to receive only some types. A `: heartbeat` arrives about every 15 s. " +
    "Accepts a stream token in `?access_token=`.",
  tags: ["Webhooks"],
  middleware: [requireProjectStreamAccess],
  security: BEARER_OR_STREAM_TOKEN,
  request: { params: ProjectParamsSchema, headers: LastEventIdHeaderSchema, query: ProjectEventsQuerySchema },
  errors: [409],
  responses: {
    200: {
      description: "An event stream",
      content: {
        "text/event-stream": {
          schema: z.string().openapi({
            example:
              'id: msg_019a8c3e1f2b0a1b2c3d4e5f6a7b\nevent: job.completed\ndata: {"type":"job.completed",...}\n\n',
          }),
        },
      },
    },
  },
});

export function registerProjectEventStream(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { project_id: projectId } = c.req.valid("param");
    const { types, last_event_id: fromQuery } = c.req.valid("query");
    const lastEventId = c.req.valid("header")["last-event-id"] ?? fromQuery;
    const client = new ProjectEventsClient(c.env.PROJECT_EVENTS, projectId);
    const upstream = await client.events({ upgrade: false, lastEventId, types });
    // Re-wrapped so later middleware may add headers (request id, CORS) to an otherwise immutable response.
    return new Response(upstream.body, upstream) as never;
  });
}
