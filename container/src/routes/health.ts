import type { Hono } from "hono";
import type { ServiceDeps } from "../operation";

/** Liveness plus what a caller needs to pick an instance or debug one: ffmpeg build and load. */
export function registerHealth(app: Hono, deps: ServiceDeps) {
  app.get("/health", (c) =>
    c.json({
      status: "ok",
      ffmpeg: { version: deps.ffmpeg.version, source: deps.ffmpeg.source },
      active: deps.limiter.active,
      waiting: deps.limiter.waiting,
      max_concurrency: deps.limiter.max,
    }),
  );
}
