import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { ApiError, errorResponses } from "../../errors";
import { requireProjectStreamAccess } from "../../middleware/auth";
import { BEARER_OR_STREAM_TOKEN } from "../security";
import { loadProjectJob } from "./job-access";
import { JobParamsSchema } from "./schema";

const route = createRoute({
  method: "get",
  path: "/projects/{project_id}/jobs/{job_id}/ws",
  operationId: "jobEventsWebSocket",
  summary: "Live job events (WebSocket)",
  description:
    'Upgrade to a WebSocket. Each text message is `{"id": <event id>, "job": <full job>}`, starting with the ' +
    "current job. The server closes with code 1000 after the job reaches a terminal status. Send `ping` to get " +
    "`pong`. Accepts a stream token in `?access_token=`.",
  tags: ["Jobs"],
  middleware: [requireProjectStreamAccess] as const,
  security: BEARER_OR_STREAM_TOKEN,
  request: {
    params: JobParamsSchema,
    query: z.object({
      access_token: z
        .string()
        .optional()
        .openapi({ param: { name: "access_token", in: "query" } }),
    }),
  },
  responses: {
    101: { description: "Switching protocols to a WebSocket" },
    ...errorResponses(400, 401, 403, 404, 422, 429),
  },
});

export function registerJobWebSocket(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    if (c.req.header("Upgrade")?.toLowerCase() !== "websocket") {
      throw new ApiError("BAD_REQUEST", "Expected a WebSocket upgrade (Upgrade: websocket)");
    }
    const { project_id: projectId, job_id: jobId } = c.req.valid("param");
    const { stub } = await loadProjectJob(c.env, projectId, jobId);
    const upstream = await stub.fetch("https://job.internal/ws", { headers: { Upgrade: "websocket" } });
    return new Response(null, { status: 101, webSocket: upstream.webSocket, headers: upstream.headers }) as never;
  });
}
