import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { registerProjectEventStream } from "./stream";
import { registerProjectEventWebSocket } from "./ws";

export function registerProjectEventRoutes(app: OpenAPIHono<AppEnv>) {
  registerProjectEventStream(app);
  registerProjectEventWebSocket(app);
}
