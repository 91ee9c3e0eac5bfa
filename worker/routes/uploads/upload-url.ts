import type { Context } from "hono";
import type { AppEnv } from "../../app-env";
import { tokenSigningSecret } from "../../auth/auth-mode";
import { ApiError } from "../../errors";
import { mintUploadToken } from "../../uploads/upload-tokens";
import { publicUrl } from "../public-url";

/**
 * The absolute URL of an upload. Callers with a token get a URL with the upload's own token, valid
 * until the upload expires, so a browser or phone can HEAD and PATCH it without an API key.
 */
export async function uploadLocation(c: Context<AppEnv>, projectId: string, uploadId: string, expiresAt: string) {
  const url = publicUrl(c, `/projects/${projectId}/uploads/${uploadId}`);
  if (c.get("principal").kind === "upload_token") {
    const secret = await tokenSigningSecret(c.get("services").settings);
    if (!secret) throw new ApiError("SERVICE_UNAVAILABLE", "Upload tokens cannot be signed");
    url.searchParams.set(
      "token",
      await mintUploadToken(secret, { projectId, uploadId, expiresAt: new Date(expiresAt) }),
    );
  }
  return url.toString();
}
