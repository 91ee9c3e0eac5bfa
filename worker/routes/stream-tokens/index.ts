import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { registerCreateStreamToken } from "./create";

export function registerStreamTokenRoutes(app: OpenAPIHono<AppEnv>) {
  registerCreateStreamToken(app);
}
