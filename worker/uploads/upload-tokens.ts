import { signToken, TokenError, verifyToken } from "../auth/signed-token";

/** A direct upload URL's token: creates exactly one upload (its id is fixed in the token). */
export const DIRECT_UPLOAD_PURPOSE = "direct_upload";
/** The token in a created upload's Location: HEAD, PATCH and DELETE of that one upload. */
export const UPLOAD_PURPOSE = "upload";

export interface DirectUploadClaims {
  projectId: string;
  uploadId: string;
  /** Upload-Length the creation may ask for at most; null means RESUMABLE_UPLOAD_MAX_SIZE. */
  maxSize: number | null;
  expiresAt: Date;
}

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

export function mintDirectUploadToken(secret: string, claims: DirectUploadClaims): Promise<string> {
  return signToken(secret, {
    purpose: DIRECT_UPLOAD_PURPOSE,
    exp: seconds(claims.expiresAt),
    project_id: claims.projectId,
    upload_id: claims.uploadId,
    max_size: claims.maxSize,
  });
}

export function mintUploadToken(
  secret: string,
  claims: { projectId: string; uploadId: string; expiresAt: Date },
): Promise<string> {
  return signToken(secret, {
    purpose: UPLOAD_PURPOSE,
    exp: seconds(claims.expiresAt),
    project_id: claims.projectId,
    upload_id: claims.uploadId,
  });
}

/** Verifies either kind of token for `purpose`; throws TokenError when it must not be honoured. */
export async function verifyUploadToken(
  secret: string,
  purpose: typeof DIRECT_UPLOAD_PURPOSE | typeof UPLOAD_PURPOSE,
  token: string,
  nowSeconds?: number,
): Promise<DirectUploadClaims> {
  const claims = await verifyToken(secret, purpose, token, nowSeconds);
  const { project_id: projectId, upload_id: uploadId, max_size: maxSize } = claims;
  if (typeof projectId !== "string" || typeof uploadId !== "string") throw new TokenError("malformed");
  if (maxSize !== undefined && maxSize !== null && !Number.isSafeInteger(maxSize)) throw new TokenError("malformed");
  return {
    projectId,
    uploadId,
    maxSize: typeof maxSize === "number" ? maxSize : null,
    expiresAt: new Date(claims.exp * 1000),
  };
}
