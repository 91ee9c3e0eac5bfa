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

/** How long stopping waits for aborted ops to kill their ffmpeg and remove their workspaces. */
const CLEANUP_TIMEOUT_MS = 10_000;

/** True when `promise` settles within `ms`. */
const settlesWithin = (promise: Promise<unknown>, ms: number): Promise<boolean> =>
  Promise.race([
    promise.then(
      () => true,
      () => true,
    ),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms)),
  ]);

/**
 * SIGTERM (container stop) and SIGINT (Ctrl-C): stop accepting, give running work a grace period, then abort
 * it (ffmpeg killed, OpenAI calls stopped). Exit only once every op has cleaned up, bounded: a slot is freed
 * after its workspace is removed, so an idle limiter means nothing is left in MEDIA_TMP_DIR. Callers retry;
 * every op is stateless.
 */
let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info("media_service_stopping", { signal, active: limiter.active, waiting: limiter.waiting });
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  const idle = limiter.idle();
  if (!(await settlesWithin(idle, config.MEDIA_SHUTDOWN_GRACE_SECONDS * 1000))) {
    shutdown.abort(new Error(`service stopping (${signal})`));
  }
  const cleaned = await settlesWithin(idle, CLEANUP_TIMEOUT_MS);
  // Responses end right after their op's cleanup; let the last events reach their callers.
  (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
  await settlesWithin(closed, 2000);
  if (cleaned) logger.info("media_service_stopped", { signal });
  else logger.error("media_service_stop_timeout", { signal, active: limiter.active });
  process.exit(cleaned ? 0 : 1);
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
