import { Hono } from "hono";
import { createLogger } from "./logger";
import { type MediaOp, registerOp, type ServiceDeps } from "./operation";
import { InputServer } from "./protocol/input-server";
import type { MediaOpName, MediaOps } from "./protocol/media-ops";
import { chaptersOp } from "./routes/chapters";
import { registerHealth } from "./routes/health";
import { probeOp } from "./routes/probe";
import { quizOp } from "./routes/quiz";
import { renderOp } from "./routes/render";
import { scenesOp } from "./routes/scenes";
import { transcribeOp } from "./routes/transcribe";
import { translateOp } from "./routes/translate";
import { requireServiceSecret } from "./service-auth";

/** One op per contract in protocol/media-ops.ts: the compiler rejects a contract without its op. */
const OPS = {
  probe: probeOp,
  transcribe: transcribeOp,
  scenes: scenesOp,
  render: renderOp,
  quiz: quizOp,
  translate: translateOp,
  chapters: chaptersOp,
} satisfies { [Name in MediaOpName]: MediaOp<MediaOps[Name]> };

/**
 * The media service. Ops are registered explicitly, one file each under routes/; all but /health need the
 * shared secret.
 * `shutdown` aborts all running work (SIGTERM). The logger defaults to one at the config's LOG_LEVEL.
 */
export function createApp(
  services: Omit<ServiceDeps, "logger" | "inputServer"> & Partial<Pick<ServiceDeps, "logger" | "inputServer">>,
  shutdown: AbortSignal = new AbortController().signal,
) {
  const deps: ServiceDeps = {
    ...services,
    logger: services.logger ?? createLogger(services.config.LOG_LEVEL),
    inputServer: services.inputServer ?? new InputServer(),
  };
  const app = new Hono();

  app.use("*", requireServiceSecret(deps.config.MEDIA_SERVICE_SECRET));
  registerHealth(app, deps);
  for (const op of Object.values(OPS)) registerOp(app, op, deps, shutdown);

  app.notFound((c) =>
    c.json({ error: { code: "NOT_FOUND", message: `No route for ${c.req.method} ${c.req.path}` } }, 404),
  );
  app.onError((error, c) => {
    deps.logger.error("unhandled_error", { error: String(error), stack: error.stack });
    return c.json({ error: { code: "INTERNAL_ERROR", message: "Internal media service error" } }, 500);
  });
  return app;
}
