import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { IMAGE_ROUTES } from "../assets/schema";
import { registerUploadRoute } from "../assets/upload-route";

/** `POST /projects/{project_id}/images`: watermark images for exports. */
export function registerUploadImage(app: OpenAPIHono<AppEnv>) {
  registerUploadRoute(app, IMAGE_ROUTES, {
    operationId: "uploadImage",
    summary: "Upload an image (.png, .jpg, .jpeg, .webp), e.g. a watermark, as multipart/form-data",
  });
}
