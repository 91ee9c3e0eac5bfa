import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { ApiError, errorResponses } from "../../errors";
import { requireProjectAccess } from "../../middleware/auth";
import { getProjectAsset } from "../../storage/assets";
import { AssetParamsSchema, type AssetRouteConfig } from "./schema";
import { serveObject } from "./serve-object";

export const BinaryBodySchema = z.string().openapi({ type: "string", format: "binary" });

export const rangeResponses = (what: string) =>
  ({
    200: { description: `The whole ${what}`, content: { "application/octet-stream": { schema: BinaryBodySchema } } },
    206: {
      description: "The requested byte range (see Content-Range)",
      content: { "application/octet-stream": { schema: BinaryBodySchema } },
    },
    304: { description: "Not modified since the validators the client sent" },
    ...errorResponses(400, 401, 403, 404, 412, 416, 429, 503),
  }) as const;

/** Content-Disposition with the stored name, plus the client's original name for browsers that read it. */
export function inlineDisposition(filename: string, originalFilename: string): string {
  return `inline; filename="${filename}"; filename*=UTF-8''${encodeURIComponent(originalFilename)}`;
}

/** `GET|HEAD /projects/{project_id}/<segment>/{asset_id}/content`: streams the file, with Range and validators. */
export function registerContentRoute(
  app: OpenAPIHono<AppEnv>,
  config: AssetRouteConfig,
  options: { operationId: string; summary: string },
) {
  const route = createRoute({
    method: "get",
    path: `/projects/{project_id}/${config.segment}/{asset_id}/content`,
    operationId: options.operationId,
    summary: options.summary,
    description:
      "Supports `Range: bytes=a-b`, `bytes=a-` and suffix `bytes=-n` (206 with Content-Range, 416 when unsatisfiable), ETag/Last-Modified with If-None-Match, If-Modified-Since, If-Range, If-Match, and HEAD.",
    tags: [config.tag],
    middleware: [requireProjectAccess] as const,
    security: [{ bearerAuth: [] }],
    request: { params: AssetParamsSchema },
    responses: rangeResponses(config.noun),
  });

  app.openapi(route, async (c) => {
    const { project_id: projectId, asset_id: assetId } = c.req.valid("param");
    const asset = await getProjectAsset(c.get("services").db, projectId, assetId, config.category);
    if (!asset) throw new ApiError("NOT_FOUND", `No ${config.noun} ${assetId} in project ${projectId}`);
    // The file never changes after upload, so its SHA-256 is a strong validator and needs no R2 round trip.
    return serveObject(c, c.env.BUCKET, {
      key: asset.r2Key,
      size: asset.sizeBytes,
      etag: `"${asset.checksum}"`,
      lastModified: new Date(asset.createdAt),
      contentType: asset.contentType,
      disposition: inlineDisposition(asset.filename, asset.originalFilename),
    });
  });
}
