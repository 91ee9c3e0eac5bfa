import type { Database } from "./db/client";
import type { Env, Settings } from "./env";
import type { Logger } from "./logger";

/** Per-request services, built once by the request-context middleware. */
export interface Services {
  db: Database;
  settings: Settings;
  logger: Logger;
}

/** Who is calling, set by the auth middleware. `open` means auth is off (local development without ADMIN_API_KEY). */
export type Principal =
  | { kind: "admin" }
  | { kind: "open" }
  | { kind: "project"; projectId: string; keyId: string }
  | { kind: "stream_token"; projectId: string }
  /** A signed direct-upload or upload URL token: one tus upload of one project, nothing else. */
  | { kind: "upload_token"; projectId: string; uploadId: string; maxSize: number | null }
  /** A learner token: one learner on one quiz, its attempt routes and its lesson's media. */
  | { kind: "learner_token"; projectId: string; quizId: string; assetId: string; learnerId: string };

export interface AppEnv {
  Bindings: Env;
  Variables: {
    requestId: string;
    logger: Logger;
    services: Services;
    principal: Principal;
  };
}
