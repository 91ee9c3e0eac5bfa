import { Container } from "@cloudflare/containers";
import { type Env, getSettings } from "../env";
import { mediaOpsPerInstance } from "../jobs/capacity";

/** Container port the media service listens on (its PORT). */
export const MEDIA_SERVICE_PORT = 8080;

/**
 * The media service (container/) as a Cloudflare Container. Deliberately thin: it only starts the image
 * with the settings the service needs. Everything that talks to it goes through worker/media/media-client.ts,
 * which is tested against the same service running as a local process (Container DOs cannot run under
 * vitest-pool-workers, workers-sdk#10408).
 */
export class MediaContainer extends Container<Env> {
  override defaultPort = MEDIA_SERVICE_PORT;
  // Instances hold no state between calls; sleeping after a quiet spell only costs a cold start.
  override sleepAfter = "10m";

  constructor(ctx: ConstructorParameters<typeof Container>[0], env: Env) {
    super(ctx, env);
    const settings = getSettings(env);
    const vars: Record<string, string | number | undefined> = {
      PORT: MEDIA_SERVICE_PORT,
      FFMPEG_THREADS: settings.FFMPEG_THREADS,
      // Follows JOB_CONCURRENCY: the instances together take one op of every running job.
      MEDIA_MAX_CONCURRENCY: mediaOpsPerInstance(settings),
      OPENAI_API_KEY: settings.OPENAI_API_KEY,
      OPENAI_BASE_URL: settings.OPENAI_BASE_URL,
      OPENAI_ORGANIZATION: settings.OPENAI_ORGANIZATION,
      OPENAI_REQUEST_TIMEOUT: settings.OPENAI_REQUEST_TIMEOUT,
      OPENAI_MAX_RETRIES: settings.OPENAI_MAX_RETRIES,
      // The service refuses to start without it, and every call but /health must carry it.
      MEDIA_SERVICE_SECRET: settings.MEDIA_SERVICE_SECRET,
    };
    this.envVars = Object.fromEntries(
      Object.entries(vars).flatMap(([name, value]) => (value === undefined ? [] : [[name, String(value)]])),
    );
  }
}
