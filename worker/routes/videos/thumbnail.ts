import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { ApiError } from "../../errors";
import { requireProjectAccess } from "../../middleware/auth";
import { getProjectAsset } from "../../storage/assets";
import { rangeResponses } from "../assets/content-route";
import { AssetParamsSchema } from "../assets/schema";
import { serveDerivedObject } from "../assets/serve-object";

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
    return serveDerivedObject(c, asset.thumbnailKey, `Video ${assetId} has no thumbnail yet`);
  });
}
