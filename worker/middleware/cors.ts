import { cors } from "hono/cors";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env";

// Headers browser clients need to read: request ids, ranges, rate limits and the tus protocol.
const EXPOSED_HEADERS = [
  "X-Request-Id",
  "Content-Range",
  "Content-Length",
  "Accept-Ranges",
  "ETag",
  "Last-Modified",
  "Retry-After",
  "WWW-Authenticate",
  "Location",
  "Asset-Id",
  "Upload-Offset",
  "Upload-Length",
  "Upload-Metadata",
  "Upload-Expires",
  "Tus-Version",
  "Tus-Resumable",
  "Tus-Extension",
  "Tus-Max-Size",
  "Tus-Checksum-Algorithm",
];

const ALLOWED_HEADERS = [
  "Authorization",
  "Content-Type",
  "Range",
  "If-None-Match",
  "If-Modified-Since",
  "If-Range",
  "X-Request-Id",
  "Last-Event-ID",
  "Upload-Offset",
  "Upload-Length",
  "Upload-Metadata",
  "Upload-Checksum",
  "Upload-Defer-Length",
  "Tus-Resumable",
  "X-HTTP-Method-Override",
];

/** CORS for the configured CORS_ORIGINS; `*` is honoured only when it is configured. */
export const corsPolicy = createMiddleware<AppEnv>(async (c, next) => {
  const allowed = c.get("services").settings.CORS_ORIGINS;
  const anyOrigin = allowed.includes("*");
  return cors({
    origin: (origin) => (anyOrigin ? origin || "*" : allowed.includes(origin) ? origin : null),
    allowMethods: ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
    allowHeaders: ALLOWED_HEADERS,
    exposeHeaders: EXPOSED_HEADERS,
    maxAge: 600,
  })(c, next);
});
