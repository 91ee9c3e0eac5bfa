import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { requireUploadAccess } from "../../middleware/upload-access";
import { uploadResult } from "../../uploads/upload-outcome";
import { defineRoute } from "../define-route";
import { BEARER_OR_UPLOAD_TOKEN } from "../security";
import { HeadHeadersSchema, UploadParamsSchema, UploadTokenQuerySchema } from "./schema";
import { requireTusVersion, tusProtocol } from "./tus-protocol";
import { uploadFromPath } from "./upload-params";

const route = defineRoute({
  method: "delete",
  path: "/projects/{project_id}/uploads/{upload_id}",
  operationId: "terminateResumableUpload",
  summary: "tus termination: abort an unfinished upload and discard its bytes",
  tags: ["Uploads"],
  middleware: [tusProtocol, requireUploadAccess, requireTusVersion],
  security: BEARER_OR_UPLOAD_TOKEN,
  request: { params: UploadParamsSchema, query: UploadTokenQuerySchema, headers: HeadHeadersSchema },
  errors: [404, 409, 410],
  responses: {
    204: {
      description: "Terminated; the upload answers 410 from now on",
      headers: { "Tus-Resumable": { schema: { type: "string" }, description: "1.0.0" } },
    },
  },
});

export function registerTerminateUpload(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { projectId, uploadId, stub } = uploadFromPath(c);
    uploadResult(await stub.terminate(projectId));
    c.get("logger").info("upload_terminated", { project_id: projectId, upload_id: uploadId });
    return c.body(null, 204);
  });
}
