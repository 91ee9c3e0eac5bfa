import type { Context } from "hono";
import type { AppEnv } from "../app-env";

/**
 * An absolute URL of this API for a client to call later. PUBLIC_BASE_URL when configured, so a proxy's or
 * a caller's Host header cannot decide where clients are sent; otherwise the origin the request came to.
 */
export function publicUrl(c: Context<AppEnv>, path: string): URL {
  return new URL(path, c.get("services").settings.PUBLIC_BASE_URL ?? c.req.url);
}
