import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { registerCreateApiKey } from "./create";
import { registerRevokeApiKey } from "./delete";
import { registerListApiKeys } from "./list";

export function registerApiKeyRoutes(app: OpenAPIHono<AppEnv>) {
  registerCreateApiKey(app);
  registerListApiKeys(app);
  registerRevokeApiKey(app);
}
