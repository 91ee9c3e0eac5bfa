import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { registerDeleteRoute } from "../assets/delete-route";
import { EXPORT_ROUTES } from "../assets/schema";

/** `DELETE /projects/{project_id}/exports/{asset_id}` */
export function registerDeleteExport(app: OpenAPIHono<AppEnv>) {
  registerDeleteRoute(app, EXPORT_ROUTES, {
    operationId: "deleteExport",
    summary: "Delete a rendered export and its thumbnail",
  });
}
