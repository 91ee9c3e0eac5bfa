import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { VIDEO_ROUTES } from "../assets/schema";
import { registerUploadRoute, type UploadRouteOptions } from "../assets/upload-route";

/**
 * `POST /projects/{project_id}/videos`. `onRegistered` is where the ingest job is created once the
 * job engine exists; it sets the asset's ingest_job_id, which the response then carries.
 */
export function registerUploadVideo(app: OpenAPIHono<AppEnv>, onRegistered?: UploadRouteOptions["onRegistered"]) {
  registerUploadRoute(app, VIDEO_ROUTES, {
    operationId: "uploadVideo",
    summary: "Upload a video (.mp4, .mov, .avi) as multipart/form-data",
    onRegistered,
  });
}
