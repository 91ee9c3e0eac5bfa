import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env";
import { createDb } from "../db/client";
import { getSettings } from "../env";
import { handleError } from "../errors";
import { Logger } from "../logger";

// Accept a caller's request id only if it is short and printable, so it is safe to log and echo.
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * First middleware: request id, logger, settings and services, plus one access-log line.
 * Settings are validated here, so a bad value fails the request with a message naming it.
 */
export const requestContext = createMiddleware<AppEnv>(async (c, next) => {
  const started = Date.now();
  const incoming = c.req.header("x-request-id");
  const requestId = incoming && REQUEST_ID_PATTERN.test(incoming) ? incoming : crypto.randomUUID();
  c.set("requestId", requestId);
  // A fallback logger exists before settings parse, so even a configuration error is logged.
  c.set("logger", new Logger("INFO", { request_id: requestId }));

  try {
    const settings = getSettings(c.env);
    const logger = new Logger(settings.LOG_LEVEL, { request_id: requestId });
    c.set("logger", logger);
    c.set("services", { db: createDb(c.env.DB), settings, logger });
    await next();
  } catch (error) {
    // Errors from later handlers are already turned into responses by Hono; this catches our own (bad settings).
    c.res = handleError(error as Error, c);
  } finally {
    // c.res is the final response here, including ones produced by onError.
    c.res.headers.set("X-Request-Id", requestId);
    c.get("logger").info("request", {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      duration_ms: Date.now() - started,
    });
  }
});
