import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { ApiError } from "../../errors";
import { requireProjectAccess } from "../../middleware/auth";
import { getProjectAsset } from "../../storage/assets";
import { rangeResponses } from "../assets/content-route";
import { AssetParamsSchema } from "../assets/schema";
import { serveObject } from "../assets/serve-object";

const route = createRoute({
  method: "get",
  path: "/projects/{project_id}/videos/{asset_id}/thumbnail",
  operationId: "getVideoThumbnail",
  summary: "The video's thumbnail image; 404 until ingest has made one",
  tags: ["Videos"],
  middleware: [requireProjectAccess] as const,
  security: [{ bearerAuth: [] }],
  request: { params: AssetParamsSchema },
  responses: rangeResponses("thumbnail"),
});

export function registerGetVideoThumbnail(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { project_id: projectId, asset_id: assetId } = c.req.valid("param");
    const asset = await getProjectAsset(c.get("services").db, projectId, assetId, "video");
    if (!asset) throw new ApiError("NOT_FOUND", `No video ${assetId} in project ${projectId}`);
    // Thumbnails can be regenerated under the same key, so R2's own validators are used, not the asset's.
    const head = asset.thumbnailKey ? await c.env.BUCKET.head(asset.thumbnailKey) : null;
    if (!asset.thumbnailKey || !head) throw new ApiError("NOT_FOUND", `Video ${assetId} has no thumbnail yet`);
    return serveObject(c, c.env.BUCKET, {
      key: head.key,
      size: head.size,
      etag: head.httpEtag,
      lastModified: head.uploaded,
      contentType: head.httpMetadata?.contentType ?? "image/jpeg",
    });
  });
}
