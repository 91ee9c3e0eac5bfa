import { createDb } from "../db/client";
import type { Env } from "../env";
import { getSettings } from "../env";
import type { Logger } from "../logger";
import { createMediaClient } from "../media/media-client";
import type { JobServices } from "./handler";

/**
 * The services handed to every handler; features that add a client (media, AI) build it here. `instance` is the
 * media service instance the scheduler chose for the attempt.
 */
export function createJobServices(env: Env, logger: Logger, instance?: number): JobServices {
  const settings = getSettings(env);
  const media = createMediaClient(env, settings, instance);
  return { db: createDb(env.DB), bucket: env.BUCKET, settings, logger, media };
}
