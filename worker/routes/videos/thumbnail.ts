import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { ApiError } from "../../errors";
import { getProjectAsset } from "../../storage/assets";
import { registerDownloadRoute } from "../assets/download-route";
import { serveDerivedObject } from "../assets/serve-object";
import { requireVideoOrLearnerAccess } from "./learner-video-access";

/** `GET|HEAD /projects/{project_id}/videos/{asset_id}/thumbnail` */
export function registerGetVideoThumbnail(app: OpenAPIHono<AppEnv>) {
  const spec = {
    path: "/projects/{project_id}/videos/{asset_id}/thumbnail",
    operationId: "getVideoThumbnail",
    summary: "The video's thumbnail image; 404 until ingest has made one",
    tag: "Videos",
    what: "thumbnail",
    access: requireVideoOrLearnerAccess,
    streamTokens: true,
    contentTypes: ["image/jpeg"],
  } as const;
  registerDownloadRoute(app, spec, async (c, { project_id: projectId, asset_id: assetId }) => {
    const asset = await getProjectAsset(c.get("services").db, projectId, assetId, "video");
    if (!asset) throw new ApiError("NOT_FOUND", `No video ${assetId} in project ${projectId}`);
    return serveDerivedObject(c, asset.thumbnailKey, `Video ${assetId} has no thumbnail yet`);
  });
}
