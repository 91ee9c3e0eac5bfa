import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../../app-env";
import { ApiError } from "../../errors";
import { documented } from "../../middleware/documented";

export const TUS_VERSION = "1.0.0";
export const TUS_EXTENSIONS = "creation,creation-with-upload,termination,expiration,checksum";
export const TUS_CHECKSUM_ALGORITHMS = "sha1";
export const OFFSET_OCTET_STREAM = "application/offset+octet-stream";

/**
 * Route middleware for the tus verbs: refuses another protocol version with 412 (plus Tus-Version),
 * and puts Tus-Resumable on every response, errors from later middleware included.
 */
export const tusProtocol = documented(
  createMiddleware<AppEnv>(async (c, next) => {
    await next();
    c.res.headers.set("Tus-Resumable", TUS_VERSION);
  }),
  [],
);

/** 412 for a missing or other Tus-Resumable version; runs after auth, so strangers learn nothing but 401/403. */
const tusVersion = createMiddleware<AppEnv>(async (c, next) => {
  // Hono serves HEAD through the GET route; only HEAD (the tus verb) requires the header there.
  const isTusRequest = c.req.method !== "GET" && c.req.method !== "OPTIONS";
  if (isTusRequest && c.req.header("tus-resumable") !== TUS_VERSION) {
    throw new ApiError("PRECONDITION_FAILED", `Unsupported Tus-Resumable version; this server speaks ${TUS_VERSION}`, {
      headers: { "Tus-Resumable": TUS_VERSION, "Tus-Version": TUS_VERSION },
    });
  }
  await next();
});
export const requireTusVersion = documented(tusVersion, (route) => (route.method === "get" ? [] : [412]));

/** A non-negative integer header (Upload-Length, Upload-Offset); undefined when absent. */
export function integerHeader(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const number = /^\d{1,16}$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!Number.isSafeInteger(number)) throw new ApiError("BAD_REQUEST", `${name} must be a non-negative integer`);
  return number;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function decodeBase64(value: string): Uint8Array | null {
  if (!BASE64.test(value)) return null;
  return Uint8Array.from(atob(value), (char) => char.charCodeAt(0));
}

/** Upload-Metadata: comma-separated `key base64value` pairs (value optional), keys unique. */
export function parseUploadMetadata(header: string | undefined): Map<string, string> {
  const metadata = new Map<string, string>();
  if (header === undefined || header.trim() === "") return metadata;
  const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
  for (const pair of header.split(",")) {
    const [key, value, ...extra] = pair.trim().split(" ");
    const bytes = value === undefined ? new Uint8Array(0) : decodeBase64(value);
    if (!key || extra.length > 0 || !/^[!-~]+$/.test(key) || metadata.has(key) || !bytes) {
      throw new ApiError(
        "BAD_REQUEST",
        "Upload-Metadata must be comma-separated 'key base64value' pairs with unique keys",
      );
    }
    try {
      metadata.set(key, utf8.decode(bytes));
    } catch {
      throw new ApiError("BAD_REQUEST", `Upload-Metadata value of '${key}' is not UTF-8`);
    }
  }
  return metadata;
}

/** Upload-Checksum: `sha1 <base64 digest>`; undefined when absent. */
export function parseUploadChecksum(header: string | undefined): Uint8Array | undefined {
  if (header === undefined) return undefined;
  const [algorithm, encoded, ...extra] = header.trim().split(" ");
  if (algorithm?.toLowerCase() !== "sha1") {
    throw new ApiError("BAD_REQUEST", `Unsupported checksum algorithm; supported: ${TUS_CHECKSUM_ALGORITHMS}`);
  }
  const digest = encoded && extra.length === 0 ? decodeBase64(encoded) : null;
  if (digest?.length !== 20) throw new ApiError("BAD_REQUEST", "Upload-Checksum must be 'sha1 <base64 of 20 bytes>'");
  return digest;
}

/** tus requires the body's media type exactly (parameters aside). */
export function isOffsetOctetStream(contentType: string | undefined): boolean {
  return contentType?.split(";")[0]?.trim().toLowerCase() === OFFSET_OCTET_STREAM;
}

/** RFC 9110 date, as Upload-Expires wants it. */
export function httpDate(iso: string): string {
  return new Date(iso).toUTCString();
}
