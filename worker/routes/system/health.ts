import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { defineRoute } from "../define-route";

export const HealthSchema = z
  .object({
    status: z.literal("healthy").openapi({ example: "healthy" }),
    timestamp: z.iso.datetime().openapi({ example: "2026-01-01T12:30:00.000Z" }),
  })
  .openapi("Health");

const route = defineRoute({
  method: "get",
  path: "/health",
  operationId: "getHealth",
  summary: "Liveness check",
  tags: ["System"],
  responses: {
    200: {
      description: "The API is up",
      content: { "application/json": { schema: HealthSchema } },
    },
  },
});

export function registerHealth(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, (c) =>
    c.json(
      HealthSchema.parse({
        status: "healthy",
        timestamp: new Date().toISOString(),
      }),
      200,
    ),
  );
}
