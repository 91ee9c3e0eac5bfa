import { z } from "@hono/zod-openapi";
import { PROJECT_EVENT_TYPES } from "../../events/event-types";

const EVENT_ID = /^msg_[A-Za-z0-9]{1,64}$/;

/** Query parameters both project event streams share. */
export const ProjectEventsQuerySchema = z.object({
  types: z
    .string()
    .max(400)
    .transform((value) => [...new Set(value.split(",").map((type) => type.trim()))])
    .pipe(z.array(z.enum(PROJECT_EVENT_TYPES)))
    .optional()
    .openapi({
      param: { name: "types", in: "query" },
      description: `Comma-separated event types to receive (default: all): ${PROJECT_EVENT_TYPES.join(", ")}`,
      example: "asset.ready,job.failed",
    }),
  last_event_id: z
    .string()
    .regex(EVENT_ID, "must be an event id (msg_...)")
    .optional()
    .openapi({
      param: { name: "last_event_id", in: "query" },
      description: "The last event id received, to replay what followed it (as the Last-Event-ID header does)",
      example: "msg_019a8c3e1f2b0a1b2c3d4e5f6a7b",
    }),
  access_token: z
    .string()
    .optional()
    .openapi({ param: { name: "access_token", in: "query" } }),
});

export const LastEventIdHeaderSchema = z.object({
  "last-event-id": z
    .string()
    .regex(EVENT_ID, "must be an event id (msg_...)")
    .optional()
    .openapi({ description: "Last-Event-ID: the last event id received, to replay what followed it" }),
});
