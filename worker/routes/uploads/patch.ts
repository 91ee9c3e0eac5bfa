import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { ApiError } from "../../errors";
import { requireUploadAccess } from "../../middleware/upload-access";
import { appendToUpload } from "../../uploads/upload-append";
import { uploadResult } from "../../uploads/upload-outcome";
import { defineRoute } from "../define-route";
import { BEARER_OR_UPLOAD_TOKEN } from "../security";
import { PatchHeadersSchema, tusHeaderDocs, UploadParamsSchema, UploadTokenQuerySchema } from "./schema";
import {
  httpDate,
  integerHeader,
  isOffsetOctetStream,
  parseUploadChecksum,
  requireTusVersion,
  tusProtocol,
} from "./tus-protocol";
import { appendDeps, uploadFromPath } from "./upload-params";

const route = defineRoute({
  method: "patch",
  path: "/projects/{project_id}/uploads/{upload_id}",
  operationId: "appendResumableUpload",
  summary: "tus PATCH: append bytes at Upload-Offset",
  description:
    "Streams the body into the upload. A retried PATCH at an offset the server already passed answers 409; " +
    "HEAD for the offset and resume from there. The PATCH that completes the upload registers the video " +
    "(content checked as for the one-shot upload; a non-video answers 415 and is deleted) and carries Asset-Id.",
  tags: ["Uploads"],
  middleware: [tusProtocol, requireUploadAccess, requireTusVersion],
  security: BEARER_OR_UPLOAD_TOKEN,
  request: {
    params: UploadParamsSchema,
    query: UploadTokenQuerySchema,
    headers: PatchHeadersSchema,
    body: {
      required: true,
      // A plain schema, not zod: the validator would otherwise read the body before the handler streams it.
      content: { "application/offset+octet-stream": { schema: { type: "string", format: "binary" } } },
    },
  },
  errors: [400, 404, 409, 410, 413, 415, 460, 503],
  responses: {
    204: { description: "Stored; Upload-Offset is the new offset", headers: tusHeaderDocs },
  },
});

export function registerPatchUpload(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { projectId, uploadId, stub } = uploadFromPath(c);
    if (!isOffsetOctetStream(c.req.header("content-type"))) {
      throw new ApiError("UNSUPPORTED_MEDIA_TYPE", "PATCH bodies must be application/offset+octet-stream");
    }
    const offset = integerHeader(c.req.header("upload-offset"), "Upload-Offset");
    if (offset === undefined) throw new ApiError("BAD_REQUEST", "Upload-Offset is required");
    const contentLength = integerHeader(c.req.header("content-length"), "Content-Length");
    const sha1 = parseUploadChecksum(c.req.header("upload-checksum"));
    const deps = appendDeps(c, stub, uploadId);
    const view = uploadResult(await appendToUpload(deps, { projectId, offset, contentLength, sha1 }, c.req.raw.body));
    const headers: Record<string, string> = { "Upload-Offset": String(view.offset) };
    if (view.status !== "completed") headers["Upload-Expires"] = httpDate(view.expiresAt);
    if (view.assetId) {
      headers["Asset-Id"] = view.assetId;
      c.get("logger").info("upload_asset_registered", {
        project_id: projectId,
        upload_id: uploadId,
        asset_id: view.assetId,
      });
    }
    return c.body(null, 204, headers);
  });
}
