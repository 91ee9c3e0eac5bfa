import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { tokenSigningSecret } from "../../auth/auth-mode";
import { mintStreamToken, STREAM_TOKEN_MAX_TTL_SECONDS } from "../../auth/stream-token";
import { ApiError } from "../../errors";
import { requireProjectAccess } from "../../middleware/auth";
import { jsonBodyLimit } from "../../middleware/json-body-limit";
import { defineRoute } from "../define-route";
import { ProjectParamsSchema } from "../project-params";
import { CreateStreamTokenRequestSchema, StreamTokenSchema } from "./schema";

const route = defineRoute({
  method: "post",
  path: "/projects/{project_id}/stream-tokens",
  operationId: "createStreamToken",
  summary:
    "Mint a short-lived token for browser event streams and players (EventSource, WebSocket, <video> cannot send headers)",
  tags: ["Auth"],
  middleware: [requireProjectAccess, jsonBodyLimit],
  security: [{ bearerAuth: [] }],
  request: {
    params: ProjectParamsSchema,
    body: { required: false, content: { "application/json": { schema: CreateStreamTokenRequestSchema } } },
  },
  errors: [503],
  responses: {
    201: {
      description: "A signed token scoped to this project",
      content: { "application/json": { schema: StreamTokenSchema } },
    },
  },
});

export function registerCreateStreamToken(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { project_id: projectId } = c.req.valid("param");
    const { ttl_seconds: ttl = STREAM_TOKEN_MAX_TTL_SECONDS } = c.req.valid("json");
    const secret = await tokenSigningSecret(c.get("services").settings);
    // The middleware already answered 503 when auth is misconfigured; this guards the invariant.
    if (!secret) throw new ApiError("SERVICE_UNAVAILABLE", "Token signing is not configured");
    const minted = await mintStreamToken(secret, projectId, ttl);
    const body = StreamTokenSchema.parse({
      token: minted.token,
      project_id: minted.projectId,
      expires_at: minted.expiresAt.toISOString(),
      expires_in: ttl,
    });
    return c.json(body, 201);
  });
}
