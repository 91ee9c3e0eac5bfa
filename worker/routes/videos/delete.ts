import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { registerDeleteRoute } from "../assets/delete-route";
import { VIDEO_ROUTES } from "../assets/schema";

/** `DELETE /projects/{project_id}/videos/{asset_id}` */
export function registerDeleteVideo(app: OpenAPIHono<AppEnv>) {
  registerDeleteRoute(app, VIDEO_ROUTES, {
    operationId: "deleteVideo",
    summary: "Delete a video with its thumbnails, transcripts, scene runs and jobs",
  });
}
