import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../app-env";
import { ApiError } from "../../errors";
import { requireUploadAccess } from "../../middleware/upload-access";
import { cleanOriginalFilename, fileExtension } from "../../storage/layout";
import { acceptedExtensions, formatForExtension, MEDIA_FORMATS, UPLOAD_FORMATS } from "../../storage/media-types";
import { partSizeFor } from "../../storage/object-writer";
import { appendToUpload } from "../../uploads/upload-append";
import { uploadResult } from "../../uploads/upload-outcome";
import { newUploadId, uploadStub } from "../../uploads/upload-stub";
import { defineRoute } from "../define-route";
import { ProjectParamsSchema } from "../project-params";
import { BEARER_OR_UPLOAD_TOKEN } from "../security";
import { CreateHeadersSchema, tusHeaderDocs, UploadTokenQuerySchema } from "./schema";
import {
  httpDate,
  integerHeader,
  isOffsetOctetStream,
  parseUploadChecksum,
  parseUploadMetadata,
  requireTusVersion,
  tusProtocol,
} from "./tus-protocol";
import { appendDeps } from "./upload-params";
import { uploadLocation } from "./upload-url";

const route = defineRoute({
  method: "post",
  path: "/projects/{project_id}/uploads",
  operationId: "createResumableUpload",
  summary: "tus creation (and creation-with-upload) of a resumable video upload",
  description:
    "Creates an upload of Upload-Length bytes and answers with its Location. With an " +
    "application/offset+octet-stream body the first bytes are stored at once. With `?token=` from a direct " +
    "upload URL no API key is needed; the token creates one upload only.",
  tags: ["Uploads"],
  middleware: [tusProtocol, requireUploadAccess, requireTusVersion],
  security: BEARER_OR_UPLOAD_TOKEN,
  request: {
    params: ProjectParamsSchema,
    query: UploadTokenQuerySchema,
    headers: CreateHeadersSchema,
    body: {
      required: false,
      content: { "application/offset+octet-stream": { schema: { type: "string", format: "binary" } } },
    },
  },
  errors: [400, 409, 410, 413, 415, 460, 503],
  responses: {
    201: {
      description: "Created; PATCH the Location to upload",
      headers: { Location: { schema: { type: "string" }, description: "The upload's URL" }, ...tusHeaderDocs },
    },
  },
});

/** The stored format from the metadata: a video file name, or failing that a video filetype. */
function videoOf(metadata: Map<string, string>): { originalFilename: string; contentType: string } {
  const filename = cleanOriginalFilename(metadata.get("filename") ?? "");
  const byName = formatForExtension("video", fileExtension(filename));
  const byType = UPLOAD_FORMATS.video.find((format) => MEDIA_FORMATS[format].contentType === metadata.get("filetype"));
  const format = byName ?? byType;
  if (!format) {
    const accepted = acceptedExtensions("video")
      .map((ext) => `.${ext}`)
      .join(", ");
    throw new ApiError("UNSUPPORTED_MEDIA_TYPE", `Upload-Metadata must name a video file (${accepted}) in 'filename'`);
  }
  const extension = MEDIA_FORMATS[format].extensions[0];
  // Named by its filetype: the stored name gets that format's extension (and stays within the length bound).
  const originalFilename = byName
    ? filename
    : cleanOriginalFilename(`${filename.replace(/\.[^.]*$/, "") || "upload"}.${extension}`);
  return { originalFilename, contentType: MEDIA_FORMATS[format].contentType };
}

function uploadLimit(c: Context<AppEnv>): number {
  const { settings } = c.get("services");
  const principal = c.get("principal");
  const tokenLimit = principal.kind === "upload_token" ? principal.maxSize : null;
  return Math.min(settings.RESUMABLE_UPLOAD_MAX_SIZE, tokenLimit ?? Number.POSITIVE_INFINITY);
}

export function registerCreateUpload(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    // Validated by the auth middleware (400) before this runs; valid() cannot type this route's mixed body.
    const projectId = c.req.param("project_id") ?? "";
    const { settings, logger } = c.get("services");
    if (c.req.header("upload-defer-length") !== undefined) {
      throw new ApiError("BAD_REQUEST", "Upload-Defer-Length is not supported; send Upload-Length");
    }
    const length = integerHeader(c.req.header("upload-length"), "Upload-Length");
    if (length === undefined) throw new ApiError("BAD_REQUEST", "Upload-Length is required");
    if (length === 0)
      throw new ApiError("BAD_REQUEST", "Upload-Length must be at least 1: an empty file is not a video");
    const limit = uploadLimit(c);
    if (length > limit) throw new ApiError("PAYLOAD_TOO_LARGE", `Upload-Length exceeds the maximum of ${limit} bytes`);
    const rawMetadata = c.req.header("upload-metadata") ?? null;
    const video = videoOf(parseUploadMetadata(rawMetadata ?? undefined));

    const contentLength = integerHeader(c.req.header("content-length"), "Content-Length");
    const withBody = isOffsetOctetStream(c.req.header("content-type"));
    if (!withBody && ((contentLength ?? 0) > 0 || c.req.header("content-type") !== undefined)) {
      throw new ApiError("UNSUPPORTED_MEDIA_TYPE", "A creation body must be application/offset+octet-stream");
    }
    const sha1 = withBody ? parseUploadChecksum(c.req.header("upload-checksum")) : undefined;

    const principal = c.get("principal");
    const direct = principal.kind === "upload_token";
    const uploadId = direct ? principal.uploadId : newUploadId();
    const now = Date.now();
    const stub = uploadStub(c.env.UPLOADS, projectId, uploadId);
    const created = uploadResult(
      await stub.create({
        uploadId,
        projectId,
        length,
        metadata: rawMetadata,
        ...video,
        partSize: partSizeFor(length),
        expiresAt: now + settings.RESUMABLE_UPLOAD_EXPIRY_SECONDS * 1000,
        // A direct token is good for at most 7 days; its upload id stays spent at least that long.
        retainUntil: direct ? now + 7 * 24 * 60 * 60 * 1000 : 0,
      }),
    );
    const location = await uploadLocation(c, projectId, uploadId, created.expiresAt);
    const headers: Record<string, string> = { Location: location, "Upload-Expires": httpDate(created.expiresAt) };
    logger.info("upload_created", { project_id: projectId, upload_id: uploadId, length, direct });
    if (!withBody) return c.body(null, 201, headers);

    // The upload exists whatever the append does: an error answer still says where to resume.
    for (const [name, value] of Object.entries(headers)) c.header(name, value);
    const deps = appendDeps(c, stub, uploadId);
    const stored = uploadResult(
      await appendToUpload(deps, { projectId, offset: 0, contentLength, sha1 }, c.req.raw.body),
    );
    headers["Upload-Offset"] = String(stored.offset);
    if (stored.assetId) headers["Asset-Id"] = stored.assetId;
    return c.body(null, 201, headers);
  });
}
