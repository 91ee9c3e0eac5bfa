import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { ApiError } from "../../errors";
import { storyboardSpriteKey } from "../../jobs/ingest/asset-ingest-state";
import { requireProjectAccess } from "../../middleware/auth";
import { getProjectAsset } from "../../storage";
import { rangeResponses } from "../assets/content-route";
import { AssetParamsSchema } from "../assets/schema";
import { serveDerivedObject } from "../assets/serve-object";

const route = createRoute({
  method: "get",
  path: "/projects/{project_id}/videos/{asset_id}/storyboard/sprite",
  operationId: "getVideoStoryboardSprite",
  summary: "The storyboard sprite (JPEG of evenly spaced frames); 404 until ingest has made one",
  tags: ["Videos"],
  middleware: [requireProjectAccess] as const,
  security: [{ bearerAuth: [] }],
  request: { params: AssetParamsSchema },
  responses: rangeResponses("storyboard sprite"),
});

export function registerGetVideoStoryboardSprite(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { project_id: projectId, asset_id: assetId } = c.req.valid("param");
    const asset = await getProjectAsset(c.get("services").db, projectId, assetId, "video");
    if (!asset) throw new ApiError("NOT_FOUND", `No video ${assetId} in project ${projectId}`);
    const spriteKey = asset.storyboardKey ? storyboardSpriteKey(asset.storyboardKey) : null;
    return serveDerivedObject(c, spriteKey, `Video ${assetId} has no storyboard yet`);
  });
}
