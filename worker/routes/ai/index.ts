import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { registerGetScenes } from "./scenes";
import { registerGetTranscript } from "./transcript";

export function registerAiRoutes(app: OpenAPIHono<AppEnv>) {
  registerGetTranscript(app);
  registerGetScenes(app);
}
