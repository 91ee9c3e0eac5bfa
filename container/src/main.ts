import { mkdir } from "node:fs/promises";
import { serve } from "@hono/node-server";
import { createApp } from "./app";
import { parseConfig } from "./config";
import { resolveBinaries } from "./ffmpeg/binaries";
import { ConcurrencyLimiter } from "./limiter";
import { createLogger } from "./logger";

const config = parseConfig(process.env);
const logger = createLogger(config.LOG_LEVEL);
const ffmpeg = await resolveBinaries({ prefer: config.FFMPEG_SOURCE });
await mkdir(config.MEDIA_TMP_DIR, { recursive: true });
const limiter = new ConcurrencyLimiter(config.MEDIA_MAX_CONCURRENCY, config.MEDIA_QUEUE_WAIT_MS);
const shutdown = new AbortController();
const app = createApp({ config, limiter, ffmpeg, logger }, shutdown.signal);

const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
  logger.info("media_service_listening", {
    port: info.port,
    host: config.HOST,
    ffmpeg: ffmpeg.ffmpeg,
    ffprobe: ffmpeg.ffprobe,
    ffmpeg_source: ffmpeg.source,
    ffmpeg_version: ffmpeg.version,
    max_concurrency: config.MEDIA_MAX_CONCURRENCY,
  });
});

/**
 * SIGTERM (container stop, Ctrl-C in dev): stop accepting, give running work a grace period, then abort it
 * so ffmpeg is killed and workspaces are removed before exit. Callers retry; every op is stateless.
 */
let stopping = false;
function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info("media_service_stopping", { signal, active: limiter.active });
  server.close(() => process.exit(0));
  const grace = setTimeout(
    () => shutdown.abort(new Error(`service stopping (${signal})`)),
    config.MEDIA_SHUTDOWN_GRACE_SECONDS * 1000,
  );
  grace.unref();
  // Abort leaves a moment for cleanup; the hard exit guards against a stuck connection.
  setTimeout(() => process.exit(0), config.MEDIA_SHUTDOWN_GRACE_SECONDS * 1000 + 3000).unref();
}
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));
