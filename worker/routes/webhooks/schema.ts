import { z } from "@hono/zod-openapi";
import { DELIVERY_STATUSES } from "../../events/delivery-store";
import { MAX_ENDPOINTS } from "../../events/endpoint-store";
import { PROJECT_EVENT_TYPES } from "../../events/event-types";
import { WEBHOOK_URL_MAX_LENGTH } from "../../events/webhook-url";
import { ProjectIdSchema } from "../project-params";

export const EventTypeSchema = z.enum(PROJECT_EVENT_TYPES).openapi("WebhookEventType", { example: "job.completed" });

const EndpointEventsSchema = z
  .array(z.union([z.literal("*"), EventTypeSchema]))
  .min(1)
  .max(PROJECT_EVENT_TYPES.length)
  .refine((events) => !events.includes("*") || events.length === 1, { message: '"*" stands alone: every event' })
  .transform((events) => [...new Set(events)] as ["*"] | (typeof PROJECT_EVENT_TYPES)[number][])
  .openapi({ description: 'The event types to deliver, or `["*"]` for every one', example: ["asset.ready"] });

const urlField = z
  .string()
  .max(WEBHOOK_URL_MAX_LENGTH)
  .openapi({
    description:
      "Where deliveries are POSTed: https (http too outside production), no credentials, at most 2048 characters; " +
      "in production not localhost nor a private, loopback or link-local IP address",
    example: "https://hooks.example.com/edge-media",
  });
const descriptionField = z.string().max(500).nullable().openapi({ example: "Lesson app backend" });

export const CreateWebhookRequestSchema = z
  .strictObject({
    url: urlField,
    events: EndpointEventsSchema,
    description: descriptionField.optional(),
    enabled: z.boolean().optional().openapi({ description: "Default true", example: true }),
  })
  .openapi("CreateWebhookRequest");

export const UpdateWebhookRequestSchema = z
  .strictObject({
    url: urlField.optional(),
    events: EndpointEventsSchema.optional(),
    description: descriptionField.optional(),
    enabled: z.boolean().optional().openapi({
      description: "false disables the endpoint (its pending deliveries fail); true enables it again",
      example: true,
    }),
  })
  .openapi("UpdateWebhookRequest");

export const WebhookEndpointSchema = z
  .object({
    id: z.string().openapi({ example: "wh_3f0c9a2e8a4b4a579b0e2d6c1f7e5a10" }),
    project_id: z.string().openapi({ example: "lesson-app" }),
    url: z.string().openapi({ example: "https://hooks.example.com/edge-media" }),
    description: z.string().nullable().openapi({ example: null }),
    events: z.array(z.string()).openapi({ example: ["*"] }),
    enabled: z.boolean().openapi({ example: true }),
    disabled_reason: z
      .enum(["gone", "failing", "manual"])
      .nullable()
      .openapi({
        description:
          "Why deliveries stopped: `gone` (the endpoint answered 410), `failing` (every attempt failed for three " +
          "days), `manual` (disabled with PATCH); null while enabled",
        example: null,
      }),
    disabled_at: z.iso.datetime().nullable().openapi({ example: null }),
    secret_rotation_ends_at: z.iso.datetime().nullable().openapi({
      description: "Until then deliveries also carry a signature made with the secret before the last rotation",
      example: null,
    }),
    created_at: z.iso.datetime().openapi({ example: "2026-11-24T10:00:00.000Z" }),
    updated_at: z.iso.datetime().openapi({ example: "2026-11-24T10:00:00.000Z" }),
  })
  .openapi("WebhookEndpoint");

export const WebhookEndpointWithSecretSchema = WebhookEndpointSchema.extend({
  secret: z.string().openapi({
    description: "The signing secret (`whsec_` + base64). Shown only here; store it to verify deliveries",
    example: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  }),
}).openapi("WebhookEndpointWithSecret");

export const WebhookEndpointListSchema = z
  .object({ items: z.array(WebhookEndpointSchema).max(MAX_ENDPOINTS) })
  .openapi("WebhookEndpointList");

export const WebhookAttemptSchema = z
  .object({
    attempted_at: z.iso.datetime().openapi({ example: "2026-11-24T10:00:05.120Z" }),
    status_code: z.number().int().nullable().openapi({ description: "Null when no answer came", example: 500 }),
    latency_ms: z.number().int().openapi({ example: 84 }),
    response_body: z.string().nullable().openapi({ description: "The first 1 KB of the answer", example: "oops" }),
    error: z.string().nullable().openapi({ description: "Why no status arrived", example: null }),
    next_attempt_at: z.iso.datetime().nullable().openapi({
      description: "When the next attempt was scheduled after this one",
      example: "2026-11-24T10:00:10.000Z",
    }),
  })
  .openapi("WebhookAttempt");

export const WebhookDeliverySchema = z
  .object({
    id: z.string().openapi({ example: "dlv_019a8c3e1f2b4c6d8e9fa0b1" }),
    webhook_id: z.string().openapi({ example: "wh_3f0c9a2e8a4b4a579b0e2d6c1f7e5a10" }),
    event_id: z.string().openapi({ description: "The webhook-id header", example: "msg_019a8c3e1f2b0a1b2c3d4e5f6a7b" }),
    event_type: z.string().openapi({ example: "job.completed" }),
    status: z.enum(DELIVERY_STATUSES).openapi({ example: "succeeded" }),
    attempt_count: z.number().int().openapi({ example: 2 }),
    next_attempt_at: z.iso.datetime().nullable().openapi({ example: null }),
    created_at: z.iso.datetime().openapi({ example: "2026-11-24T10:00:05.000Z" }),
    updated_at: z.iso.datetime().openapi({ example: "2026-11-24T10:00:10.300Z" }),
    attempts: z.array(WebhookAttemptSchema),
  })
  .openapi("WebhookDelivery");

export const WebhookDeliveryListSchema = z
  .object({
    items: z.array(WebhookDeliverySchema),
    next_cursor: z.string().nullable().openapi({ description: "Pass as `cursor` for the next page", example: null }),
  })
  .openapi("WebhookDeliveryList");

export const WebhookParamsSchema = z.object({
  project_id: ProjectIdSchema,
  webhook_id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: "webhook_id", in: "path" }, example: "wh_3f0c9a2e8a4b4a579b0e2d6c1f7e5a10" }),
});

export const DeliveryParamsSchema = WebhookParamsSchema.extend({
  delivery_id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: "delivery_id", in: "path" }, example: "dlv_019a8c3e1f2b4c6d8e9fa0b1" }),
});
