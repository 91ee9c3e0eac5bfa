import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { registerUploadMusic } from "./post";

export function registerMusicRoutes(app: OpenAPIHono<AppEnv>) {
  registerUploadMusic(app);
}
