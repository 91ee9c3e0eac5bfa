import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { startVideoIngest } from "../../jobs/ingest/start-ingest";
import { VIDEO_ROUTES } from "../assets/schema";
import { registerUploadRoute } from "../assets/upload-route";

/**
 * `POST /projects/{project_id}/videos`: stores the video, then starts its ingest job. The response carries the
 * job as `ingest_job_id`; it is null when the job could not be created (e.g. the queue was full), and the
 * client then starts ingest with `POST /projects/{project_id}/jobs`.
 */
export function registerUploadVideo(app: OpenAPIHono<AppEnv>) {
  registerUploadRoute(app, VIDEO_ROUTES, {
    operationId: "uploadVideo",
    summary: "Upload a video (.mp4, .mov, .avi) as multipart/form-data; starts its ingest job",
    onRegistered: (c, asset) => {
      const { db, settings } = c.get("services");
      return startVideoIngest({ db, env: c.env, settings, logger: c.get("logger") }, asset);
    },
  });
}
