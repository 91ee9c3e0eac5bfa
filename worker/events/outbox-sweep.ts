import { createDb } from "../db/client";
import { type Env, getSettings } from "../env";
import { Logger } from "../logger";
import { EventOutbox } from "./outbox";

/** The scheduled handler: forwards D1 outbox rows that a crash (or a failing log) left behind. */
export async function sweepEventOutbox(env: Env): Promise<number> {
  const logger = new Logger(getSettings(env).LOG_LEVEL, { component: "event_outbox" });
  const sent = await new EventOutbox(createDb(env.DB), env.PROJECT_EVENTS, logger).sweep();
  if (sent > 0) logger.info("event_outbox_swept", { events: sent });
  return sent;
}
