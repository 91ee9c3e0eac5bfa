import { z } from "@hono/zod-openapi";
import { STREAM_TOKEN_MAX_TTL_SECONDS } from "../../auth/stream-token";

export const CreateStreamTokenRequestSchema = z
  .strictObject({
    ttl_seconds: z
      .number()
      .int()
      .min(1)
      .max(STREAM_TOKEN_MAX_TTL_SECONDS)
      .optional()
      .openapi({ description: "Lifetime in seconds, at most 900 (the default)", example: 300 }),
  })
  .openapi("CreateStreamTokenRequest");

export const StreamTokenSchema = z
  .object({
    token: z.string().openapi({
      description:
        "Pass as `?access_token=` to the event routes (SSE and WebSocket) and to a video's content, thumbnail and storyboard (players)",
      example: "eyJwdXJwb3NlIjoic3RyZWFtIiwiZXhwIjoxNzk1NDk4NDAwfQ.3q2-7wX0i0yQ6q9G1qk6yXk2H1o3b0gq2ZbYqfV9c8E",
    }),
    project_id: z.string().openapi({ example: "lesson-app" }),
    expires_at: z.iso.datetime().openapi({ example: "2026-11-24T03:15:00.000Z" }),
    expires_in: z.number().int().openapi({ description: "Seconds until expiry", example: 900 }),
  })
  .openapi("StreamToken");
export type StreamTokenResponse = z.infer<typeof StreamTokenSchema>;
