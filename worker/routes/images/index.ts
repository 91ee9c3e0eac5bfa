import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { registerUploadImage } from "./post";

export function registerImageRoutes(app: OpenAPIHono<AppEnv>) {
  registerUploadImage(app);
}
