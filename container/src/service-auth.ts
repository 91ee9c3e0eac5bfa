import { createHash, timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import type { ServiceErrorBody } from "./protocol/contract";
import { bearerToken } from "./protocol/service-auth";

// Equal-length digests, so the comparison takes the same time whatever the caller sent.
const digest = (value: string) => createHash("sha256").update(value).digest();

/**
 * Refuses every request but GET /health that does not carry the shared secret: 401 in the service's error
 * body. The secret (and what a caller sent) is never logged or echoed.
 */
export function requireServiceSecret(secret: string): MiddlewareHandler {
  const expected = digest(secret);
  return async (c, next) => {
    if (c.req.method === "GET" && c.req.path === "/health") return next();
    const given = bearerToken(c.req.header("authorization"));
    if (given && timingSafeEqual(digest(given), expected)) return next();
    const body: ServiceErrorBody = {
      error: {
        code: "UNAUTHORIZED",
        message: "Missing or wrong media service secret: the Worker and the service need the same MEDIA_SERVICE_SECRET",
      },
    };
    return c.json(body, 401);
  };
}
