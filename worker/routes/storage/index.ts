import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { registerGetProjectStorageStats } from "./project-stats";
import { registerGetStorageStats } from "./stats";
import { registerWipeProjectStorage } from "./wipe";

export function registerStorageRoutes(app: OpenAPIHono<AppEnv>) {
  registerGetStorageStats(app);
  registerGetProjectStorageStats(app);
  registerWipeProjectStorage(app);
}
