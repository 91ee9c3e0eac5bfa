import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { ApiError } from "../../errors";
import { ProjectEventsClient } from "../../events/project-events-client";
import { requireProjectStreamAccess } from "../../middleware/auth";
import { defineRoute } from "../define-route";
import { NO_WEBSOCKET_COMPRESSION } from "../jobs/ws";
import { ProjectParamsSchema } from "../project-params";
import { BEARER_OR_STREAM_TOKEN } from "../security";
import { ProjectEventsQuerySchema } from "./schema";

const route = defineRoute({
  method: "get",
  path: "/projects/{project_id}/events/ws",
  operationId: "projectEventsWebSocket",
  summary: "Every event of the project, live (WebSocket)",
  description:
    'Upgrade to a WebSocket. Each text message is `{"id", "type", "timestamp", "data"}`: the webhook body with ' +
    "the event id (the webhook-id) in front, in log order. `?last_event_id=` first replays every event after that " +
    "one (409 when the log no longer holds it), `?types=` filters. Send `ping` to get `pong`. Accepts a stream " +
    "token in `?access_token=`.",
  tags: ["Webhooks"],
  middleware: [requireProjectStreamAccess],
  security: BEARER_OR_STREAM_TOKEN,
  request: { params: ProjectParamsSchema, query: ProjectEventsQuerySchema },
  errors: [400, 409],
  responses: { 101: { description: "Switching protocols to a WebSocket" } },
});

export function registerProjectEventWebSocket(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    if (c.req.header("Upgrade")?.toLowerCase() !== "websocket") {
      throw new ApiError("BAD_REQUEST", "Expected a WebSocket upgrade (Upgrade: websocket)");
    }
    const { project_id: projectId } = c.req.valid("param");
    const { types, last_event_id: lastEventId } = c.req.valid("query");
    const client = new ProjectEventsClient(c.env.PROJECT_EVENTS, projectId);
    const upstream = await client.events({ upgrade: true, lastEventId, types });
    const headers = new Headers(upstream.headers);
    // As for job sockets (routes/jobs/ws.ts): deflating each event once per socket costs more than it saves.
    headers.set("Sec-WebSocket-Extensions", NO_WEBSOCKET_COMPRESSION);
    return new Response(null, { status: 101, webSocket: upstream.webSocket, headers }) as never;
  });
}
