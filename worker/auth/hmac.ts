import { BoundedCache } from "../bounded-cache";
import { base64Url } from "../bytes";

const encoder = new TextEncoder();

// Every token check signs or verifies under one of a handful of secrets; importing the key each time costs more
// than the HMAC itself. A failed import is not kept.
const importedKeys = new BoundedCache<string, Promise<CryptoKey>>(16);

function importKey(secret: string): Promise<CryptoKey> {
  const cached = importedKeys.get(secret);
  if (cached) return cached;
  const key = crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
    "verify",
  ]);
  importedKeys.set(secret, key);
  key.catch(() => importedKeys.delete(secret));
  return key;
}

/** HMAC-SHA-256 of `data`, base64url without padding. */
export async function hmacSign(secret: string, data: string): Promise<string> {
  const signature = await crypto.subtle.sign("HMAC", await importKey(secret), encoder.encode(data));
  return base64Url.encode(new Uint8Array(signature));
}

/** Checks a signature made by hmacSign; WebCrypto's verify compares in constant time. */
export async function hmacVerify(secret: string, data: string, signature: string): Promise<boolean> {
  const bytes = base64Url.decode(signature);
  if (bytes?.length !== 32) return false;
  return crypto.subtle.verify("HMAC", await importKey(secret), bytes, encoder.encode(data));
}

/**
 * Constant-time string equality. Both sides are hashed first so the comparison always runs over
 * 32 bytes and leaks neither the content nor the length of the secret.
 */
export async function constantTimeEqual(a: string, b: string): Promise<boolean> {
  const [left, right] = await Promise.all([
    crypto.subtle.digest("SHA-256", encoder.encode(a)),
    crypto.subtle.digest("SHA-256", encoder.encode(b)),
  ]);
  return crypto.subtle.timingSafeEqual(left, right);
}

/** `byteLength` random bytes, base64url. */
export function randomToken(byteLength: number): string {
  return base64Url.encode(crypto.getRandomValues(new Uint8Array(byteLength)));
}
