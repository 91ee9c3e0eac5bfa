import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { ApiError } from "../../errors";
import type { DocumentedMiddleware } from "../../middleware/documented";
import { getProjectAsset } from "../../storage/assets";
import { registerDownloadRoute } from "./download-route";
import type { AssetRouteConfig } from "./schema";
import { serveObject } from "./serve-object";

/** Content-Disposition with the stored name, plus the client's original name for browsers that read it. */
export function inlineDisposition(filename: string, originalFilename: string): string {
  return `inline; filename="${filename}"; filename*=UTF-8''${encodeURIComponent(originalFilename)}`;
}

/** `GET|HEAD /projects/{project_id}/<segment>/{asset_id}/content`: streams the file, with Range and validators. */
export function registerContentRoute(
  app: OpenAPIHono<AppEnv>,
  config: AssetRouteConfig,
  options: {
    operationId: `get${string}`;
    summary: string;
    contentTypes: readonly string[];
    access?: DocumentedMiddleware;
    streamTokens?: boolean;
  },
) {
  const spec = {
    path: `/projects/{project_id}/${config.segment}/{asset_id}/content`,
    operationId: options.operationId,
    summary: options.summary,
    description:
      "Supports `Range: bytes=a-b`, `bytes=a-` and suffix `bytes=-n` (206 with Content-Range, 416 when unsatisfiable), ETag/Last-Modified with If-None-Match, If-Modified-Since, If-Range, If-Match, and HEAD.",
    tag: config.tag,
    what: config.noun,
    contentTypes: options.contentTypes,
    access: options.access,
    streamTokens: options.streamTokens,
  };
  registerDownloadRoute(app, spec, async (c, { project_id: projectId, asset_id: assetId }) => {
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
