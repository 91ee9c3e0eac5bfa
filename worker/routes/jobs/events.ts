import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { requireProjectStreamAccess } from "../../middleware/auth";
import { defineRoute } from "../define-route";
import { BEARER_OR_STREAM_TOKEN } from "../security";
import { loadProjectJob } from "./job-access";
import { JobParamsSchema } from "./schema";

const route = defineRoute({
  method: "get",
  path: "/projects/{project_id}/jobs/{job_id}/events",
  operationId: "streamJobEvents",
  summary: "Live job events (Server-Sent Events)",
  description:
    "Each event is `event: job` with the full job as `data` and an increasing `id`. The first event is the " +
    "current job; send `Last-Event-ID` to receive only what you missed instead. A `: heartbeat` comment " +
    "arrives about every 15 s. The stream ends after the job reaches a terminal status. Accepts a stream " +
    "token in `?access_token=` for EventSource clients that cannot set headers.",
  tags: ["Jobs"],
  middleware: [requireProjectStreamAccess],
  security: BEARER_OR_STREAM_TOKEN,
  request: {
    params: JobParamsSchema,
    headers: z.object({
      "last-event-id": z
        .string()
        .max(32)
        .optional()
        // Header names are case-insensitive; the document uses the lower-case key Hono validates.
        .openapi({
          description: "Last-Event-ID: the last event id received, to replay what was missed",
          example: "12",
        }),
    }),
    query: z.object({
      access_token: z
        .string()
        .optional()
        .openapi({ param: { name: "access_token", in: "query" } }),
    }),
  },
  errors: [404],
  responses: {
    200: {
      description: "An event stream of job snapshots",
      content: {
        "text/event-stream": { schema: z.string().openapi({ example: "id: 3\nevent: job\ndata: {...}\n\n" }) },
      },
    },
  },
});

export function registerJobEvents(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { project_id: projectId, job_id: jobId } = c.req.valid("param");
    const { client } = await loadProjectJob(c.env, projectId, jobId);
    const upstream = await client.events({ upgrade: false, lastEventId: c.req.header("Last-Event-ID") });
    // Re-wrapped so later middleware may add headers (request id, CORS) to an otherwise immutable response.
    return new Response(upstream.body, upstream) as never;
  });
}
