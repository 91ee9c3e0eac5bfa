import { signToken, TokenError, verifyToken } from "./signed-token";

/** EventSource, WebSocket and `<video src>` cannot send headers, so these tokens travel in `?access_token=`. */
export const STREAM_TOKEN_PURPOSE = "stream";
export const STREAM_TOKEN_MAX_TTL_SECONDS = 900;
const CLOCK_SKEW_SECONDS = 60;

export interface StreamToken {
  token: string;
  projectId: string;
  expiresAt: Date;
}

export async function mintStreamToken(
  secret: string,
  projectId: string,
  ttlSeconds: number,
  now = new Date(),
): Promise<StreamToken> {
  const ttl = Math.min(Math.max(1, Math.floor(ttlSeconds)), STREAM_TOKEN_MAX_TTL_SECONDS);
  const exp = Math.floor(now.getTime() / 1000) + ttl;
  const token = await signToken(secret, { purpose: STREAM_TOKEN_PURPOSE, exp, project_id: projectId });
  return { token, projectId, expiresAt: new Date(exp * 1000) };
}

/** Returns the project a valid stream token is scoped to; throws TokenError otherwise. */
export async function verifyStreamToken(
  secret: string,
  token: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): Promise<string> {
  const claims = await verifyToken(secret, STREAM_TOKEN_PURPOSE, token, nowSeconds);
  if (typeof claims.project_id !== "string") throw new TokenError("malformed");
  // Nothing here mints longer-lived tokens, so one that claims to be is refused rather than trusted.
  if (claims.exp > nowSeconds + STREAM_TOKEN_MAX_TTL_SECONDS + CLOCK_SKEW_SECONDS) throw new TokenError("malformed");
  return claims.project_id;
}
