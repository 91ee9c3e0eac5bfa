import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import type { ErrorStatus } from "../../errors";
import { requireUploadAccess } from "../../middleware/upload-access";
import { type UploadView, uploadResult } from "../../uploads/upload-outcome";
import { defineRoute, registerOperationDocs } from "../define-route";
import { BEARER_OR_UPLOAD_TOKEN } from "../security";
import {
  HeadHeadersSchema,
  tusHeaderDocs,
  UploadParamsSchema,
  UploadStatusSchema,
  UploadTokenQuerySchema,
} from "./schema";
import { httpDate, requireTusVersion, tusProtocol } from "./tus-protocol";
import { uploadFromPath } from "./upload-params";

const request = {
  params: UploadParamsSchema,
  query: UploadTokenQuerySchema,
};
const headers = {
  ...tusHeaderDocs,
  "Upload-Length": { schema: { type: "integer" as const }, description: "The upload's total size" },
  "Upload-Metadata": { schema: { type: "string" as const }, description: "The metadata given at creation" },
  "Cache-Control": { schema: { type: "string" as const }, description: "no-store" },
};

// Hono answers HEAD through the GET route (without the body), so one handler serves both verbs;
// the HEAD operation is documented separately because it is the tus verb clients use.
const route = defineRoute({
  method: "get",
  path: "/projects/{project_id}/uploads/{upload_id}",
  operationId: "getResumableUpload",
  summary: "Progress of a resumable upload (HEAD is the tus form of this request)",
  tags: ["Uploads"],
  middleware: [tusProtocol, requireUploadAccess, requireTusVersion],
  security: BEARER_OR_UPLOAD_TOKEN,
  request,
  errors: [404, 410],
  responses: {
    200: { description: "The upload", headers, content: { "application/json": { schema: UploadStatusSchema } } },
  },
});

const headOperation = {
  method: "head" as const,
  path: "/projects/{project_id}/uploads/{upload_id}",
  operationId: "headResumableUpload",
  summary: "tus HEAD: the upload's offset, to resume from",
  tags: ["Uploads"],
  middleware: [tusProtocol, requireUploadAccess, requireTusVersion],
  security: BEARER_OR_UPLOAD_TOKEN,
  request: { ...request, headers: HeadHeadersSchema },
  errors: [404, 410] satisfies ErrorStatus[],
  responses: {
    200: { description: "Upload-Offset and Upload-Length in headers, no body", headers },
  },
};

function statusHeaders(view: UploadView): Record<string, string> {
  const result: Record<string, string> = {
    "Upload-Offset": String(view.offset),
    "Upload-Length": String(view.length),
    "Cache-Control": "no-store",
  };
  if (view.metadata) result["Upload-Metadata"] = view.metadata;
  if (view.status !== "completed") result["Upload-Expires"] = httpDate(view.expiresAt);
  if (view.assetId) result["Asset-Id"] = view.assetId;
  return result;
}

export function registerGetUpload(app: OpenAPIHono<AppEnv>) {
  registerOperationDocs(app, headOperation);
  app.openapi(route, async (c) => {
    const { projectId, uploadId, stub } = uploadFromPath(c);
    // Set first so that an error answer is not cached either.
    c.header("Cache-Control", "no-store");
    const view = uploadResult(await stub.status(projectId));
    // The tus HEAD is documented (and answered) as headers only: no JSON Content-Type for a body it never has.
    if (c.req.method === "HEAD") return c.body(null, 200, statusHeaders(view)) as never;
    const body = UploadStatusSchema.parse({
      id: uploadId,
      status: view.status,
      offset: view.offset,
      length: view.length,
      created_at: view.createdAt,
      expires_at: view.expiresAt,
      asset_id: view.assetId,
    });
    return c.json(body, 200, statusHeaders(view));
  });
}
