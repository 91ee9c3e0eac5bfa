import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { FFMPEG_SOURCES } from "./ffmpeg/binaries";
import { MIN_SERVICE_SECRET_LENGTH } from "./protocol/service-auth";

const int = (fallback: number, min = 0) => z.coerce.number().int().min(min).default(fallback);

/** The service's whole environment, parsed once at start-up; nothing else reads process.env. */
export const ConfigSchema = z.object({
  PORT: int(8080, 1).pipe(z.number().max(65535)),
  /** Loopback unless told otherwise: the container image sets 0.0.0.0, where the Container binding reaches it. */
  HOST: z.string().min(1).default("127.0.0.1"),
  /** Shared with the Worker; every request but /health must carry it. Required: without it the service does not start. */
  MEDIA_SERVICE_SECRET: z
    .string({ error: "is required (the secret the Worker sends; the service refuses to run open)" })
    .min(MIN_SERVICE_SECRET_LENGTH, `must be at least ${MIN_SERVICE_SECRET_LENGTH} characters`),
  LOG_LEVEL: z
    .string()
    .default("info")
    .transform((value) => value.toLowerCase())
    .pipe(z.enum(["debug", "info", "warning", "error"])),
  /** 0 lets ffmpeg pick; the Worker passes its FFMPEG_THREADS setting through the container's envVars. */
  FFMPEG_THREADS: int(2, 0),
  /** `auto`: PATH first, then the npm-shipped builds. */
  FFMPEG_SOURCE: z.enum(FFMPEG_SOURCES).default("auto"),
  MEDIA_MAX_CONCURRENCY: int(2, 1),
  /** How long a request over the bound waits for a slot before it gets 503 + Retry-After. */
  MEDIA_QUEUE_WAIT_MS: int(2000, 0),
  MEDIA_TMP_DIR: z.string().min(1).default(path.join(os.tmpdir(), "media-service")),
  MEDIA_MAX_INPUT_BYTES: int(5 * 1024 * 1024 * 1024, 1),
  /** Seconds to let running work finish after SIGTERM before the process exits anyway. */
  MEDIA_SHUTDOWN_GRACE_SECONDS: int(20, 0),
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: z.url().optional(),
  OPENAI_ORGANIZATION: z.string().optional(),
  OPENAI_REQUEST_TIMEOUT: int(120, 1),
  OPENAI_MAX_RETRIES: int(3, 0),
});
export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Empty strings count as unset, so `FOO=` in a shell or envVars falls back to the default. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const input: Record<string, string> = {};
  for (const name of Object.keys(ConfigSchema.shape)) {
    const value = env[name];
    if (value !== undefined && value !== "") input[name] = value;
  }
  const parsed = ConfigSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid media service configuration: ${issues.join("; ")}`);
  }
  return parsed.data;
}
