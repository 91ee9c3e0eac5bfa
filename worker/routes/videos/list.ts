import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { registerListRoute } from "../assets/list-route";
import { VIDEO_ROUTES } from "../assets/schema";

/** `GET /projects/{project_id}/videos` */
export function registerListVideos(app: OpenAPIHono<AppEnv>) {
  registerListRoute(app, VIDEO_ROUTES, {
    operationId: "listVideos",
    summary: "List a project's videos, newest first (cursor pagination)",
  });
}
