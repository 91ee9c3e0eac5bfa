import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env";
import { tokenSigningSecret } from "../auth/auth-mode";
import { TokenError } from "../auth/signed-token";
import { ApiError } from "../errors";
import { DIRECT_UPLOAD_PURPOSE, UPLOAD_PURPOSE, verifyUploadToken } from "../uploads/upload-tokens";
import { projectIdParam, requireProjectAccess } from "./auth";
import { documented } from "./documented";

const INVALID_TOKEN = { "WWW-Authenticate": 'Bearer realm="edge-media", error="invalid_token"' };

const uploadAccess = createMiddleware<AppEnv>(async (c, next) => {
  const token = c.req.query("token");
  if (token === undefined || c.req.header("authorization") !== undefined) return requireProjectAccess(c, next);

  const projectId = projectIdParam(c);
  const secret = await tokenSigningSecret(c.get("services").settings);
  if (!secret)
    throw new ApiError("SERVICE_UNAVAILABLE", "Upload tokens cannot be verified: authentication is not configured");
  const uploadId = c.req.param("upload_id");
  const purpose = uploadId === undefined ? DIRECT_UPLOAD_PURPOSE : UPLOAD_PURPOSE;
  let claims: Awaited<ReturnType<typeof verifyUploadToken>>;
  try {
    claims = await verifyUploadToken(secret, purpose, token);
  } catch (error) {
    if (!(error instanceof TokenError)) throw error;
    const message = error.reason === "expired" ? "The upload URL expired" : "Invalid upload token";
    throw new ApiError("UNAUTHORIZED", message, { headers: INVALID_TOKEN });
  }
  // The same message for both, so a token never reveals whether another project or upload exists.
  if (claims.projectId !== projectId || (uploadId !== undefined && claims.uploadId !== uploadId)) {
    throw new ApiError("FORBIDDEN", "This upload token does not grant access to this resource");
  }
  c.set("principal", { kind: "upload_token", projectId, uploadId: claims.uploadId, maxSize: claims.maxSize });
  await next();
});

/**
 * tus routes: an API key (as requireProjectAccess), or, without an Authorization header, a signed
 * `?token=` from a direct upload URL. On the collection it must be a direct-upload token (creates its
 * one upload); on an upload it must be that upload's token. Either way only within its project.
 */
export const requireUploadAccess = documented(uploadAccess, requireProjectAccess.errorStatuses, {
  checkedParams: requireProjectAccess.checkedParams,
});
