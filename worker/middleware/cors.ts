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
  const allowOrigin = (origin: string) => (anyOrigin ? origin || "*" : allowed.includes(origin) ? origin : null);
  // Only an OPTIONS with Access-Control-Request-Method is a preflight; any other OPTIONS (tus discovery)
  // reaches its route, and gets the same origin and exposed headers as any simple request.
  if (c.req.method === "OPTIONS" && c.req.header("access-control-request-method") === undefined) {
    await next();
    const origin = allowOrigin(c.req.header("origin") ?? "");
    if (origin) c.res.headers.set("Access-Control-Allow-Origin", origin);
    c.res.headers.set("Access-Control-Expose-Headers", EXPOSED_HEADERS.join(","));
    c.res.headers.append("Vary", "Origin");
    return;
  }
  return cors({
    origin: allowOrigin,
    allowMethods: ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
    allowHeaders: ALLOWED_HEADERS,
    exposeHeaders: EXPOSED_HEADERS,
    maxAge: 600,
  })(c, next);
});
