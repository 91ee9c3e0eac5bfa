import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { tokenSigningSecret } from "../../auth/auth-mode";
import { ApiError } from "../../errors";
import { requireProjectAccess } from "../../middleware/auth";
import { jsonBodyLimit } from "../../middleware/json-body-limit";
import { newUploadId } from "../../uploads/upload-stub";
import { mintDirectUploadToken } from "../../uploads/upload-tokens";
import { defineRoute } from "../define-route";
import { ProjectParamsSchema } from "../project-params";
import { publicUrl } from "../public-url";
import { DirectUploadRequestSchema, DirectUploadSchema } from "./schema";

const DEFAULT_EXPIRES_IN_SECONDS = 3600;

const route = defineRoute({
  method: "post",
  path: "/projects/{project_id}/uploads/direct",
  operationId: "createDirectUpload",
  summary: "Create a one-time tus upload URL for a browser or phone without an API key",
  description:
    "The URL is a tus creation endpoint for this project with a signed token: it creates exactly one " +
    "upload (its id is fixed in the token), of at most max_size_bytes, before expires_at.",
  tags: ["Uploads"],
  middleware: [requireProjectAccess, jsonBodyLimit],
  security: [{ bearerAuth: [] }],
  request: {
    params: ProjectParamsSchema,
    body: { required: false, content: { "application/json": { schema: DirectUploadRequestSchema } } },
  },
  errors: [422, 503],
  responses: {
    201: { description: "The upload URL", content: { "application/json": { schema: DirectUploadSchema } } },
  },
});

export function registerCreateDirectUpload(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { project_id: projectId } = c.req.valid("param");
    const body = c.req.valid("json") ?? {};
    const { settings, logger } = c.get("services");
    const ceiling = settings.RESUMABLE_UPLOAD_MAX_SIZE;
    if (body.max_size_bytes !== undefined && body.max_size_bytes > ceiling) {
      throw new ApiError("VALIDATION_ERROR", "Request validation failed", {
        details: [{ path: "max_size_bytes", message: `Must be at most ${ceiling}`, code: "too_big" }],
      });
    }
    const secret = await tokenSigningSecret(settings);
    if (!secret)
      throw new ApiError("SERVICE_UNAVAILABLE", "Upload URLs cannot be signed: authentication is not configured");
    const uploadId = newUploadId();
    const expiresAt = new Date(Date.now() + (body.expires_in_seconds ?? DEFAULT_EXPIRES_IN_SECONDS) * 1000);
    const maxSize = body.max_size_bytes ?? ceiling;
    const token = await mintDirectUploadToken(secret, { projectId, uploadId, maxSize, expiresAt });
    const url = publicUrl(c, `/projects/${projectId}/uploads`);
    url.searchParams.set("token", token);
    logger.info("direct_upload_created", { project_id: projectId, upload_id: uploadId, max_size: maxSize });
    const response = DirectUploadSchema.parse({
      id: uploadId,
      upload_url: url.toString(),
      expires_at: expiresAt.toISOString(),
      max_size_bytes: maxSize,
    });
    return c.json(response, 201);
  });
}
