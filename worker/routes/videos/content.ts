import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { MEDIA_FORMATS, UPLOAD_FORMATS } from "../../storage/media-types";
import { registerContentRoute } from "../assets/content-route";
import { VIDEO_ROUTES } from "../assets/schema";
import { requireVideoOrLearnerAccess } from "./learner-video-access";

/** `GET|HEAD /projects/{project_id}/videos/{asset_id}/content` */
export function registerGetVideoContent(app: OpenAPIHono<AppEnv>) {
  registerContentRoute(app, VIDEO_ROUTES, {
    operationId: "getVideoContent",
    summary: "Stream a video file (Range requests for seeking, conditional requests)",
    // A video is served as the type its upload was checked to be.
    contentTypes: UPLOAD_FORMATS.video.map((format) => MEDIA_FORMATS[format].contentType),
    access: requireVideoOrLearnerAccess,
    streamTokens: true,
  });
}
