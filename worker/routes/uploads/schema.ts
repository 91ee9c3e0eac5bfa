import { z } from "@hono/zod-openapi";
import { UPLOAD_ID_PATTERN } from "../../uploads/upload-stub";
import { ProjectIdSchema } from "../project-params";

export const UploadParamsSchema = z.object({
  project_id: ProjectIdSchema,
  // Checked by hand (404 like any unknown upload), so tus clients never see a 422 for a bad URL.
  upload_id: z.string().openapi({
    param: { name: "upload_id", in: "path" },
    description: `Upload id from the creation's Location (${UPLOAD_ID_PATTERN.source})`,
    example: "8f14e45fceea467a9b3c2d1e0f9a8b7c",
  }),
});

export const UploadTokenQuerySchema = z.object({
  token: z.string().optional().openapi({
    description: "Signed token of a direct upload URL (instead of an API key); the URLs this API returns carry it",
    example: "eyJwdXJwb3NlIjoidXBsb2FkIn0.c2lnbmF0dXJl",
  }),
});

const header = (description: string, example: string) => z.string().optional().openapi({ description, example });

export const TusResumableHeader = header("Protocol version; must be 1.0.0 (412 otherwise)", "1.0.0");

export const HeadHeadersSchema = z.object({ "tus-resumable": TusResumableHeader });

/** Response header documentation shared by the tus verbs. */
export const tusHeaderDocs = {
  "Tus-Resumable": { schema: { type: "string" as const }, description: "Always 1.0.0" },
  "Upload-Offset": { schema: { type: "integer" as const }, description: "Bytes the server has stored" },
  "Upload-Expires": {
    schema: { type: "string" as const },
    description: "When an unfinished upload expires (RFC 9110 date)",
  },
  "Asset-Id": { schema: { type: "string" as const }, description: "The video asset the upload became, once complete" },
};

export const PatchHeadersSchema = z.object({
  "tus-resumable": TusResumableHeader,
  "upload-offset": header("Offset this chunk starts at; must equal the upload's offset (409 otherwise)", "5242880"),
  "upload-checksum": header(
    "Optional `sha1 <base64>` of this request's body (460 on mismatch)",
    "sha1 Kq5sNclPz7QV2+lfQIuc6R7oRu0=",
  ),
  "content-type": header("Must be application/offset+octet-stream (415 otherwise)", "application/offset+octet-stream"),
});

export const CreateHeadersSchema = z.object({
  "tus-resumable": TusResumableHeader,
  "upload-length": header("Total size in bytes, at most Tus-Max-Size (413 otherwise)", "31457280"),
  "upload-metadata": header(
    "Comma-separated `key base64value` pairs; `filename` (a .mp4, .mov or .avi name) or a video `filetype` is required",
    "filename bGVzc29uLm1wNA==,filetype dmlkZW8vbXA0",
  ),
  "upload-checksum": header(
    "With a body (creation-with-upload): `sha1 <base64>` of it",
    "sha1 Kq5sNclPz7QV2+lfQIuc6R7oRu0=",
  ),
  "content-type": header(
    "application/offset+octet-stream when the request carries the first bytes",
    "application/offset+octet-stream",
  ),
});

export const UploadStatusSchema = z
  .object({
    id: z.string().openapi({ example: "8f14e45fceea467a9b3c2d1e0f9a8b7c" }),
    status: z.enum(["uploading", "assembled", "completed"]).openapi({
      description: "uploading → (assembled →) completed once the asset is registered",
      example: "uploading",
    }),
    offset: z.number().int().openapi({ description: "Bytes stored so far", example: 10485760 }),
    length: z.number().int().openapi({ description: "Upload-Length", example: 31457280 }),
    created_at: z.string().openapi({ example: "2026-11-24T03:30:00.000Z" }),
    expires_at: z
      .string()
      .openapi({ description: "When the unfinished upload expires", example: "2026-11-25T03:30:00.000Z" }),
    asset_id: z.string().nullable().openapi({ description: "The video asset, once complete", example: null }),
  })
  .openapi("ResumableUpload");
export type UploadStatusResponse = z.infer<typeof UploadStatusSchema>;

export const DirectUploadRequestSchema = z
  .strictObject({
    max_size_bytes: z.number().int().min(1).optional().openapi({
      description: "Largest Upload-Length the URL accepts; default and ceiling RESUMABLE_UPLOAD_MAX_SIZE",
      example: 2147483648,
    }),
    expires_in_seconds: z.number().int().min(60).max(604800).optional().openapi({
      description: "How long the URL can be used to start the upload (default 3600, at most 7 days)",
      example: 3600,
    }),
  })
  .openapi("DirectUploadRequest");

export const DirectUploadSchema = z
  .object({
    id: z
      .string()
      .openapi({ description: "The upload id the URL will create", example: "8f14e45fceea467a9b3c2d1e0f9a8b7c" }),
    upload_url: z.string().openapi({
      description: "tus creation endpoint with a signed single-use token; needs no API key",
      example: "https://api.example.com/projects/lesson-app/uploads?token=eyJwdXJwb3NlIjoiZGlyZWN0X3VwbG9hZCJ9.c2ln",
    }),
    expires_at: z
      .string()
      .openapi({ description: "The URL cannot start an upload after this", example: "2026-11-24T04:30:00.000Z" }),
    max_size_bytes: z.number().int().openapi({ example: 2147483648 }),
  })
  .openapi("DirectUpload");
export type DirectUploadResponse = z.infer<typeof DirectUploadSchema>;
