/**
 * Standard Webhooks v1 symmetric signatures: `v1,<base64 HMAC-SHA256 of "id.timestamp.body">` under the key that
 * the `whsec_` secret's base64 encodes. A receiver verifies them with the `standardwebhooks` or `svix` libraries.
 */

export const SECRET_PREFIX = "whsec_";
// The spec allows 24 to 64 bytes.
const SECRET_BYTES = 32;

const encoder = new TextEncoder();

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** A new signing secret, `whsec_` + base64 of 32 random bytes. */
export function newSigningSecret(): string {
  return SECRET_PREFIX + toBase64(crypto.getRandomValues(new Uint8Array(SECRET_BYTES)));
}

/** The HMAC key a `whsec_` secret stands for; non-extractable. */
export function importSigningKey(secret: string): Promise<CryptoKey> {
  const raw = Uint8Array.from(atob(secret.slice(SECRET_PREFIX.length)), (char) => char.charCodeAt(0));
  return crypto.subtle.importKey("raw", raw, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
}

/**
 * The webhook-signature header: one `v1,` signature per key, space-separated (the current secret first, then the
 * previous one while a rotation's overlap lasts).
 */
export async function signatureHeader(
  keys: readonly CryptoKey[],
  id: string,
  timestampSeconds: number,
  body: string,
): Promise<string> {
  const content = encoder.encode(`${id}.${timestampSeconds}.${body}`);
  const signatures = await Promise.all(
    keys.map(async (key) => `v1,${toBase64(new Uint8Array(await crypto.subtle.sign("HMAC", key, content)))}`),
  );
  return signatures.join(" ");
}
