import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { MUSIC_ROUTES } from "../assets/schema";
import { registerUploadRoute } from "../assets/upload-route";

/** `POST /projects/{project_id}/music`: background music for exports. */
export function registerUploadMusic(app: OpenAPIHono<AppEnv>) {
  registerUploadRoute(app, MUSIC_ROUTES, {
    operationId: "uploadMusic",
    summary: "Upload background music (.mp3, .wav, .m4a, .aac, .ogg) as multipart/form-data",
  });
}
