import { z } from "zod";
import { MIN_SERVICE_SECRET_LENGTH } from "../container/src/protocol/service-auth";
import { capacityIssues } from "./jobs/capacity";

const intSetting = (fallback: number, min = 0) => z.coerce.number().int().min(min).default(fallback);

const boolSetting = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no", "TRUE", "FALSE", "True", "False"])
    .default(fallback ? "true" : "false")
    .transform((value) => ["true", "1", "yes"].includes(value.toLowerCase()));

const csvSetting = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((value) =>
      value
        .split(",")
        .map((item) => item.trim())
        .filter(Boolean),
    );

/** An http(s) origin such as `https://api.example.com` (a trailing slash is dropped); nothing after the host. */
const originSetting = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).transform((value, ctx) => {
  // Runs only on a valid http(s) URL.
  const url = new URL(value);
  if (url.pathname !== "/" || url.search || url.hash || url.username || url.password) {
    ctx.issues.push({
      code: "custom",
      input: value,
      message: "must be an origin only, like https://api.example.com (no path, query or credentials)",
    });
    return z.NEVER;
  }
  return url.origin;
});

/**
 * Every setting of the original FastAPI service, same names and defaults, plus the platform ones.
 * Values arrive as strings (wrangler [vars], .dev.vars, secrets) and are parsed once here.
 */
export const SettingsSchema = z.object({
  DEPLOY_ENV: z.enum(["development", "production", "test"]).default("production"),
  APP_NAME: z.string().min(1).default("Quiz System Backend"),
  APP_VERSION: z.string().min(1).default("0.1.0"),
  DEBUG: boolSetting(false),
  LOG_LEVEL: z
    .string()
    .default("INFO")
    .transform((value) => value.toUpperCase())
    .pipe(z.enum(["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"])),
  CORS_ORIGINS: csvSetting("http://localhost:3000,http://127.0.0.1:3000"),
  UPLOAD_MAX_SIZE: intSetting(500 * 1024 * 1024, 1),
  /** Largest resumable (tus) upload, advertised as Tus-Max-Size. R2 multipart allows up to 10,000 parts. */
  RESUMABLE_UPLOAD_MAX_SIZE: intSetting(5 * 1024 * 1024 * 1024, 1),
  /** Seconds an unfinished resumable upload lives before its alarm aborts it. */
  RESUMABLE_UPLOAD_EXPIRY_SECONDS: intSetting(24 * 60 * 60, 60),
  FFMPEG_THREADS: intSetting(2, 0),
  VIDEO_OUTPUT_FORMAT: z.enum(["mp4", "mov", "webm"]).default("mp4"),
  /** Jobs running at once in the whole deployment: the run slots of the job scheduler. */
  JOB_CONCURRENCY: intSetting(2, 1),
  /** The original service's name for JOB_CONCURRENCY: accepted only when it says the same. */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).optional(),
  /** Queued + running jobs per project before POST /jobs answers 429. */
  MAX_QUEUE_SIZE: intSetting(100, 1),
  /** Queued + running jobs in all projects together before POST /jobs answers 429. */
  MAX_TOTAL_QUEUED_JOBS: intSetting(5000, 1),
  JOB_MAX_ATTEMPTS: intSetting(3, 1),
  /**
   * Webhook requests one endpoint may have out at once, started in event order. 1 (the default) keeps each
   * endpoint's deliveries strictly in order; more lets a slow round trip pass more events, which may then arrive
   * out of order.
   */
  WEBHOOK_MAX_IN_FLIGHT: intSetting(1, 1),
  JOB_RETRY_DELAY_SECONDS: intSetting(5, 0),
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_ORGANIZATION: z.string().optional(),
  OPENAI_BASE_URL: z.url().optional(),
  OPENAI_REQUEST_TIMEOUT: intSetting(120, 1),
  OPENAI_MAX_RETRIES: intSetting(3, 0),
  OPENAI_TRANSCRIPTION_MODEL: z.string().min(1).default("whisper-1"),
  OPENAI_TRANSCRIPTION_CHUNK_SECONDS: intSetting(600, 10),
  OPENAI_TRANSCRIPTION_SAMPLE_RATE: intSetting(16000, 8000),
  OPENAI_SCENE_MODEL: z.string().min(1).default("gpt-4o-mini"),
  OPENAI_SCENE_MAX_SCENES: intSetting(8, 1),
  /** Chat model of quiz generation and its answerability check. */
  OPENAI_QUIZ_MODEL: z.string().min(1).default("gpt-4o-mini"),
  OPENAI_TRANSLATION_MODEL: z.string().min(1).default("gpt-4o-mini"),
  OPENAI_CHAPTER_MODEL: z.string().min(1).default("gpt-4o-mini"),
  /** Origin clients reach the API at, for the absolute URLs it hands out (upload_url, tus Location). Unset: the request's Host. */
  PUBLIC_BASE_URL: originSetting.optional(),
  /**
   * Base URLs of media service processes (local dev, tests), comma-separated: one per media instance, or one that
   * all instances share. Unset: the MEDIA_CONTAINER binding is used.
   */
  MEDIA_SERVICE_URL: z
    .string()
    .transform((value) =>
      value
        .split(",")
        .map((url) => url.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url()).min(1, "must list at least one URL"))
    .optional(),
  /**
   * Shared secret the media service requires on every call but /health (a Worker secret, passed to the container).
   * Unset: media calls fail at once with a configuration error; the service itself does not start without it.
   */
  MEDIA_SERVICE_SECRET: z
    .string()
    .min(MIN_SERVICE_SECRET_LENGTH, `must be at least ${MIN_SERVICE_SECRET_LENGTH} characters`)
    .optional(),
  /** Container instances media calls are spread over: at most JOB_CONCURRENCY and [[containers]] max_instances. */
  MEDIA_CONTAINER_INSTANCES: intSetting(2, 1),
  /** Secret with full access. Unset: auth is off in development, protected routes answer 503 elsewhere. */
  ADMIN_API_KEY: z.string().optional(),
  /** Secret for signed tokens (stream tokens, upload URLs). Unset: derived from ADMIN_API_KEY. */
  TOKEN_SIGNING_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** Window of the API_RATE_LIMITER binding (wrangler.toml simple.period), used for Retry-After. */
  RATE_LIMIT_PERIOD_SECONDS: z.enum(["10", "60"]).default("10").transform(Number),
});

export type Settings = z.infer<typeof SettingsSchema>;
export type SettingName = keyof typeof SettingsSchema.shape;
export const SETTING_NAMES = Object.keys(SettingsSchema.shape) as SettingName[];

/**
 * Raw environment as the runtime hands it over: the bindings and [vars] of wrangler.toml, typed by
 * `npm run types` (worker/worker-configuration.d.ts). Secrets are not in it; they, like every setting,
 * are read through getSettings only.
 */
export type Env = Cloudflare.Env;

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration: ${issues.join("; ")}`);
    this.name = "ConfigError";
  }
}

/** Parses raw string settings; empty strings count as unset. Throws ConfigError naming each bad variable. */
export function parseSettings(raw: object): Settings {
  const input: Record<string, unknown> = {};
  for (const name of SETTING_NAMES) {
    const value = (raw as Record<string, unknown>)[name];
    if (value !== undefined && value !== "") input[name] = value;
  }
  const parsed = SettingsSchema.safeParse(input);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  const { WORKER_CONCURRENCY, JOB_CONCURRENCY } = parsed.data;
  const issues = capacityIssues(parsed.data);
  if (WORKER_CONCURRENCY !== undefined && WORKER_CONCURRENCY !== JOB_CONCURRENCY) {
    issues.push(
      `WORKER_CONCURRENCY: ${WORKER_CONCURRENCY} differs from JOB_CONCURRENCY (${JOB_CONCURRENCY}), the one concurrency setting; remove it`,
    );
  }
  if (issues.length > 0) throw new ConfigError(issues);
  return parsed.data;
}

// The env object is stable for an isolate, so settings are parsed once per isolate, not per request.
const cache = new WeakMap<object, Settings>();

export function getSettings(env: Env): Settings {
  let settings = cache.get(env);
  if (!settings) {
    settings = parseSettings(env);
    cache.set(env, settings);
  }
  return settings;
}
