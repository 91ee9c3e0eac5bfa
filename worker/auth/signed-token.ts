import { base64Url } from "../bytes";
import { hmacSign, hmacVerify } from "./hmac";

/**
 * Compact HMAC-signed tokens: `base64url(json claims).base64url(signature)`.
 * `purpose` is signed into the claims so a token minted for one use (stream access, a direct
 * upload URL, ...) is never accepted for another, even under the same secret.
 */
export interface SignedClaims {
  /** What the token is for, e.g. "stream". */
  purpose: string;
  /** Expiry, Unix seconds. */
  exp: number;
  [claim: string]: unknown;
}

export type TokenFailure = "malformed" | "bad_signature" | "wrong_purpose" | "expired";

/** Domain error for a token that must not be honoured; routes map it to 401. */
export class TokenError extends Error {
  constructor(readonly reason: TokenFailure) {
    super(`Token rejected: ${reason}`);
    this.name = "TokenError";
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export async function signToken(secret: string, claims: SignedClaims): Promise<string> {
  const body = base64Url.encode(encoder.encode(JSON.stringify(claims)));
  return `${body}.${await hmacSign(secret, body)}`;
}

/** Returns the claims of a valid, unexpired token for `purpose`; throws TokenError otherwise. */
export async function verifyToken(
  secret: string,
  purpose: string,
  token: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): Promise<SignedClaims> {
  const parts = token.split(".");
  if (parts.length !== 2 || !parts[0] || !parts[1]) throw new TokenError("malformed");
  const [body, signature] = parts;
  // The signature is checked before the body is parsed, so unauthenticated input never reaches JSON.parse.
  if (!(await hmacVerify(secret, body, signature))) throw new TokenError("bad_signature");
  const bytes = base64Url.decode(body);
  if (!bytes) throw new TokenError("malformed");
  let claims: unknown;
  try {
    claims = JSON.parse(decoder.decode(bytes));
  } catch {
    throw new TokenError("malformed");
  }
  if (typeof claims !== "object" || claims === null) throw new TokenError("malformed");
  const { purpose: tokenPurpose, exp } = claims as Partial<SignedClaims>;
  if (tokenPurpose !== purpose) throw new TokenError("wrong_purpose");
  if (typeof exp !== "number" || !Number.isFinite(exp)) throw new TokenError("malformed");
  if (exp <= nowSeconds) throw new TokenError("expired");
  return claims as SignedClaims;
}
