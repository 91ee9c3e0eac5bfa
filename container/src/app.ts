import { Hono } from "hono";
import type { ServiceDeps } from "./operation";
import { registerOp } from "./operation";
import { registerHealth } from "./routes/health";
import { probeOp } from "./routes/probe";
import { renderOp } from "./routes/render";

/**
 * The media service. Ops are registered explicitly, one file each under routes/.
 * `shutdown` aborts all running work (SIGTERM).
 */
export function createApp(deps: ServiceDeps, shutdown: AbortSignal = new AbortController().signal) {
  const app = new Hono();

  registerHealth(app, deps);
  registerOp(app, probeOp, deps, shutdown);
  registerOp(app, renderOp, deps, shutdown);

  app.notFound((c) => c.json({ error: { code: "NOT_FOUND", message: `No route for ${c.req.method} ${c.req.path}` } }, 404));
  app.onError((error, c) => {
    console.error(JSON.stringify({ level: "ERROR", message: "unhandled_error", error: String(error), stack: error.stack }));
    return c.json({ error: { code: "INTERNAL_ERROR", message: "Internal media service error" } }, 500);
  });
  return app;
}
