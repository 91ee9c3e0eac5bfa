import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { ApiError } from "../../errors";
import { storyboardSpriteKey } from "../../jobs/ingest/asset-ingest-state";
import { getProjectAsset } from "../../storage";
import { registerDownloadRoute } from "../assets/download-route";
import { serveDerivedObject } from "../assets/serve-object";
import { requireVideoOrLearnerAccess } from "./learner-video-access";

/** `GET|HEAD /projects/{project_id}/videos/{asset_id}/storyboard/sprite` */
export function registerGetVideoStoryboardSprite(app: OpenAPIHono<AppEnv>) {
  const spec = {
    path: "/projects/{project_id}/videos/{asset_id}/storyboard/sprite",
    operationId: "getVideoStoryboardSprite",
    summary: "The storyboard sprite (JPEG of evenly spaced frames); 404 until ingest has made one",
    tag: "Videos",
    what: "storyboard sprite",
    access: requireVideoOrLearnerAccess,
    streamTokens: true,
    contentTypes: ["image/jpeg"],
  } as const;
  registerDownloadRoute(app, spec, async (c, { project_id: projectId, asset_id: assetId }) => {
    const asset = await getProjectAsset(c.get("services").db, projectId, assetId, "video");
    if (!asset) throw new ApiError("NOT_FOUND", `No video ${assetId} in project ${projectId}`);
    const spriteKey = asset.storyboardKey ? storyboardSpriteKey(asset.storyboardKey) : null;
    return serveDerivedObject(c, spriteKey, `Video ${assetId} has no storyboard yet`);
  });
}
