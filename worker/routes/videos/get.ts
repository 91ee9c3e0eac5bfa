import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { registerGetRoute } from "../assets/get-route";
import { VIDEO_ROUTES } from "../assets/schema";

/** `GET /projects/{project_id}/videos/{asset_id}` */
export function registerGetVideo(app: OpenAPIHono<AppEnv>) {
  registerGetRoute(app, VIDEO_ROUTES, {
    operationId: "getVideo",
    summary: "Get a video's metadata, status and links to its content and thumbnail",
  });
}
