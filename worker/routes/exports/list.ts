import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { registerListRoute } from "../assets/list-route";
import { EXPORT_ROUTES } from "../assets/schema";

/** `GET /projects/{project_id}/exports` */
export function registerListExports(app: OpenAPIHono<AppEnv>) {
  registerListRoute(app, EXPORT_ROUTES, {
    operationId: "listExports",
    summary: "List a project's rendered exports, newest first (cursor pagination)",
  });
}
