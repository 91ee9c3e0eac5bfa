import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { ApiError } from "../../errors";
import { requireProjectStreamAccess } from "../../middleware/auth";
import { defineRoute } from "../define-route";
import { BEARER_OR_STREAM_TOKEN } from "../security";
import { loadProjectJob } from "./job-access";
import { JobParamsSchema } from "./schema";

/**
 * Declines permessage-deflate, which browsers always offer. Every event is a full job snapshot sent to
 * every subscriber, and deflating it costs CPU per socket per event: on the local stack, where one workerd
 * thread runs the job object and every connection, it was about a third of the CPU per event with 200
 * subscribers, and inflating was the largest cost for the clients (`npm run bench:events`). The price is
 * bandwidth: snapshots (about 1 KB plus logs) travel uncompressed. workerd negotiates compression itself
 * unless the response names extensions, and agrees to none when the value is not a permessage-deflate
 * offer; the header itself is not sent to the client.
 */
export const NO_WEBSOCKET_COMPRESSION = "identity";

const route = defineRoute({
  method: "get",
  path: "/projects/{project_id}/jobs/{job_id}/ws",
  operationId: "jobEventsWebSocket",
  summary: "Live job events (WebSocket)",
  description:
    'Upgrade to a WebSocket. Each text message is `{"id": <event id>, "job": <full job>}`, starting with the ' +
    "current job; pass the last id you received as `?last_event_id=` to receive only what you missed instead " +
    "(browsers cannot set Last-Event-ID on a WebSocket). The server closes with code 1000 after the job " +
    "reaches a terminal status. Send `ping` to get `pong`. Accepts a stream token in `?access_token=`.",
  tags: ["Jobs"],
  middleware: [requireProjectStreamAccess],
  security: BEARER_OR_STREAM_TOKEN,
  request: {
    params: JobParamsSchema,
    query: z.object({
      last_event_id: z
        .string()
        .regex(/^\d{1,15}$/, "must be a non-negative integer event id")
        .optional()
        .openapi({
          param: { name: "last_event_id", in: "query" },
          description: "The last event id received, to replay what was missed after a reconnect",
          example: "12",
        }),
      access_token: z
        .string()
        .optional()
        .openapi({ param: { name: "access_token", in: "query" } }),
    }),
  },
  errors: [400, 404],
  responses: {
    101: { description: "Switching protocols to a WebSocket" },
  },
});

export function registerJobWebSocket(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    if (c.req.header("Upgrade")?.toLowerCase() !== "websocket") {
      throw new ApiError("BAD_REQUEST", "Expected a WebSocket upgrade (Upgrade: websocket)");
    }
    const { project_id: projectId, job_id: jobId } = c.req.valid("param");
    const { last_event_id: lastEventId } = c.req.valid("query");
    const { client } = await loadProjectJob(c.env, projectId, jobId);
    const upstream = await client.events({ upgrade: true, lastEventId });
    const headers = new Headers(upstream.headers);
    headers.set("Sec-WebSocket-Extensions", NO_WEBSOCKET_COMPRESSION);
    return new Response(null, { status: 101, webSocket: upstream.webSocket, headers }) as never;
  });
}
