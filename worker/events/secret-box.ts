import { base64Url } from "../bytes";

/**
 * Webhook signing secrets at rest: AES-256-GCM under a key derived with HKDF-SHA-256 from the token signing secret
 * (TOKEN_SIGNING_SECRET, else the key derived from ADMIN_API_KEY; see auth/auth-mode.ts). The endpoint id is the
 * additional data, so a sealed secret copied onto another endpoint does not open.
 */

const VERSION = "v1";
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export async function secretBoxKey(signingSecret: string): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey("raw", encoder.encode(signingSecret), "HKDF", false, ["deriveKey"]);
  return crypto.subtle.deriveKey(
    {
      name: "HKDF",
      hash: "SHA-256",
      salt: encoder.encode("edge-media:webhook-secrets"),
      info: encoder.encode(VERSION),
    },
    material,
    { name: "AES-GCM", length: 256 },
    false,
    ["encrypt", "decrypt"],
  );
}

/** `v1.<iv>.<ciphertext>`, both base64url. */
export async function sealSecret(key: CryptoKey, plaintext: string, boundTo: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv, additionalData: encoder.encode(boundTo) },
    key,
    encoder.encode(plaintext),
  );
  return `${VERSION}.${base64Url.encode(iv)}.${base64Url.encode(new Uint8Array(sealed))}`;
}

/** The plaintext; throws when the value was not sealed under this key for `boundTo`. */
export async function openSecret(key: CryptoKey, sealed: string, boundTo: string): Promise<string> {
  const [version, iv, data] = sealed.split(".");
  const ivBytes = base64Url.decode(iv ?? "");
  const dataBytes = base64Url.decode(data ?? "");
  if (version !== VERSION || !ivBytes || !dataBytes) throw new Error("Unreadable sealed secret");
  const plain = await crypto.subtle.decrypt(
    { name: "AES-GCM", iv: ivBytes, additionalData: encoder.encode(boundTo) },
    key,
    dataBytes,
  );
  return decoder.decode(plain);
}
