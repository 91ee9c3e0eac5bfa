import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { registerCreateUpload } from "./create";
import { registerCreateDirectUpload } from "./create-direct";
import { registerTerminateUpload } from "./delete";
import { registerGetUpload } from "./head";
import { registerDescribeUploads } from "./options";
import { registerPatchUpload } from "./patch";

/** tus 1.0.0 resumable uploads plus one-time direct upload URLs. */
export function registerUploadRoutes(app: OpenAPIHono<AppEnv>) {
  registerCreateDirectUpload(app);
  registerDescribeUploads(app);
  registerCreateUpload(app);
  registerGetUpload(app);
  registerPatchUpload(app);
  registerTerminateUpload(app);
}
